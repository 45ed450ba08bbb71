import { PDFArray, PDFName, PDFRawStream, type PDFDict } from 'pdf-lib';
import { PDFDocument } from 'pdf-lib';
import { getDocumentProxy, getResolvedPDFJS, renderPageAsImage } from 'unpdf';

/** The resolution scans are read at: PaddleOCR's detector finds 10.5 pt text reliably from here up. */
export const SCAN_DPI = 200;
/** The most a scanned page is read at: A4 at 300 dpi is 2,480 pixels wide; more costs time, not accuracy. */
export const MOST_DPI = 300;

/** One page of a scan as an image, with its number (1-based) in the input. */
export interface PageImage {
  /** 1-based page number. */
  page: number;
  /** The page as PNG (or the image file as given). */
  data: Uint8Array;
}

/** A PDF transformation matrix [a, b, c, d, e, f]. */
type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** The operators `paintedImages` follows, by their pdf.js numbers (pdf.js's `OPS`). */
export interface ImageOperators {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  paintImageXObject: number;
  paintImageMaskXObject: number;
}

/** One image a page paints: pdf.js's id for it, its width in pixels, and the transformation it is drawn through (onto the unit square). */
export interface PaintedImage {
  id?: string;
  width: number;
  matrix: Matrix;
}

/** The images a page's operator list paints, each with the transformation in force where it is painted. */
export function paintedImages(operators: ImageOperators, fnArray: readonly number[], argsArray: readonly unknown[]): PaintedImage[] {
  let matrix: Matrix = [1, 0, 0, 1, 0, 0];
  const saved: Matrix[] = [];
  const images: PaintedImage[] = [];
  fnArray.forEach((fn, index) => {
    const args = argsArray[index] as unknown[] | null;
    if (fn === operators.save) saved.push(matrix);
    else if (fn === operators.restore) matrix = saved.pop() ?? matrix;
    else if (fn === operators.transform) matrix = multiply(args as Matrix, matrix);
    else if (fn === operators.paintFormXObjectBegin) {
      saved.push(matrix);
      if (Array.isArray(args?.[0])) matrix = multiply(args[0] as Matrix, matrix);
    } else if (fn === operators.paintFormXObjectEnd) matrix = saved.pop() ?? matrix;
    else if (fn === operators.paintImageXObject || fn === operators.paintImageMaskXObject) {
      // pdf.js passes [objId, width, height] for an image, an object with its width for a mask.
      const width = Number(typeof args?.[1] === 'number' ? args[1] : ((args?.[0] as { width?: number } | undefined)?.width ?? 0));
      images.push({ ...(typeof args?.[0] === 'string' && { id: args[0] }), width, matrix });
    }
  });
  return images;
}

/**
 * How many of its own pixels a page's densest image lays on one PDF point (0 when it paints none). A
 * scanner's PDF may claim any page size (96 ppi metadata makes an A4 scan 17.5 inches wide) and may
 * store a page as several strips; the pixels drawn per point are the scan's own.
 */
export function imagePixelsPerPoint(images: readonly PaintedImage[]): number {
  return Math.max(0, ...images.map(({ width, matrix }) => width / (Math.hypot(matrix[0], matrix[1]) || Infinity)));
}

/** True when the page paints one image, upright over the whole page `view` ([x0, y0, x1, y1]). */
export function oneImageFillsPage(images: readonly PaintedImage[], view: readonly number[]): boolean {
  if (images.length !== 1) return false;
  const [a, b, c, d, e, f] = images[0]!.matrix;
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = view;
  const near = (value: number, to: number) => Math.abs(value - to) <= 1;
  return b === 0 && c === 0 && near(a, x1 - x0) && near(d, y1 - y0) && near(e, x0) && near(f, y0);
}

/**
 * The PDF opened by pdf.js, its own messages kept to errors: a copier's JBIG2 page is decoded by
 * pdf.js's JavaScript decoder, which it announces on every page as a warning meant for developers.
 */
export function openPdf(data: Uint8Array): ReturnType<typeof getDocumentProxy> {
  return getDocumentProxy(new Uint8Array(data), { verbosity: 0 });
}

/** A page's one image as stored, where it is a JPEG file (DCTDecode, nothing more), as a copier saves its scans. */
function storedJpeg(page: PDFDict): Uint8Array | undefined {
  if (page.lookup(PDFName.of('Rotate'))) return undefined;
  const xobjects = (page.lookup(PDFName.of('Resources')) as PDFDict | undefined)?.lookup(PDFName.of('XObject'));
  const entries = (xobjects as PDFDict | undefined)?.entries() ?? [];
  if (entries.length !== 1) return undefined;
  const image = page.context.lookup(entries[0]![1]);
  if (!(image instanceof PDFRawStream) || image.dict.lookup(PDFName.of('Subtype')) !== PDFName.of('Image')) return undefined;
  const filter = image.dict.lookup(PDFName.of('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray() : [filter];
  const jpeg = filters.length === 1 && filters[0] === PDFName.of('DCTDecode') && !image.dict.has(PDFName.of('Decode'));
  return jpeg ? image.contents : undefined;
}

/**
 * Every page of a PDF as an image (a PDF point is 1/72 inch). At `dpi` when given, rendered through
 * pdf.js and @napi-rs/canvas. Otherwise each page as scanned: a page that is one JPEG over the whole
 * page is that JPEG as stored; any other is rendered at its scanned image's own resolution (never
 * enlarged past it, at most MOST_DPI), or at SCAN_DPI where it holds no image.
 */
export async function pdfPageImages(data: Uint8Array, dpi?: number): Promise<PageImage[]> {
  const pdf = await openPdf(data);
  const { OPS } = await getResolvedPDFJS();
  const stored =
    dpi === undefined ? await PDFDocument.load(data, { ignoreEncryption: true, updateMetadata: false }).catch(() => undefined) : undefined;
  const pages: PageImage[] = [];
  for (let page = 1; page <= pdf.numPages; page++) {
    let scale = (dpi ?? SCAN_DPI) / 72;
    if (dpi === undefined) {
      const proxy = await pdf.getPage(page);
      const { fnArray, argsArray } = await proxy.getOperatorList();
      const images = paintedImages(OPS, fnArray, argsArray);
      const jpeg = stored && oneImageFillsPage(images, proxy.view) ? storedJpeg(stored.getPage(page - 1).node) : undefined;
      if (jpeg) {
        pages.push({ page, data: jpeg });
        continue;
      }
      const native = imagePixelsPerPoint(images);
      if (native > 0) scale = Math.min(native, MOST_DPI / 72);
    }
    const image = await renderPageAsImage(pdf, page, { canvasImport: () => import('@napi-rs/canvas'), scale });
    pages.push({ page, data: new Uint8Array(image) });
  }
  return pages;
}
