import path from 'node:path';
import type { Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import mammoth from 'mammoth';
import WordExtractor from 'word-extractor';
import sharp from 'sharp';
import { extractImages, getResolvedPDFJS } from 'unpdf';
import { standardCjk } from './cjk-compat.ts';
import { decodeText, looksBinary } from './decode.ts';
import { docListNumbers } from './doc-lists.ts';
import { prepareDocx } from './docx-prepare.ts';
import { ImportError, type ExtractedSource } from './source.ts';
import { hasMasthead, IMAGE_MARK } from './recognize/index.ts';
import { laidOutText, layOut, type PlacedLine } from './layout.ts';
import { pdfLines, pdfPageItems } from './pdf-lines.ts';
import { bindPages, PAGE_IMAGES, pdfPageImages, readPages, type PageImage, type PageProgress } from './ocr/index.ts';
import { openPdf, paintedImages } from './ocr/pages.ts';
import { PRINTED_DATE } from '../dates.ts';
import { pdfPrintedPages } from './printed-pages.ts';

/** A picture smaller than this (in points, 1 inch wide) is no photo: a logo, a seal, a drawn rule. */
const PHOTO_POINTS = 72;
/** The width of an A4 page, at which page images are bound into the scan kept as the original. */
const A4_WIDTH_INCHES = 8.27;

/** The file types the importer reads: text, Word, PDF (with a text layer, or scanned), page images of a scan. */
export const IMPORTABLE = ['.txt', '.docx', '.doc', '.wps', '.pdf', ...PAGE_IMAGES] as const;

/** How extraction reports on a long read. */
export interface ExtractOptions {
  /** Hears of each page of a scan as OCR finishes it. */
  onPage?: PageProgress | undefined;
}

/** Reads an input file's bulletin text (and images), radical look-alikes made standard; throws ImportError for what it cannot read. */
export async function extractSource(file: string, data: Uint8Array, options: ExtractOptions = {}): Promise<ExtractedSource> {
  return standardized(await extractRaw(file, data, options));
}

/** Reads the page images of one scanned issue, in order; the scan is kept as a PDF of those images. */
export async function extractPageImages(pages: readonly Uint8Array[], options: ExtractOptions = {}): Promise<ExtractedSource> {
  return standardized(await scanSource(pages, options));
}

function standardized(source: ExtractedSource): ExtractedSource {
  const { text, replaced } = standardCjk(source.text);
  return {
    ...source,
    text,
    decisions: [
      ...(source.decisions ?? []),
      ...(replaced ? [`replaced ${replaced} radical look-alike characters (from the file's fonts) with standard characters`] : []),
    ],
  };
}

async function extractRaw(file: string, data: Uint8Array, options: ExtractOptions): Promise<ExtractedSource> {
  const extension = path.extname(file).toLowerCase();
  const original = { extension, data };
  if (!data.length) throw new ImportError('the file is empty');
  if (extension === '.txt') {
    if (looksBinary(data))
      throw new ImportError('the file is not text (it holds binary data); expected a bulletin as UTF-8 or GB18030 text');
    const { text, encoding } = decodeText(data);
    if (encoding === 'utf-8') return { text, images: [], original };
    // Web servers send .txt without a charset and browsers guess it wrong for GB18030: the copy kept is
    // the same text in UTF-8, its byte-order mark telling every browser so.
    const utf8 = new TextEncoder().encode(`\uFEFF${new TextDecoder('gb18030').decode(data)}`);
    return {
      text,
      images: [],
      original: { extension, data: utf8 },
      decisions: ['kept the GB18030 original as UTF-8 (with a byte-order mark), so that browsers show it right'],
    };
  }
  if (extension === '.docx') {
    // What Word draws from its numbering definitions (1．, 一、) is text of the bulletin, and so is a text box's.
    const prepared = await prepareDocx(data).catch(() => ({ data, numbersDrawn: 0, boxesCopied: 0, headerLines: [] }));
    const docx = await extractDocx(prepared.data);
    const { numbersDrawn: drawn, boxesCopied: boxes } = prepared;
    const header = pageFurniture(prepared.headerLines, docx.text);
    docx.text = header.text;
    const decisions = [
      ...header.decisions,
      ...(drawn ? [numbersWritten(drawn)] : []),
      ...(boxes
        ? [`read ${boxes} text box${boxes > 1 ? 'es' : ''} saved in the newer form only, after the paragraph each is anchored in`]
        : []),
    ];
    return { ...docx, original, ...(decisions.length && { decisions }) };
  }
  if (extension === '.doc' || extension === '.wps') return { ...(await extractWord97(data, extension)), images: [], original };
  if (extension === '.pdf') {
    const layer = await extractPdf(data);
    if (layer) return { ...layer, original, printed: await pdfPrintedPages(data) };
    const pages = await pdfPageImages(data);
    return { ...(await readScanSource(pages, options)), original };
  }
  if ((PAGE_IMAGES as readonly string[]).includes(extension)) return scanSource([data], options);
  throw new ImportError(`unsupported file type "${extension || '(none)'}": expected ${IMPORTABLE.join(', ')}`);
}

/** Page images of a scan: read by OCR, kept as one PDF of the images (each bound at A4 width). */
async function scanSource(files: readonly Uint8Array[], options: ExtractOptions): Promise<ExtractedSource> {
  const images: PageImage[] = [];
  const bound = [];
  for (const [index, data] of files.entries()) {
    const { width, pages = 1 } = await sharp(data)
      .metadata()
      .catch(() => ({ width: undefined, pages: 0 }));
    if (!width) throw new ImportError(`page ${index + 1} is not a readable image (expected ${PAGE_IMAGES.join(', ')})`);
    // A copier's TIFF may hold every page of the issue.
    for (let page = 0; page < pages; page++) {
      const image = pages > 1 ? new Uint8Array(await sharp(data, { page }).png().toBuffer()) : data;
      images.push({ page: images.length + 1, data: image });
      bound.push({ data: image, dpi: width / A4_WIDTH_INCHES });
    }
  }
  const read = await readScanSource(images, options);
  return { ...read, original: { extension: '.pdf', data: await bindPages(bound) } };
}

async function readScanSource(pages: readonly PageImage[], options: ExtractOptions): Promise<Omit<ExtractedSource, 'original'>> {
  const reading = await readPages(pages, options.onPage);
  return {
    text: reading.text,
    images: [],
    decisions: [
      `read ${reading.pages} page${reading.pages > 1 ? 's' : ''} of a scan by OCR (${reading.scan.engine}), mean confidence ${(reading.confidence * 100).toFixed(1)} %`,
      ...reading.decisions,
    ],
    warnings: reading.warnings,
    lineNames: reading.lineNames,
    scan: reading.scan,
    scanLines: reading.lines,
    ...(reading.printed && { printed: reading.printed }),
  };
}

/**
 * A Word file's page headers and footers: the masthead where they hold the one the body lacks (a series
 * title and 第N期 set in the first page's header), read before the body; otherwise page furniture, set
 * aside and reported.
 */
function pageFurniture(lines: readonly string[], body: string): { text: string; decisions: string[] } {
  if (!lines.length) return { text: body, decisions: [] };
  const withHeader = `${lines.join('\n')}\n${body}`;
  if (!hasMasthead(body) && hasMasthead(withHeader)) {
    return { text: withHeader, decisions: [`read the masthead from the page header ("${lines.join(' ')}") before the body`] };
  }
  return {
    text: body,
    decisions: [`set aside the page headers and footers ("${lines.join('", "')}"): page furniture, not text of the issue`],
  };
}

/** What writing Word's list numbers into a file's text is reported as. */
const numbersWritten = (count: number) =>
  `wrote the numbers Word draws for ${count} numbered paragraph${count > 1 ? 's' : ''} (1．, 一、…) into their text`;

/** Pictures stored in a file, counted by the signatures of the PNG and JPEG files Word keeps inside it. */
function storedPictures(data: Uint8Array): number {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let count = 0;
  for (const signature of [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from([0xff, 0xd8, 0xff])]) {
    for (let at = bytes.indexOf(signature); at >= 0; at = bytes.indexOf(signature, at + 1)) count++;
  }
  return count;
}

const lines = (text: string) =>
  text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * Word 97–2003 (.doc), and WPS Office's .wps files saved in the same binary format, via word-extractor.
 * Its text boxes come apart from the body, with no sign of where they stand: boxes that hold the
 * masthead the body lacks are read before it; other boxes are reported, as are the pictures (which
 * the format does not give up) and the running headers and footers set aside.
 */
async function extractWord97(data: Uint8Array, extension: string): Promise<Pick<ExtractedSource, 'text' | 'decisions' | 'warnings'>> {
  let document;
  try {
    document = await new WordExtractor().extract(Buffer.from(data));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const fix =
      extension === '.wps'
        ? 'open it in WPS Office and save it as Word (.docx), then import that'
        : 'open it in Word or WPS Office and save it as .docx, then import that';
    throw new ImportError(`the ${extension} file could not be read as a Word 97–2003 document (${reason}): ${fix}`);
  }
  // Without the library's Unicode filter, which would turn the bulletin's “” into ASCII quotes.
  const raw = { filterUnicode: false };
  const body = document.getBody(raw);
  const boxes = lines(document.getTextboxes({ ...raw, includeHeadersAndFooters: false, includeBody: true }));
  const furniture = lines(document.getHeaders(raw));
  const decisions: string[] = [];
  const warnings: string[] = [];
  const save =
    extension === '.wps' ? 'save it as .docx in WPS Office and import that' : 'save it as .docx in Word or WPS Office and import that';
  let text = body;
  // A box's anchor paragraph holds nothing else: it reads as an empty line, where the box is printed.
  const bodyLines = body.split(/\r?\n/u);
  const anchor = bodyLines.slice(0, 8).findIndex((line) => !line.trim());
  const withBoxes = [...bodyLines.slice(0, Math.max(anchor, 0)), ...boxes, ...bodyLines.slice(Math.max(anchor, 0))].join('\n');
  if (boxes.length && !hasMasthead(body) && hasMasthead(withBoxes)) {
    text = withBoxes;
    decisions.push(
      `read the text boxes that hold the masthead ("${boxes.join(' ')}") ${anchor > 0 ? `at the empty line ${anchor + 1} where they are anchored` : 'before the body'}`,
    );
  } else if (boxes.length) {
    warnings.push(
      `unsure: the file's text boxes hold text whose place in the issue a Word 97–2003 file does not tell, so it was left out: "${boxes.join(' ')}"; ${save}`,
    );
  }
  const header = pageFurniture(furniture, text);
  text = header.text;
  decisions.push(...header.decisions);
  // The numbers Word draws for numbered paragraphs, read from the file's list tables and written into their text.
  const { lists, numbers: drawn } = docListNumbers(data);
  let written = 0;
  const textLines = text.split('\n');
  let from = 0;
  for (const { text: paragraph, label } of drawn) {
    const at = textLines.findIndex((line, index) => index >= from && line.trim() === paragraph);
    if (at < 0) continue;
    textLines[at] = `${label}${textLines[at]!.trim()}`;
    from = at + 1;
    written++;
  }
  text = textLines.join('\n');
  if (written) decisions.push(numbersWritten(written));
  if (written < drawn.length || (!drawn.length && lists)) {
    warnings.push(
      `unsure: the file numbers paragraphs automatically (the 1．, 一、 Word draws from its list settings), and not every number could be placed: numbered lines may lack their numbers; ${save}`,
    );
  }
  const pictures = storedPictures(data);
  if (pictures) {
    warnings.push(
      `unsure: the file holds ${pictures} picture${pictures > 1 ? 's' : ''}, which a Word 97–2003 file does not give up: they were not imported; ${save}`,
    );
  }
  return { text, decisions, warnings };
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'caption']);

