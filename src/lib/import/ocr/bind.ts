import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';

/** One page image and the resolution it was scanned at (for the page's printed size). */
export interface BoundPage {
  data: Uint8Array;
  dpi: number;
}

/** Binds page images into one PDF of images only, each page its scanned size: JPEG and PNG as they are, other formats as PNG. */
export async function bindPages(pages: readonly BoundPage[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (const page of pages) {
    const { format } = await sharp(page.data).metadata();
    const image =
      format === 'jpeg'
        ? await pdf.embedJpg(page.data)
        : await pdf.embedPng(format === 'png' ? page.data : await sharp(page.data).png().toBuffer());
    const width = (image.width / page.dpi) * 72;
    const height = (image.height / page.dpi) * 72;
    pdf.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
  }
  return pdf.save();
}
