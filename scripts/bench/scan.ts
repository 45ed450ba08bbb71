/**
 * The scan and office parts of `npm run bench:import`: 第59期 printed and scanned in several ways (a
 * copier's JPEG scan; a scanner that writes 96 ppi metadata, dense speckle and blur; a copier's 1-bit
 * document mode at 300 dpi; a faint 150 dpi copy with grain, stored in strips; the text file printed
 * as it is), and the scans made by `npm run make-scan-fixtures` (G4, JBIG2, 96 ppi, strips), each
 * imported by OCR and measured on the whole written issue; then the bulletins made in
 * Word (tests/fixtures/office), field by field. A benchmark, not a test: it asserts nothing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importTarget } from '../../src/lib/import/import-target.ts';
import { extractSource } from '../../src/lib/import/extract.ts';
import { planImport, type ImportPlan } from '../../src/lib/import/plan-import.ts';
import { recognizeBulletin } from '../../src/lib/import/recognize/index.ts';
import { fieldsRight } from '../lib/issue-fields.ts';
import { OFFICE_FIXTURES } from '../lib/office-fixtures.ts';
import { SCAN_FIXTURES } from '../lib/scan-fixtures.ts';
import { bulletinHtml, degradedScan, plainHtml, printPdf, type Degradation } from '../lib/scan.ts';
import { characterAccuracy, misreadLines } from '../lib/text-accuracy.ts';

const SEED = new URL('../../tests/fixtures/seeds/nlzf-2022-59.txt', import.meta.url);
const OFFICE = new URL('../../tests/fixtures/office/', import.meta.url);
const KINDS = new URL('../../tests/fixtures/scan-kinds/', import.meta.url);
export const SPOILT: Degradation = { dpi: 200, tilt: 0.6, specks: 400, quality: 60, seed: 1 };

/** The ways a bulletin is scanned, each as an office's machine makes it. */
const SCANS: { name: string; print: (text: string) => string; how: Degradation }[] = [
  { name: 'copier: 200 dpi JPEG q60, tilted 0.6°, 400 specks a page', print: bulletinHtml, how: SPOILT },
  {
    name: 'scanner: 200 dpi JPEG, dense speckle (2 %), blur, tilted 0.6°, pages claiming 96 ppi',
    print: bulletinHtml,
    how: { dpi: 200, tilt: 0.6, specks: 0, quality: 60, seed: 2, saltAndPepper: 0.02, blur: 0.6, claimedDpi: 96 },
  },
  {
    name: "copier's document mode: 300 dpi, 1 bit a pixel, tilted −0.4°",
    print: bulletinHtml,
    how: { dpi: 300, tilt: -0.4, specks: 300, quality: 90, seed: 3, bilevel: true },
  },
  {
    name: 'faint copy: 150 dpi, ink grey and paper dim, grain, blur, tilted 0.8°, each page in 4 strips',
    print: bulletinHtml,
    how: { dpi: 150, tilt: 0.8, specks: 100, quality: 70, seed: 4, levels: [70, 215], grain: 10, blur: 0.5, strips: 4 },
  },
  { name: 'the text file printed as it is (ragged, one font), copier as above', print: plainHtml, how: SPOILT },
];

const percent = (share: number) => `${(share * 100).toFixed(2)} %`;

