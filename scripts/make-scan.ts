/**
 * `npm run make-scan -- <bulletin.txt> <scan.pdf | pages-folder/> [--dpi 200] [--tilt 0.6] [--specks 400] [--quality 60] [--seed 1] [--plain] [--pdf printed.pdf]`:
 * sets a text bulletin in its printed layout, prints it and makes a spoilt scan of it — an
 * image-only PDF, or (given a folder, ending in /) one JPEG a page — for trying the importer's OCR on
 * a bulletin whose text is known; `--plain` prints the text file as it is (wrapped lines, blank lines
 * kept, one font), as a text editor would. A negative tilt is written --tilt=-0.8.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bulletinHtml, degradedPages, degradedScan, plainHtml, printPdf } from './lib/scan.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dpi: { type: 'string', default: '200' },
    tilt: { type: 'string', default: '0.6' },
    specks: { type: 'string', default: '400' },
    quality: { type: 'string', default: '60' },
    seed: { type: 'string', default: '1' },
    pdf: { type: 'string' },
    plain: { type: 'boolean', default: false },
  },
});
const [input, output] = positionals;
if (!input || !output) {
  console.error('usage: npm run make-scan -- <bulletin.txt> <scan.pdf> [--dpi 200] [--tilt 0.6] [--specks 400] [--quality 60] [--seed 1]');
  process.exit(2);
}
const text = readFileSync(input, 'utf8');
const printed = await printPdf(values.plain ? plainHtml(text) : bulletinHtml(text));
if (values.pdf) writeFileSync(values.pdf, printed);
const options = {
  dpi: Number(values.dpi),
  tilt: Number(values.tilt),
  specks: Number(values.specks),
  quality: Number(values.quality),
  seed: Number(values.seed),
};
if (output.endsWith('/')) {
  mkdirSync(output, { recursive: true });
  const pages = await degradedPages(printed, options);
  pages.forEach((page, index) => writeFileSync(path.join(output, `page${index + 1}.jpg`), page));
  console.log(`make-scan: ${pages.length} pages in ${output}`);
} else {
  const scan = await degradedScan(printed, options);
  writeFileSync(output, scan);
  console.log(`make-scan: ${output} (${(scan.length / 1024).toFixed(0)} KB)`);
}
