/**
 * Scans to text: the pages of an image-only PDF rendered, or page images as given, read by the OCR
 * engine page by page, then laid out as a bulletin's text (read-scan.ts). A scan that holds no
 * readable text fails with what was found, before anything is recognised or written.
 */
import sharp from 'sharp';
import { ImportError, type ScanRecord } from '../source.ts';
import { SCAN_DPI, type PageImage } from './pages.ts';
import { readScan, type ScanPage, type ScanReading } from './read-scan.ts';
import type { OcrBox, OcrEngine } from './engine.ts';

export { bindPages } from './bind.ts';
export type { ScanRecord } from '../source.ts';
export { pdfPageImages, SCAN_DPI, type PageImage } from './pages.ts';

/** Image files read as the pages of a scan. */
export const PAGE_IMAGES = ['.jpg', '.jpeg', '.png', '.tif', '.tiff'] as const;

/** Page images wider than this are scaled down to it: A4 at 300 dpi. */
const MOST_WIDTH = 2480;
/** Fewer Han characters and digits than this is no bulletin. */
const FEWEST_CHARACTERS = 40;
/** A mean confidence below this is a photo of something else, or a scan too poor to read. */
const LOWEST_CONFIDENCE = 0.75;

/** A page reads as text when the engine finds at least this many characters a run on average (and reads them surely enough). */
const LEGIBLE_CHARACTERS = 2;

/**
 * How a page lies, from what the engine read on it: `tall` when most runs stand upright (the page is
 * on its side: the engine turns tall runs a quarter to read them, so a page turned clockwise still
 * reads), `legible` when the runs read as text (a page upside down or turned the other way reads as
 * next to nothing). A page with no runs is taken as it is.
 */
export function howPageLies(boxes: readonly OcrBox[]): { tall: boolean; legible: boolean } {
  const tall = boxes.filter(({ box: [topLeft, topRight, , bottomLeft] }) => {
    const across = Math.hypot(topRight[0] - topLeft[0], topRight[1] - topLeft[1]);
    const down = Math.hypot(bottomLeft[0] - topLeft[0], bottomLeft[1] - topLeft[1]);
    return down > across;
  }).length;
  const chars = boxes.flatMap((box) => box.chars);
  const confidence = chars.reduce((sum, char) => sum + char.confidence, 0) / (chars.length || 1);
  return {
    tall: tall * 2 > boxes.length,
    legible: !boxes.length || (chars.length >= boxes.length * LEGIBLE_CHARACTERS && confidence >= LOWEST_CONFIDENCE),
  };
}

/** The turns (clockwise, in degrees) worth trying on a page that does not lie upright, likeliest first. */
function turnsToTry(lie: { tall: boolean; legible: boolean }): number[] {
  if (lie.tall) return lie.legible ? [270, 90] : [90, 270];
  return lie.legible ? [] : [180];
}

/** Reads a page, turned upright first where it lies on its side or upside down. */
async function readUpright(engine: OcrEngine, page: number, image: Buffer): Promise<ScanPage> {
  const { width = 0, height = 0 } = await sharp(image).metadata();
  const boxes = await engine.read(new Uint8Array(image));
  for (const turned of turnsToTry(howPageLies(boxes))) {
    const upright = await sharp(image).rotate(turned).png().toBuffer();
    const read = await engine.read(new Uint8Array(upright));
    const lie = howPageLies(read);
    const across = turned === 180 ? { width, height } : { width: height, height: width };
    if (lie.legible && !lie.tall) return { page, boxes: read, turned, ...across };
  }
  return { page, boxes, width, height };
}

/** Hears of each page as the engine finishes it. */
export type PageProgress = (done: number, pages: number) => void;

/** Reads page images (in order) with the OCR engine into the bulletin's text. */
export async function readPages(
  pages: readonly PageImage[],
  onPage: PageProgress = () => undefined,
): Promise<ScanReading & { scan: ScanRecord }> {
  // The engine (onnxruntime and its models, about 200 MB) loads only when a scan is read.
  const { OCR_ENGINE, ocrEngine } = await import('./engine.ts');
  const engine = await ocrEngine();
  const read: ScanPage[] = [];
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
    read.push(await readUpright(engine, page.page, image));
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
