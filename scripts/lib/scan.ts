/**
 * Makes scans of bulletins for tests and benchmarks, as an office's copier would: the bulletin set
 * in its printed layout (red masthead, centred titles, indented paragraphs, closing block between
 * rules, page numbers), printed to PDF by Chromium, rasterised, tilted, speckled, JPEG-compressed and
 * bound into a PDF of images only.
 */
import { concatTransformationMatrix, drawObject, PDFDocument, popGraphicsState, pushGraphicsState } from 'pdf-lib';
import sharp from 'sharp';
import { recognizeBulletin } from '../../src/lib/import/recognize/index.ts';
import { bindPages, pdfPageImages } from '../../src/lib/import/ocr/index.ts';
import { randomSource } from '../bench/corpus.ts';
import { readMarker } from '../../src/lib/import/recognize/blocks.ts';
import { LABEL, TERMINAL } from '../../src/lib/import/recognize/patterns.ts';
import { launchBrowser } from './browser.ts';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** What a line of a bulletin is, as it is set in print. */
export type PrintedRole = 'title' | 'masthead' | 'spread' | 'section' | 'heading' | 'text' | 'closing';

/**
 * Each non-empty line of a bulletin's text with the part it plays in print: the masthead's title
 * lines and its other lines (a line with a wide gap spread across the page), section headings,
 * article titles, paragraphs, and the closing block. Which line is which comes from recognising the
 * text; a paragraph the text splits mid-sentence (at a page break of the print it was taken from) is
 * joined into one.
 */
export function printedLines(text: string): { text: string; role: PrintedRole }[] {
  const { issue } = recognizeBulletin(text);
  const titles = new Set(issue.sections.flatMap((section) => section.articles.filter((a) => a.kind === 'titled').map((a) => a.title)));
  const sections = issue.sections.map((section) => section.name).filter(Boolean);
  const lines = text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter(Boolean);
  const isSection = (line: string) => sections.some((name) => line.includes(name) && line.length <= name.length + 6);
  // A title as printed may carry a marker (◆, ★, 一、) that recognition drops.
  const isTitle = (line: string) => {
    const bare = readMarker(line)?.rest ?? line;
    return [...titles].some((title) => title === bare || (title.startsWith(bare) && bare.length > 4));
  };
  const bodyStart = lines.findIndex((line) => isSection(line) || isTitle(line));
  const closingStart = lines.findIndex((line, index) => index > bodyStart && LABEL.test(line));
  const roles = lines.map((line, index): { text: string; role: PrintedRole } => {
    if (index < bodyStart) {
      if (issue.mastheadLines.includes(line)) return { text: line, role: 'title' };
      return { text: line, role: /\s{2,}/u.test(line) ? 'spread' : 'masthead' };
    }
    if (closingStart >= 0 && index >= closingStart) return { text: line, role: 'closing' };
    if (isSection(line)) return { text: line, role: 'section' };
    if (isTitle(line)) return { text: line, role: 'heading' };
    return { text: line, role: 'text' };
  });
  for (let i = roles.length - 1; i > 0; i--) {
    const previous = roles[i - 1]!;
    // A list after the line that introduces it (…要求：| 1．…) is not a split.
    const list = /[：:]$/u.test(previous.text) && readMarker(roles[i]!.text) !== undefined;
    if (previous.role === 'text' && roles[i]!.role === 'text' && !TERMINAL.test(previous.text) && !list) {
      roles.splice(i - 1, 2, { text: previous.text + roles[i]!.text, role: 'text' });
    }
  }
  return roles;
}

/**
 * The bulletin's text set as printed bulletins are, every line of it kept: the masthead centred (its
 * title lines large and red, a long one wrapped as Word wraps it), section headings bold, titles centred, paragraphs indented, the closing
 * block flush left between rules; a line printed with a wide gap (the office and the date) spread
 * across the line.
 */
