/**
 * The images of an issue's printed pages (its 原版 page), made from its original PDF: each page
 * rendered as printed (a scan at its own resolution, a text PDF at SCAN_DPI), turned upright as the
 * regions were found on it, and written as WebP at PAGE_IMAGE_WIDTHS and at full resolution, and as
 * AVIF at PHONE_IMAGE_WIDTH (see pageImageNames). They go
 * into a cache folder named by the original's digest — made once, whatever the build or the output
 * folder — and are published from there; they are never content files, nor an article's photos.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { Yuanban } from '../../schemas/yuanban.ts';
import { originalDigest, PAGE_IMAGE_WIDTHS, PHONE_IMAGE_WIDTH, pageImageName } from '../archive/yuanban.ts';
import { pdfPageImages } from '../import/ocr/pages.ts';
import { eachAtMost } from '../concurrency.ts';

/** The widest full-resolution image: A4 at 300 dpi. */
const FULL_WIDTH = 2480;
/** WebP quality of the images shown (printed text stays sharp at 2×), and of the full-resolution one. */
const SHOWN_QUALITY = 72;
const FULL_QUALITY = 80;
/** AVIF quality of the phone's image: as legible as WebP's 72 (looked at side by side), a quarter smaller. */
const AVIF_QUALITY = 55;
/** The set of images made for each original: a cache folder made for another set is not used. */
const IMAGE_SET = 'webp-720-1440-avif-720';
const EFFORT = 2;
/** Written last into a finished folder: a folder without it was cut short and is made again. */
const DONE = '.done';

/** Thrown when the original beside an issue is not the one its 原版 file was made from. */
export class StaleYuanbanError extends Error {
  /** The original beside the issue. */
  readonly original: string;
  constructor(original: string, found: string) {
    super(`${original} is not the original its 原版 file was made from (${found})`);
    this.original = original;
  }
}

/** True when the page images of a 原版 are in the cache already. */
export function pageImagesMade(yuanban: Pick<Yuanban, 'digest'>, cache: string): boolean {
  return existsSync(path.join(cache, IMAGE_SET, yuanban.digest, DONE));
}

/**
 * Makes the page images missing from the cache, `width` originals at a time (one renders while the
 * other's images are encoded). Never fails: an original that cannot be made is met again where its
 * images are published, which says why.
 */
export async function makePageImages(
  originals: readonly { original: string; yuanban: Yuanban }[],
  cache: string,
  width = 1,
): Promise<number> {
  let made = 0;
  await eachAtMost(
    originals.filter(({ yuanban }) => !pageImagesMade(yuanban, cache)),
    width,
    async ({ original, yuanban }) => {
      await pageImages(original, yuanban, cache).then(
        () => made++,
        () => undefined,
      );
    },
  );
  return made;
}

/**
 * The cache folder holding the page images of `original` (whose 原版 file is `yuanban`), made now
 * if it is not there yet. Throws StaleYuanbanError when the original is not the one the regions were found on.
 */
export async function pageImages(original: string, yuanban: Yuanban, cache: string): Promise<string> {
  const folder = path.join(cache, IMAGE_SET, yuanban.digest);
  if (pageImagesMade(yuanban, cache)) return folder;
  const data = new Uint8Array(await readFile(original));
  if (originalDigest(data) !== yuanban.digest) throw new StaleYuanbanError(original, 'its SHA-256 differs');
  const rendered = await pdfPageImages(data);
  if (rendered.length !== yuanban.pages.length) {
    throw new StaleYuanbanError(original, `it has ${rendered.length} pages, the 原版 file ${yuanban.pages.length}`);
  }
  const making = `${folder}.making-${process.pid}`;
  await rm(making, { recursive: true, force: true });
  await mkdir(making, { recursive: true });
  await mkdir(path.dirname(folder), { recursive: true });
  for (const [index, page] of rendered.entries()) {
    // One decode, four encodings side by side; WebP's effort 2 is twice as quick as its default for 3 % more bytes.
    const upright = sharp(page.data).rotate(yuanban.pages[index]!.turn).flatten({ background: '#ffffff' });
    await Promise.all([
      upright
        .clone()
        .resize({ width: FULL_WIDTH, withoutEnlargement: true })
        .webp({ quality: FULL_QUALITY, effort: EFFORT })
        .toFile(path.join(making, pageImageName(index + 1))),
      upright
        .clone()
        .resize({ width: PHONE_IMAGE_WIDTH, withoutEnlargement: true })
        .avif({ quality: AVIF_QUALITY, effort: EFFORT })
        .toFile(path.join(making, pageImageName(index + 1, PHONE_IMAGE_WIDTH, 'avif'))),
      ...PAGE_IMAGE_WIDTHS.map((width) =>
        upright
          .clone()
          .resize({ width, withoutEnlargement: true })
          .webp({ quality: SHOWN_QUALITY, effort: EFFORT })
          .toFile(path.join(making, pageImageName(index + 1, width))),
      ),
    ]);
  }
  await writeFile(path.join(making, DONE), '');
  await rm(folder, { recursive: true, force: true });
  await rename(making, folder);
  return folder;
}
