import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { bindPages } from '../../src/lib/import/ocr/bind.ts';
import { lineImage } from '../../src/lib/import/ocr/engine.ts';
import {
  imagePixelsPerPoint,
  oneImageFillsPage,
  paintedImages,
  pdfPageImages,
  type ImageOperators,
} from '../../src/lib/import/ocr/pages.ts';

const OPS: ImageOperators = {
  save: 10,
  restore: 11,
  transform: 12,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  paintImageXObject: 85,
  paintImageMaskXObject: 83,
};

/** A grey test page: white, with a black bar from (x, y) of the given size. */
async function pageWithBar(width: number, height: number, bar: { x: number; y: number; w: number; h: number }, format: 'jpeg' | 'png') {
  const svg = `<svg width="${width}" height="${height}"><rect x="${bar.x}" y="${bar.y}" width="${bar.w}" height="${bar.h}" fill="#000"/></svg>`;
  const image = sharp({ create: { width, height, channels: 3, background: '#ffffff' } }).composite([{ input: Buffer.from(svg) }]);
  return new Uint8Array(await (format === 'jpeg' ? image.jpeg({ quality: 90 }) : image.png()).toBuffer());
}

describe("a scanned PDF's pages, read at the scan's own pixels", () => {
  it('finds the pixels an image lays on a point through the transformations in force', () => {
    // An A4 scan of 1,654 pixels drawn over a page that claims 96 ppi (1,240.5 points wide).
    const images = paintedImages(OPS, [10, 12, 85, 11], [null, [1240.5, 0, 0, 1754.25, 0, 0], ['img_1', 1654, 2339], null]);
    expect(imagePixelsPerPoint(images)).toBeCloseTo(1654 / 1240.5, 6);
    expect(oneImageFillsPage(images, [0, 0, 1240.5, 1754.25])).toBe(true);
    // Two strips of one page, each 1,700 pixels over 612 points, inside a form scaled by a half.
    const strips = paintedImages(
      OPS,
      [74, 10, 12, 85, 11, 10, 12, 12, 85, 11, 75],
      [
        [[0.5, 0, 0, 0.5, 0, 0], null],
        null,
        [612, 0, 0, 396, 0, 396],
        ['a', 1700, 1100],
        null,
        null,
        [1, 0, 0, 1, 0, 0],
        [612, 0, 0, 396, 0, 0],
        ['b', 1700, 1100],
        null,
        null,
      ],
    );
    expect(strips.map((image) => image.matrix)).toEqual([
      [306, 0, 0, 198, 0, 198],
      [306, 0, 0, 198, 0, 0],
    ]);
    expect(imagePixelsPerPoint(strips)).toBeCloseTo(1700 / 306, 6);
    expect(oneImageFillsPage(strips, [0, 0, 612, 792])).toBe(false);
    expect(imagePixelsPerPoint([])).toBe(0);
  });

  it('reads a JPEG page as stored however large its page claims to be, and renders other pages at their pixels', async () => {
    const jpeg = await pageWithBar(827, 1170, { x: 100, y: 100, w: 600, h: 40 }, 'jpeg');
    const png = await pageWithBar(827, 1170, { x: 100, y: 100, w: 600, h: 40 }, 'png');
    // 96 ppi claimed for a 100 dpi scan, as a scanner with the wrong metadata writes it.
    const pdf = await bindPages([
      { data: jpeg, dpi: 96 },
      { data: png, dpi: 96 },
    ]);
    const [first, second] = await pdfPageImages(pdf);
    expect(Buffer.from(first!.data).equals(Buffer.from(jpeg))).toBe(true);
    expect(await sharp(second!.data).metadata()).toMatchObject({ width: 827, height: 1170 });
    // Asked for a resolution, every page is rendered at it.
    const [fixed] = await pdfPageImages(pdf, 48);
    expect((await sharp(fixed!.data).metadata()).width).toBe(Math.floor((827 / 96) * 48));
  });
});

describe('a line cut from the page for the recogniser', () => {
  it('comes out level and 48 pixels high, with room around it, from a tilted box', async () => {
    // A bar 400 × 40 pixels tilted by 2°, on a white page.
    const width = 600;
    const height = 300;
    const angle = (2 * Math.PI) / 180;
    const [cx, cy] = [300, 150];
    const corner = (dx: number, dy: number): [number, number] => [
      cx + dx * Math.cos(angle) - dy * Math.sin(angle),
      cy + dx * Math.sin(angle) + dy * Math.cos(angle),
    ];
    const box = [corner(-200, -20), corner(200, -20), corner(200, 20), corner(-200, 20)];
    const svg = `<svg width="${width}" height="${height}"><polygon points="${box.map((p) => p.join(',')).join(' ')}" fill="#000"/></svg>`;
    const { data } = await sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
      .composite([{ input: Buffer.from(svg) }])
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const grey = { data, width, height };
    const line = lineImage(grey, box, { across: 0.5, down: 0.1 })!;
    expect(line.image.height).toBe(48);
    // 400 + 2 × 20 pixels long over 40 + 2 × 4 high: read at one pixel a pixel.
    expect(line.image.width).toBe(440);
    expect([line.before, line.boxLength]).toEqual([20, 400]);
    const at = (u: number, v: number) => line.image.data[v * line.image.width + u]!;
    // Level: the bar fills the middle rows end to end, the padding either side is white.
    for (const u of [30, 220, 410]) expect(at(u, 24)).toBeLessThan(40);
    for (const v of [1, 46]) expect(at(220, v)).toBeGreaterThan(200);
    expect(at(5, 24)).toBeGreaterThan(200);
    expect(at(434, 24)).toBeGreaterThan(200);
    // A box too small to hold a character is not read.
    expect(
      lineImage(
        grey,
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [0, 3],
        ],
        { across: 0.5, down: 0.1 },
      ),
    ).toBeUndefined();
  });
});