export function bulletinHtml(text: string): string {
  const spread = (line: string, kind: string) =>
    `<p class="spread ${kind}">${line
      .split(/\s{2,}/u)
      .map((part) => `<span>${escape(part)}</span>`)
      .join('')}</p>`;
  const body = printedLines(text).map(({ text: line, role }) => {
    if (role === 'title') return `<h1>${escape(line)}</h1>`;
    if (role === 'spread') return spread(line, 'office');
    if (role === 'masthead') return `<p class="masthead">${escape(line)}</p>`;
    if (role === 'closing') return /\s{2,}/u.test(line) ? spread(line, 'closing') : `<p class="closing">${escape(line)}</p>`;
    if (role === 'section') return `<h2>${escape(line)}</h2>`;
    if (role === 'heading') return `<h3>${escape(line)}</h3>`;
    return `<p>${escape(line)}</p>`;
  });
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font: 16pt/1.9 "Noto Serif CJK SC", serif; margin: 0; color: #111; }
p { margin: 0; text-indent: 2em; text-align: justify; }
h1 { color: #c8161d; font: 700 24pt/1.4 "Noto Serif CJK SC", serif; text-align: center; letter-spacing: 0.15em; margin: 0.4em 0 0.2em; }
.masthead { text-align: center; text-indent: 0; }
.spread { display: flex; justify-content: space-between; gap: 1em; text-indent: 0; white-space: nowrap; }
.office { border-bottom: 2.5pt solid #c8161d; padding-bottom: 0.3em; margin-bottom: 1em; }
h2 { font: 700 16pt/1.9 "Noto Sans CJK SC", sans-serif; margin: 0.8em 0 0.3em; }
h3 { font: 700 18pt/1.6 "Noto Serif CJK SC", serif; text-align: center; margin: 0.6em 0 0.3em; }
.closing { text-indent: -2em; padding-left: 2em; font-size: 14pt; }
.spread.closing { text-indent: 0; padding-left: 0; font-size: 12pt; }
</style><body>${body.join('\n')}</body></html>`;
}

/** The text file printed as it is, as a text editor prints it: its lines wrapped at the margin, blank lines kept, one font. */
export function plainHtml(text: string): string {
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>
@page { size: A4; margin: 25mm 20mm; }
body { margin: 0; }
pre { font: 12pt/1.5 "Noto Sans CJK SC", sans-serif; white-space: pre-wrap; margin: 0; }
</style><body><pre>${escape(text)}</pre></body></html>`;
}

/** Prints HTML to an A4 PDF in headless Chromium, page numbers (— 2 —) at the foot of each page. */
export async function printPdf(html: string): Promise<Uint8Array> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="width:100%;text-align:center;font:14pt \'Noto Serif CJK SC\',serif">— <span class="pageNumber"></span> —</div>',
    });
  } finally {
    await browser.close();
  }
}

/** How a scan is spoilt. */
export interface Degradation {
  /** Resolution of the scan. */
  dpi: number;
  /** Tilt in degrees (clockwise). */
  tilt: number;
  /** Specks per page. */
  specks: number;
  /** JPEG quality (1–100). */
  quality: number;
  /** Seed of the specks' positions. */
  seed: number;
  /** Salt-and-pepper noise: the share of pixels turned black or white (a dirty glass, a dense speckle). */
  saltAndPepper?: number;
  /** Gaussian noise's standard deviation, in grey levels (a sensor's grain). */
  grain?: number;
  /** Blur's sigma in pixels (a scan slightly out of focus). */
  blur?: number;
  /** The grey levels ink and paper come out at (a faint copy: ink 70, paper 215). */
  levels?: [number, number];
  /** Bilevel: every pixel black or white, stored 1 bit a pixel (a copier's document mode). */
  bilevel?: boolean;
  /** The resolution the PDF's page size claims (a scanner writing 96 ppi metadata): the page claims to be that much larger. */
  claimedDpi?: number;
  /** Each page stored as this many image strips, one above the other. */
  strips?: number;
}

