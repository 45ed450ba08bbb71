import { z } from 'astro/zod';

/** The file beside an issue (<series>/<year>/<issue>/yuanban.json) that places its articles on the printed pages (原版). */
export const YUANBAN_FILE = 'yuanban.json';
/** The original the printed pages are shown from: a PDF with a text layer, or a scan bound as one. */
export const YUANBAN_ORIGINAL = 'original.pdf';

const Fraction = z.number().min(0).max(1);

/** One printed page, upright: its shape and how far it was turned to stand upright. */
export const YuanbanPageSchema = z.strictObject({
  /** Width of the upright page, as measured where its lines were found: points of a PDF's text layer, pixels of a scan. */
  width: z.number().positive(),
  /** Height of the upright page, in the same units as its width. */
  height: z.number().positive(),
  /** Clockwise turn (degrees) the original page needed to stand upright: 0 unless a scan lay on its side or upside down. */
  turn: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]).default(0),
});

/** Where one article stands on one printed page, as fractions of the upright page. */
export const YuanbanRegionSchema = z.strictObject({
  /** The article's id, as in its heading {#id}. */
  article: z.string().min(1),
  /** The printed page, 1 for the first. */
  page: z.int().positive(),
  x: Fraction,
  y: Fraction,
  width: Fraction,
  height: Fraction,
});

/** The 原版 of an issue: its printed pages and each article's regions on them, made from the original by the importer. */
export const YuanbanSchema = z.strictObject({
  /** SHA-256 of the original the regions were found on: page images are made from that file only. */
  digest: z.string().regex(/^[0-9a-f]{64}$/, { message: 'expected the SHA-256 of original.pdf (64 hex digits)' }),
  /** The printed pages in order. */
  pages: z.array(YuanbanPageSchema).min(1, { message: 'expected at least one printed page' }),
  /** Each article's region on each page it stands on, in printed order. */
  regions: z.array(YuanbanRegionSchema),
  /** Articles the regions could not be found for (their text not on the pages); default none. */
  unplaced: z.array(z.string()).default([]),
});

/** A 原版 file's contents. */
export type Yuanban = z.output<typeof YuanbanSchema>;
/** One region of a 原版. */
export type YuanbanRegion = z.output<typeof YuanbanRegionSchema>;