/** Word: paragraphs become lines, images become image lines (their files kept), via mammoth. */
async function extractDocx(data: Uint8Array): Promise<{ text: string; images: ExtractedSource['images'] }> {
  const images: ExtractedSource['images'] = [];
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(data) },
      {
        convertImage: mammoth.images.imgElement(async (image) => {
          const extension = (image.contentType.split('/')[1] ?? 'bin').replace('jpeg', 'jpg').replace(/[^a-z0-9]/g, '');
          const name = `image${images.length + 1}.${extension}`;
          images.push({ name, data: new Uint8Array(await image.readAsBuffer()) });
          return { src: name };
        }),
      },
    );
    html = result.value;
  } catch (error) {
    throw new ImportError(`not a readable Word .docx file (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) lines.push(current);
    current = '';
  };
  const walk = (node: Nodes) => {
    if (node.type === 'text') current += node.value;
    else if (node.type === 'element') {
      const element = node;
      if (element.tagName === 'img') {
        flush();
        lines.push(`${IMAGE_MARK}${String(element.properties.src)}`);
      } else if (element.tagName === 'br') {
        flush();
      } else {
        const block = BLOCKS.has(element.tagName);
        if (block) flush();
        element.children.forEach((child) => walk(child));
        if (block) flush();
        if (element.tagName === 'td' || element.tagName === 'th') current += ' ';
      }
    } else if (node.type === 'root') node.children.forEach((child) => walk(child));
  };
  walk(fromHtml(html, { fragment: true }));
  flush();
  return { text: lines.join('\n'), images };
}

/**
 * PDF with a text layer: lines rebuilt from positions, then paragraphs: a line that reaches the right
 * margin goes on in the next; an indented (2em) or centred line, a wide gap and a new page start anew.
 */
async function extractPdf(data: Uint8Array): Promise<{ text: string; decisions: string[]; images: ExtractedSource['images'] } | undefined> {
  let pdf;
  try {
    pdf = await openPdf(data);
  } catch (error) {
    throw new ImportError(`not a readable PDF (${error instanceof Error ? error.message : String(error)})`);
  }
  const pages: PlacedLine[][] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const { items } = await pdfPageItems(await pdf.getPage(number));
    pages.push(pdfLines(items));
  }
  // No text layer: a scan, read by OCR (its page images are not photos).
  if (!pages.some((lines) => lines.length)) return undefined;
  const { OPS } = await getResolvedPDFJS();
  const images: ExtractedSource['images'] = [];
  let mastheadImages = 0;
  for (const [index, lines] of pages.entries()) {
    const number = index + 1;
    // Photos: each a line of its own where it stands on the page; on page 1 not above the masthead's date (a logo, a drawn rule).
    const mastheadEnd = number === 1 ? lines.find((line) => PRINTED_DATE.test(line.text))?.y : undefined;
    const { fnArray, argsArray } = await (await pdf.getPage(number)).getOperatorList();
    const painted = paintedImages(OPS, fnArray, argsArray).filter(
      ({ matrix: [a, b, c, d] }) => Math.hypot(a, b) >= PHOTO_POINTS && Math.hypot(c, d) >= PHOTO_POINTS * 0.75,
    );
    const pixels = painted.length ? await extractImages(pdf, number) : [];
    for (const { id, matrix } of painted) {
      const [a, , , d, e, f] = matrix;
      const top = -(f + Math.max(d, 0));
      if (mastheadEnd !== undefined && top < mastheadEnd) {
        mastheadImages++;
        continue;
      }
      const image = pixels.find((each) => each.key === id);
      if (!image) continue;
      const name = `image${images.length + 1}.png`;
      const png = await sharp(Buffer.from(image.data), { raw: { width: image.width, height: image.height, channels: image.channels } })
        .png()
        .toBuffer();
      images.push({ name, data: new Uint8Array(png) });
      lines.push({ text: `${IMAGE_MARK}${name}`, x: e, end: e + a, y: top, size: lines[0]?.size ?? 10 });
    }
    lines.sort((one, other) => one.y - other.y);
  }
  const { paragraphs, decisions } = layOut(pages);
  if (images.length) decisions.push(`took ${images.length} photo${images.length > 1 ? 's' : ''} from the PDF, each where it stands`);
  if (mastheadImages)
    decisions.push(`left out ${mastheadImages} picture${mastheadImages > 1 ? 's' : ''} in the masthead (a logo, a drawn rule)`);
  return { text: laidOutText(paragraphs), decisions, images };
}