/** Imports the scan `data` by OCR and prints how much of the bulletin printed from `text` came through. */
async function measureScan(label: string, file: string, data: Uint8Array, text: string): Promise<void> {
  const truth = recognizeBulletin(text).issue;
  // The whole issue as the site holds it, printed: what the written file must say.
  const truthPrinted = planImport({ text, images: [], original: { extension: '.txt', data: new Uint8Array() } }, importTarget([], 'c'), {
    force: false,
  }).printed;
  const started = performance.now();
  const source = await extractSource(file, data);
  let plan: ImportPlan | undefined;
  let refused = '';
  try {
    plan = planImport(source, importTarget([], 'content'), { force: false });
  } catch (error) {
    refused = error instanceof Error ? error.message : String(error);
  }
  const seconds = (performance.now() - started) / 1000;
  const pages = source.scan?.pages ?? 0;
  const read = characterAccuracy(text, source.text);
  const written = plan ? characterAccuracy(truthPrinted, plan.printed) : undefined;
  const misread = misreadLines(text, source.scanLines ?? []);
  const flagged = misread.filter((line) => plan?.warnings.some((warning) => warning.startsWith(`${line.name}:`)));
  const found = recognizeBulletin(source.text).issue;
  const fields = fieldsRight(truth, found);
  const shape = fieldsRight(truth, found, true);
  const unsure = plan?.warnings.filter((warning) => !warning.startsWith('line ')).length ?? 0;
  console.log(`${label} (${(data.length / 1024).toFixed(0)} KB)`);
  console.log(
    `  import          ${plan ? 'imported' : `refused: ${refused}`} in ${seconds.toFixed(1)} s, ${(seconds / (pages || 1)).toFixed(1)} s a page (${pages} pages, OCR and all)`,
  );
  console.log(
    `  characters      ${percent(read.recall)} of the ${read.truth} Han characters and digits read, ${percent(read.precision)} of those read right; on the whole written issue ${written ? percent(written.recall) : '—'}`,
  );
  console.log(
    `  fields          ${shape.right} of ${shape.total} right in structure (titles, kinds, paragraphs, closing block), ${fields.right} to the character; ${unsure} unsure: lines; mean confidence ${((source.scan?.confidence ?? 0) * 100).toFixed(1)} %`,
  );
  console.log(`  misread lines   ${misread.length}, flagged ${flagged.length}`);
  for (const line of misread) console.log(`    ${flagged.includes(line) ? '!' : '✗ not flagged'} ${line.name}: ${line.text}`);
  for (const wrong of shape.wrong) console.log(`    ✗ ${wrong.slice(0, 200)}`);
}

export async function benchScan(work: string): Promise<void> {
  mkdirSync(work, { recursive: true });
  const seed = readFileSync(SEED, 'utf8');
  for (const [index, scan] of SCANS.entries()) {
    const data = await degradedScan(await printPdf(scan.print(seed)), scan.how);
    const file = path.join(work, `nlzf-59-scan-${index + 1}.pdf`);
    writeFileSync(file, data);
    await measureScan(`bench:import scan ${index + 1}: 第59期, ${scan.name}`, file, data, seed);
  }
  // The scans the tests read, made by ImageMagick from other offices' bulletins (npm run make-scan-fixtures).
  for (const fixture of SCAN_FIXTURES) {
    const data = new Uint8Array(readFileSync(new URL(`${fixture.name}.pdf`, KINDS)));
    const text = readFileSync(new URL(fixture.text, KINDS), 'utf8');
    await measureScan(
      `bench:import scan ${fixture.name}${fixture.heldOut ? ' (held out)' : ''}: ${fixture.kind}`,
      `${fixture.name}.pdf`,
      data,
      text,
    );
  }
  console.log(`  peak memory     ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (the whole run, OCR included)`);
}

/** The bulletins made in Word: fields right and unsure: lines, per file. */
export async function benchOffice(): Promise<void> {
  console.log(
    'bench:import office: bulletins made in Word (tests/fixtures/office), each as .docx, LibreOffice .docx, Word 97 .doc, PDF, and PDF as Word exports Western-font quotes',
  );
  let right = 0;
  let total = 0;
  for (const fixture of OFFICE_FIXTURES) {
    const truth = recognizeBulletin(readFileSync(new URL(fixture.text, OFFICE), 'utf8')).issue;
    const cells: string[] = [];
    for (const file of ['word.docx', 'libreoffice.docx', 'word97.doc', 'exported.pdf', 'word-quotes.pdf']) {
      if (!existsSync(new URL(`${fixture.name}/${file}`, OFFICE))) continue;
      const source = await extractSource(file, new Uint8Array(readFileSync(new URL(`${fixture.name}/${file}`, OFFICE))));
      const fields = fieldsRight(truth, recognizeBulletin(source.text).issue);
      let unsure: number | string;
      try {
        unsure = planImport(source, importTarget([], 'content'), { force: false }).warnings.filter((w) => w.includes('unsure')).length;
      } catch {
        unsure = 'refused';
      }
      right += fields.right;
      total += fields.total;
      cells.push(`${file} ${fields.right}/${fields.total} (${unsure} unsure)`);
    }
    console.log(`  ${fixture.name}${fixture.heldOut ? ' (held out)' : ''}: ${cells.join(', ')}`);
  }
  console.log(`  fields          ${right} of ${total} right`);
}
