import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { beforeEach, describe, expect, it } from 'vitest';
import { importTarget } from '../../src/lib/import/import-target.ts';
import { extractPageImages, extractSource } from '../../src/lib/import/extract.ts';
import { planImport } from '../../src/lib/import/plan-import.ts';
import { recognizeBulletin } from '../../src/lib/import/recognize/index.ts';
import { expandInputs, importOne, type ImportOutcome } from '../../src/lib/import/run-import.ts';
import { fieldsRight } from '../../scripts/lib/issue-fields.ts';
import { SCAN_FIXTURES } from '../../scripts/lib/scan-fixtures.ts';
import { characterAccuracy, misreadLines } from '../../scripts/lib/text-accuracy.ts';

// Scans made by `npm run make-scan` from two of the layout fixtures: printed, rasterised at 200 dpi,
// tilted, speckled and JPEG-compressed — one as an image-only PDF, one as a folder of page images.
const SCANS = new URL('../fixtures/scans/', import.meta.url);
const BULLETINS = new URL('../fixtures/bulletins/', import.meta.url);
const PDF_SCAN = { file: new URL('credits-last.pdf', SCANS), text: new URL('credits-last.txt', BULLETINS) };
const PAGES_SCAN = { folder: new URL('jinshui-2024-3/', SCANS), text: new URL('sectionless-yearly.txt', BULLETINS) };
// The same pages as a phone photographs them: in perspective (a corner farther off), lit unevenly, JPEG at 70 —
// convert page1.jpg -virtual-pixel white -distort Perspective '0,0 60,40 1654,0 1560,0 0,2339 0,2339 1654,2339 1654,2280'
//   \( -size 1654x2339 gradient:'#ffffff-#9a9080' \) -compose multiply -composite -quality 70 (page 2: another corner, a radial light).
const PHOTOS = new URL('jinshui-2024-3-photo/', SCANS);
// OCR takes seconds a page on two cores.
const OCR_TIMEOUT = 120_000;

let out: string;
beforeEach(() => {
  out = path.join(mkdtempSync(path.join(tmpdir(), 'jianbao-scan-')), 'content');
});

/** A picture drawn with SVG on a plain ground, as PNG. */
async function picture(width: number, height: number, background: string, svg: string): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background } })
    .composite([{ input: Buffer.from(`<svg width="${width}" height="${height}">${svg}</svg>`) }])
    .png()
    .toBuffer();
}

function failed(outcome: ImportOutcome): string {
  if (!('error' in outcome)) throw new Error(`expected the import to fail, it made ${outcome.output}`);
  return outcome.error;
}

/** Recognised from a scan as from its text: same structure, ≥ 99 % of Han characters and digits both ways, every misread line flagged. */
function expectReadAsText(source: Awaited<ReturnType<typeof extractSource>>, textFile: URL) {
  const text = readFileSync(textFile, 'utf8');
  expect(fieldsRight(recognizeBulletin(text).issue, recognizeBulletin(source.text).issue, true).wrong).toEqual([]);
  const accuracy = characterAccuracy(text, source.text);
  expect(accuracy.recall).toBeGreaterThanOrEqual(0.99);
  expect(accuracy.precision).toBeGreaterThanOrEqual(0.99);
  const plan = planImport(source, importTarget([], 'content'), { force: false });
  for (const line of misreadLines(text, source.scanLines ?? [])) {
    expect(
      plan.warnings.some((warning) => warning.startsWith(`${line.name}:`)),
      `${line.name} "${line.text}" is flagged`,
    ).toBe(true);
  }
  return plan;
}

