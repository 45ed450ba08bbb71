import { getDocumentProxy, renderPageAsImage } from 'unpdf';

/** The resolution scans are read at: PaddleOCR's detector finds 10.5 pt text reliably from here up. */
export const SCAN_DPI = 200;

/** One page of a scan as an image, with its number (1-based) in the input. */
export interface PageImage {
  /** 1-based page number. */
  page: number;
  /** The page as PNG (or the image file as given). */
  data: Uint8Array;
}

/** Renders every page of a PDF to a PNG at `dpi` (a PDF point is 1/72 inch), through pdf.js and @napi-rs/canvas. */
export async function pdfPageImages(data: Uint8Array, dpi = SCAN_DPI): Promise<PageImage[]> {
  const pdf = await getDocumentProxy(new Uint8Array(data));
  const pages: PageImage[] = [];
  for (let page = 1; page <= pdf.numPages; page++) {
    const image = await renderPageAsImage(pdf, page, { canvasImport: () => import('@napi-rs/canvas'), scale: dpi / 72 });
    pages.push({ page, data: new Uint8Array(image) });
  }
  return pages;
}
