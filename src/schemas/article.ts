import { z } from 'astro/zod';
import { IsoDateSchema, SlugSchema, TextSchema } from './common.ts';

/** How an article shows its title: a heading, a run-in lead phrase (国防教育，入脑入行。…), or none. */
export const ArticleKindSchema = z.enum(['titled', 'lead', 'untitled']);

/** An article entry, derived at build time from its issue file (one per ### heading). */
export const ArticleSchema = z.strictObject({
  /** Stable short ASCII id written in the issue file; the URL segment and the anchor in the issue page. */
  id: SlugSchema,
  /** The title for lists, search and the page title (a lead phrase without its closing 。). */
  title: TextSchema,
  /** The title exactly as printed (a lead phrase keeps its 。); empty for an untitled item. */
  printedTitle: z.string(),
  /** How the title is printed. */
  kind: ArticleKindSchema,
  /** Series slug. */
  series: SlugSchema,
  /** Issue slug (59, 12-13, zk1). */
  issue: z.string(),
  /** Issue date (ISO). */
  date: IsoDateSchema,
  /** Year of the issue date. */
  year: z.int(),
  /** Section name as printed; absent in an issue without sections. */
  section: TextSchema.optional(),
  /** Section slug from the series record; absent in an issue without sections. */
  sectionSlug: SlugSchema.optional(),
  /** The editor's note (编者按：…) printed with the article; optional. */
  note: TextSchema.optional(),
  /** True when the note is printed before the title rather than after it; default false. */
  noteBefore: z.boolean().default(false),
  /** Where the article came from, as printed after it ((供稿：某某学校), (区教育局)); optional. */
  source: TextSchema.optional(),
  /** Position of the article in its issue, from 0. */
  order: z.int().nonnegative(),
  /** Corrections (勘误) of this article, dated. */
  corrections: z.array(z.strictObject({ date: IsoDateSchema, note: TextSchema })),
  /** Set when the article was withdrawn (撤稿): its page says so instead of showing it. */
  withdrawn: z.strictObject({ date: IsoDateSchema, note: TextSchema.optional() }).optional(),
});

/** A derived article record. */
export type Article = z.output<typeof ArticleSchema>;
/** titled | lead | untitled. */
export type ArticleKind = z.output<typeof ArticleKindSchema>;