describe('importing scans', () => {
  it(
    'reads an image-only PDF as its text file reads, records the scan and keeps it as the original',
    async () => {
      const data = new Uint8Array(readFileSync(PDF_SCAN.file));
      const source = await extractSource('credits-last.pdf', data);
      const plan = expectReadAsText(source, PDF_SCAN.text);
      expect(source.scan).toMatchObject({ engine: 'PaddleOCR PP-OCRv4 (@gutenye/ocr-node)', pages: 2 });
      expect(source.scan!.confidence).toBeGreaterThan(0.95);
      expect(source.decisions?.[0]).toMatch(
        /^read 2 pages of a scan by OCR \(PaddleOCR PP-OCRv4 \(@gutenye\/ocr-node\)\), mean confidence \d+\.\d %$/u,
      );
      expect(source.decisions).toContainEqual(expect.stringMatching(/^page 1 lay tilted 0\.\d°: its lines were read level$/u));

      const issueFile = plan.files[0]!;
      expect(String(issueFile.data)).toMatch(
        /\nscan:\n {2}engine: PaddleOCR PP-OCRv4 \(@gutenye\/ocr-node\)\n {2}confidence: 0\.9\d+\n {2}pages: 2\n/u,
      );
      const original = plan.files.find((file) => file.path.endsWith('/original.pdf'))!;
      expect(original.data).toBe(data);
    },
    OCR_TIMEOUT,
  );

  it(
    'reads a folder of page images as one issue, its pages in order, and binds them into the original',
    async () => {
      const folder = new URL('.', PAGES_SCAN.folder).pathname;
      expect(await expandInputs([path.dirname(folder)])).toEqual([
        path.join(path.dirname(folder), 'credits-last.pdf'),
        folder.replace(/\/$/u, ''),
        new URL('.', PHOTOS).pathname.replace(/\/$/u, ''),
      ]);
      const pages = readdirSync(folder)
        .sort()
        .map((name) => new Uint8Array(readFileSync(path.join(folder, name))));
      const source = await extractPageImages(pages);
      expectReadAsText(source, PAGES_SCAN.text);
      expect(source.scan?.pages).toBe(2);
      const bound = await PDFDocument.load(source.original.data);
      expect(bound.getPageCount()).toBe(2);
      // Bound at A4 width (595 points).
      expect(Math.round(bound.getPage(0).getWidth())).toBe(595);

      // The folder itself is the input of one issue.
      const outcome = await importOne(folder, { out, dryRun: true, force: false });
      expect('error' in outcome ? outcome.error : outcome.issue.number).toBe(3);
    },
    OCR_TIMEOUT,
  );

  it(
    'reads photographed pages, turned upright where one lies upside down or on its side, and says so',
    async () => {
      const folder = new URL('.', PHOTOS).pathname;
      // The copier's feeder turned the first page round and the second a quarter anticlockwise.
      const turns = [180, 270];
      const pages = await Promise.all(
        readdirSync(folder)
          .sort()
          .map(
            async (name, index) =>
              new Uint8Array(
                await sharp(readFileSync(path.join(folder, name)))
                  .rotate(turns[index])
                  .jpeg()
                  .toBuffer(),
              ),
          ),
      );
      const source = await extractPageImages(pages);
      expectReadAsText(source, PAGES_SCAN.text);
      expect(source.decisions).toContain('page 1 lay upside down: turned 180° to be read');
      expect(source.decisions).toContain('page 2 lay on its side: turned 90° to be read');
    },
    OCR_TIMEOUT,
  );

  it(
    'refuses a scan of blank pages or of something else, writing nothing',
    async () => {
      const inbox = path.join(path.dirname(out), 'inbox');
      mkdirSync(inbox, { recursive: true });
      const blank = await PDFDocument.create();
      blank.addPage([595, 842]);
      blank.addPage([595, 842]);
      writeFileSync(path.join(inbox, 'blank.pdf'), await blank.save());
      expect(failed(await importOne(path.join(inbox, 'blank.pdf'), { out, dryRun: false, force: false }))).toBe(
        "no text found on any of the scan's 2 pages (blank pages?): expected the pages of a printed bulletin",
      );

      // A photo of something else: shapes and colour, no text.
      const photo = await picture(
        1200,
        900,
        '#6a8f4e',
        '<circle cx="400" cy="380" r="220" fill="#d9b44a"/><rect x="700" y="500" width="380" height="300" fill="#3b5f8a"/>',
      );
      writeFileSync(path.join(inbox, 'photo.jpg'), await sharp(photo).jpeg().toBuffer());
      expect(failed(await importOne(path.join(inbox, 'photo.jpg'), { out, dryRun: false, force: false }))).toBe(
        "no text found on any of the scan's 1 page (blank pages?): expected the pages of a printed bulletin",
      );

      // A page with a few words on it, no bulletin.
      const words = await picture(
        1654,
        2339,
        '#ffffff',
        '<text x="300" y="400" font-family="Noto Sans CJK SC" font-size="60">会议通知</text>',
      );
      writeFileSync(path.join(inbox, 'words.png'), words);
      expect(failed(await importOne(path.join(inbox, 'words.png'), { out, dryRun: false, force: false }))).toMatch(
        /^the scan holds too little readable text for a bulletin \(4 characters read, mean confidence \d+ %\): expected the pages of a printed bulletin, upright, at 200 dpi or more$/u,
      );
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    },
    OCR_TIMEOUT,
  );
});

describe('scans made the ways offices make them (npm run make-scan-fixtures)', () => {
  const KINDS = new URL('../fixtures/scan-kinds/', import.meta.url);
  // The held-out scan comes last: it is checked, never tuned on.
  it.each(SCAN_FIXTURES.map((fixture) => [fixture.name, fixture.kind, fixture] as const))(
    '%s (%s): the text file’s structure, ≥ 99.5 % of the whole written issue, every misread line flagged',
    async (name, _kind, fixture) => {
      const text = readFileSync(new URL(fixture.text, KINDS), 'utf8');
      const source = await extractSource(`${name}.pdf`, new Uint8Array(readFileSync(new URL(`${name}.pdf`, KINDS))));
      const plan = planImport(source, importTarget([], 'content'), { force: false });
      const truth = planImport({ text, images: [], original: { extension: '.txt', data: new Uint8Array() } }, importTarget([], 'c'), {
        force: false,
      });
      expect(fieldsRight(recognizeBulletin(text).issue, recognizeBulletin(source.text).issue, true).wrong).toEqual([]);
      expect(characterAccuracy(truth.printed, plan.printed).recall).toBeGreaterThanOrEqual(0.995);
      for (const line of misreadLines(text, source.scanLines ?? [])) {
        expect(
          plan.warnings.some((warning) => warning.startsWith(`${line.name}:`)),
          `${line.name} "${line.text}" is flagged`,
        ).toBe(true);
      }
    },
    OCR_TIMEOUT,
  );
});