/** One page spoilt as a copier would: tilted on a white ground, grey, noisy, blurred, faint, speckled; JPEG, or 1-bit grey as PNG. */
async function degradePage(png: Uint8Array, options: Degradation, seed: number): Promise<Uint8Array> {
  const tilted = await sharp(png).flatten({ background: '#ffffff' }).rotate(options.tilt, { background: '#ffffff' }).toBuffer();
  const { width = 0, height = 0 } = await sharp(tilted).metadata();
  const next = randomSource(seed);
  const specks = Array.from({ length: options.specks }, () => {
    const r = 0.6 + next() * 1.6;
    const shade = Math.round(40 + next() * 120);
    return `<circle cx="${(next() * width).toFixed(1)}" cy="${(next() * height).toFixed(1)}" r="${r.toFixed(1)}" fill="rgb(${shade},${shade},${shade})"/>`;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${specks.join('')}</svg>`;
  const { data } = await sharp(tilted)
    .composite([{ input: Buffer.from(svg) }])
    .modulate({ brightness: 0.97 })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const [ink, paper] = options.levels ?? [0, 255];
  for (let i = 0; i < data.length; i++) {
    let value = ink + (data[i]! / 255) * (paper - ink);
    if (options.grain) value += options.grain * Math.sqrt(-2 * Math.log(next() || 1e-9)) * Math.cos(2 * Math.PI * next());
    if (options.saltAndPepper && next() < options.saltAndPepper) value = next() < 0.5 ? 0 : 255;
    data[i] = Math.max(0, Math.min(255, Math.round(value)));
  }
  let page = sharp(data, { raw: { width, height, channels: 1 } });
  if (options.blur) page = page.blur(options.blur);
  if (options.bilevel) return new Uint8Array(await page.threshold(150).png({ palette: true, colours: 2 }).toBuffer());
  return new Uint8Array(await page.jpeg({ quality: options.quality }).toBuffer());
}

/** A PDF's pages rasterised and spoilt, one image file each (JPEG, or 1-bit grey as PNG), as a phone or a copier saving images would leave them. */
export async function degradedPages(pdf: Uint8Array, options: Degradation): Promise<Uint8Array[]> {
  const pages = await pdfPageImages(pdf, options.dpi);
  const spoilt = [];
  for (const page of pages) spoilt.push(await degradePage(page.data, options, options.seed + page.page));
  return spoilt;
}

/** Binds page images into a PDF of images only, as a scanner writes it: each page its claimed size, stored whole or in strips; a bilevel page 1 bit a pixel. */
async function scannerPdf(images: readonly Uint8Array[], options: Degradation): Promise<Uint8Array> {
  const dpi = options.claimedDpi ?? options.dpi;
  if (!options.strips && !options.bilevel) return bindPages(images.map((data) => ({ data, dpi })));
  const pdf = await PDFDocument.create();
  for (const data of images) {
    const { width = 0, height = 0 } = await sharp(data).metadata();
    const page = pdf.addPage([(width / dpi) * 72, (height / dpi) * 72]);
    const strips = options.strips ?? 1;
    for (let strip = 0; strip < strips; strip++) {
      const top = Math.round((strip * height) / strips);
      const rows = Math.round(((strip + 1) * height) / strips) - top;
      const cut = sharp(data).extract({ left: 0, top, width, height: rows });
      const y = ((height - top - rows) / dpi) * 72;
      const size = { x: 0, y, width: (width / dpi) * 72, height: (rows / dpi) * 72 };
      if (!options.bilevel) {
        page.drawImage(await pdf.embedJpg(await cut.jpeg({ quality: options.quality }).toBuffer()), size);
        continue;
      }
      // One bit a pixel, rows padded to whole bytes, black as 0: as a copier's document mode stores a page.
      const grey = await cut.greyscale().raw().toBuffer();
      const stride = Math.ceil(width / 8);
      const bits = new Uint8Array(stride * rows);
      for (let row = 0; row < rows; row++)
        for (let x = 0; x < width; x++) if (grey[row * width + x]! >= 128) bits[row * stride + (x >> 3)]! |= 0x80 >> (x & 7);
      const image = pdf.context.register(
        pdf.context.flateStream(bits, {
          Type: 'XObject',
          Subtype: 'Image',
          Width: width,
          Height: rows,
          ColorSpace: 'DeviceGray',
          BitsPerComponent: 1,
        }),
      );
      const name = page.node.newXObject('Strip', image);
      page.pushOperators(
        pushGraphicsState(),
        concatTransformationMatrix(size.width, 0, 0, size.height, size.x, size.y),
        drawObject(name),
        popGraphicsState(),
      );
    }
  }
  return pdf.save();
}

/** A PDF's pages rasterised, spoilt and bound into a PDF of images only, as the scanner described stores them. */
export async function degradedScan(pdf: Uint8Array, options: Degradation): Promise<Uint8Array> {
  return scannerPdf(await degradedPages(pdf, options), options);
}
