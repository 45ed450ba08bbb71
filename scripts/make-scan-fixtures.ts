/**
 * `npm run make-scan-fixtures`: makes the scans the tests read, each the way an office's machine makes
 * one, from a bulletin text whose truth is known, into tests/fixtures/scan-kinds/: a copier's 1-bit
 * document mode (300 dpi, CCITT Group 4, as ImageMagick writes it, or the same pixels as JBIG2); a scanner that writes 96 ppi
 * metadata over a speckled, blurred 200 dpi JPEG (ImageMagick's impulse noise); a faint 150 dpi copy
 * with grain, each page stored in four image strips (make-scan's own spoiling). Needs Debian's
 * imagemagick and poppler-utils, with ImageMagick allowed to write PDF (its policy.xml forbids it by
 * default: set the PDF coder's rights to "read|write"); the made files are committed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SCAN_FIXTURES } from './lib/scan-fixtures.ts';
import { jbig2Scan } from './lib/jbig2.ts';
import { bulletinHtml, degradedScan, printPdf } from './lib/scan.ts';

const OUT = new URL('../tests/fixtures/scan-kinds/', import.meta.url);

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
}

/** The printed pages as grey images at `dpi`, then each spoilt by ImageMagick with `spoil`, then bound by ImageMagick at `density`. */
function imageMagickScan(printed: string, work: string, dpi: number, spoil: string[], extension: string, bind: string[]): Uint8Array {
  run('pdftoppm', ['-r', String(dpi), '-gray', printed, path.join(work, 'page')]);
  const pages = readdirSync(work)
    .filter((name) => name.startsWith('page-') && name.endsWith('.pgm'))
    .sort();
  const spoilt = pages.map((name) => {
    const out = path.join(work, `${path.basename(name, '.pgm')}.${extension}`);
    run('convert', [path.join(work, name), ...spoil, out]);
    return out;
  });
  const pdf = path.join(work, 'scan.pdf');
  run('convert', [...bind, ...spoilt, pdf]);
  return new Uint8Array(readFileSync(pdf));
}

mkdirSync(OUT, { recursive: true });
for (const fixture of SCAN_FIXTURES) {
  const text = readFileSync(new URL(fixture.text, OUT), 'utf8');
  const work = mkdtempSync(path.join(tmpdir(), 'jianbao-scan-'));
  const printed = path.join(work, 'printed.pdf');
  writeFileSync(printed, await printPdf(bulletinHtml(text)));
  let scan: Uint8Array;
  if (fixture.kind === 'bilevel-g4') {
    scan = imageMagickScan(printed, work, 300, ['-background', 'white', '-rotate', '-0.4', '-threshold', '55%', '-monochrome'], 'tif', [
      '-density',
      '300',
      '-compress',
      'Group4',
    ]);
  } else if (fixture.kind === 'bilevel-jbig2') {
    const g4 = imageMagickScan(printed, work, 300, ['-background', 'white', '-rotate', '0.3', '-threshold', '62%', '-monochrome'], 'tif', [
      '-density',
      '300',
      '-compress',
      'Group4',
    ]);
    scan = await jbig2Scan(g4, 300);
  } else if (fixture.kind === 'speckled-96ppi') {
    scan = imageMagickScan(
      printed,
      work,
      200,
      [
        '-seed',
        '7',
        '-background',
        'white',
        '-rotate',
        '0.6',
        '-attenuate',
        '0.25',
        '+noise',
        'Impulse',
        '-blur',
        '0x0.6',
        '-quality',
        '60',
      ],
      'jpg',
      ['-density', '96'],
    );
  } else {
    scan = await degradedScan(new Uint8Array(readFileSync(printed)), {
      dpi: 150,
      tilt: 0.8,
      specks: 100,
      quality: 70,
      seed: 4,
      levels: [70, 215],
      grain: 10,
      blur: 0.5,
      strips: 4,
    });
  }
  writeFileSync(new URL(`${fixture.name}.pdf`, OUT), scan);
  rmSync(work, { recursive: true, force: true });
  console.log(`make-scan-fixtures: ${fixture.name}.pdf (${fixture.kind}, ${(scan.length / 1024).toFixed(0)} KB)`);
}
