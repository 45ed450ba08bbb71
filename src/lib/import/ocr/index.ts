/**
 * Scans to text: the pages of an image-only PDF rendered, or page images as given, read by the OCR
 * engine page by page, then laid out as a bulletin's text (read-scan.ts). A scan that holds no
 * readable text fails with what was found, before anything is recognised or written.
 */
import sharp from 'sharp';
import { ImportError } from '../plan-import.ts';
import { SCAN_DPI, type PageImage } from './pages.ts';
import { readScan, type ScanReading } from './read-scan.ts';

export { bindPages } from './bind.ts';
export { pdfPageImages, SCAN_DPI, type PageImage } from './pages.ts';

/** Image files read as the pages of a scan. */
export const PAGE_IMAGES = ['.jpg', '.jpeg', '.png', '.tif', '.tiff'] as const;

/** Page images wider than this are scaled down to it: A4 at 300 dpi. */
const MOST_WIDTH = 2480;
/** Fewer Han characters and digits than this is no bulletin. */
const FEWEST_CHARACTERS = 40;
/** A mean confidence below this is a photo of something else, or a scan too poor to read. */
const LOWEST_CONFIDENCE = 0.75;

/** Hears of each page as the engine finishes it. */
export type PageProgress = (done: number, pages: number) => void;

/** What the issue records of the scan it was read from. */
export interface ScanRecord {
  engine: string;
  /** Mean confidence of the characters read, 0–1, to three places. */
  confidence: number;
  pages: number;
}

/** Reads page images (in order) with the OCR engine into the bulletin's text. */
export async function readPages(
  pages: readonly PageImage[],
  onPage: PageProgress = () => undefined,
): Promise<ScanReading & { scan: ScanRecord }> {
  // The engine (onnxruntime and its models, about 200 MB) loads only when a scan is read.
  const { OCR_ENGINE, ocrEngine } = await import('./engine.ts');
  const engine = await ocrEngine();
  const read = [];
  onPage(0, pages.length);
  for (const page of pages) {
    // The detector reads three-channel pixels: grey and palette scans are widened, transparency laid on white.
    // A photo or a 600 dpi scan is read at about 200 dpi: the detector's time grows with the pixels, not its accuracy.
    const image = await sharp(page.data)
      .resize({ width: MOST_WIDTH, height: MOST_WIDTH * 1.5, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .png()
      .toBuffer();
    read.push({ page: page.page, boxes: await engine.read(new Uint8Array(image)) });
    onPage(read.length, pages.length);
  }
  const reading = readScan(read);
  if (!reading.pages) {
    throw new ImportError(
      `no text found on any of the scan's ${pages.length} page${pages.length > 1 ? 's' : ''} (blank pages?): expected the pages of a printed bulletin`,
    );
  }
  if (reading.characters < FEWEST_CHARACTERS || reading.confidence < LOWEST_CONFIDENCE) {
    throw new ImportError(
      `the scan holds too little readable text for a bulletin (${reading.characters} characters read, mean confidence ${Math.round(reading.confidence * 100)} %): expected the pages of a printed bulletin, upright, at ${SCAN_DPI} dpi or more`,
    );
  }
  return { ...reading, scan: { engine: OCR_ENGINE, confidence: Math.round(reading.confidence * 1000) / 1000, pages: reading.pages } };
}
