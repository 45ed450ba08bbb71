/**
 * The printed pages of an original PDF with a text layer, as the 原版 regions are found on them
 * (lib/archive/regions.ts): each page's size and its lines, made as the importer makes them
 * (pdf-lines.ts), each with its box from the top of the page — without page numbers and running
 * headers, which the importer sets aside too (layout.ts) and no article's region holds.
 */
import type { PrintedPage } from '../archive/regions.ts';
import { setFurnitureAside } from './layout.ts';
import { openPdf } from './ocr/pages.ts';
import { pdfLines, pdfPageItems } from './pdf-lines.ts';
import type { PlacedLine } from './layout.ts';
import { pdfPageImages, readPages, type PageProgress } from './ocr/index.ts';

/** How far a line's ink reaches above and below its baseline, in its type size. */
const ASCENT = 0.9;
const DESCENT = 0.25;

/** The pages of a PDF with their lines and boxes in points from the page's top left; no lines where the PDF has no text layer. */
export async function pdfPrintedPages(data: Uint8Array): Promise<PrintedPage[]> {
  const pdf = await openPdf(data);
  const read: { width: number; height: number; lines: PlacedLine[] }[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const { items, width, height } = await pdfPageItems(await pdf.getPage(number));
    read.push({ width, height, lines: pdfLines(items) });
  }
  const { bodies } = setFurnitureAside(read.map((page) => page.lines));
  // A line's y is its baseline negated (PDF space grows up the page): height + y is its baseline from the top.
  return read.map(({ width, height }, index) => ({
    width,
    height,
    lines: bodies[index]!.map((line) => ({
      text: line.text,
      left: line.x,
      right: line.end,
      top: height + line.y - line.size * ASCENT,
      bottom: height + line.y + line.size * DESCENT,
    })),
  }));
}

/**
 * The printed pages of an original PDF as the 原版 regions are found on them: its text layer where it
 * has one, else its pages read by OCR (a scan), upright, with the turn each needed. Says which.
 */
export async function originalPrintedPages(
  data: Uint8Array,
  onPage?: PageProgress,
): Promise<{ pages: PrintedPage[]; read: 'text layer' | 'OCR' }> {
  const layer = await pdfPrintedPages(data);
  if (layer.some((page) => page.lines.length)) return { pages: layer, read: 'text layer' };
  const reading = await readPages(await pdfPageImages(data), onPage);
  return { pages: reading.printed ?? [], read: 'OCR' };
}
