import { z } from 'astro/zod';
import { RESERVED_SLUGS } from '../lib/urls.ts';
import { SlugSchema, TextSchema } from './common.ts';

/** One column of a series (【市局工作】): its printed name and the ASCII slug of its pages. */
export const SectionSchema = z.strictObject({
  /** The section's name as printed between 【】, e.g. 市局工作. */
  name: TextSchema,
  /** ASCII slug for the section's pages (/<series>/sections/<slug>/<year>/); never changes once published. */
  slug: SlugSchema,
});

/** A series record (content/<slug>/series.yaml): one bulletin title with its numbering and sections. */
export const SeriesSchema = z.strictObject({
  /** Short ASCII slug, the first URL segment of all the series' pages; equals the folder name; not a reserved path. */
  slug: SlugSchema.refine((slug) => !RESERVED_SLUGS.includes(slug), {
    message: `expected a slug that is not one of the site's own paths (${RESERVED_SLUGS.join(', ')})`,
  }),
  /** The series' full name for lists and titles, e.g. 郑州市教育局“能力作风建设年”活动简报. */
  title: TextSchema,
  /** The masthead title lines exactly as printed, e.g. [郑州市教育局“能力作风建设年”活动, 简 报]. */
  masthead: z.array(TextSchema).min(1, { message: 'expected at least one masthead line' }),
  /** Default issuing office printed under the number (领导小组办公室); an issue may give its own. */
  office: TextSchema.optional(),
  /** Who publishes the series (shown on the series page); optional. */
  publisher: TextSchema.optional(),
  /** A paragraph about the series for its page; optional. */
  description: TextSchema.optional(),
  /** How issues are numbered: continuous (default) or restarting at 第1期 every year. */
  numbering: z.enum(['continuous', 'yearly']).default('continuous'),
  /** The series' sections in their usual order; every section an issue uses must be listed here; default none (issues print one run of articles). */
  sections: z
    .array(SectionSchema)
    .default([])
    .refine((sections) => new Set(sections.map((s) => s.slug)).size === sections.length, {
      message: 'expected every section slug to be different',
    })
    .refine((sections) => new Set(sections.map((s) => s.name)).size === sections.length, {
      message: 'expected every section name to be different',
    }),
});

/** A validated series record. */
export type Series = z.output<typeof SeriesSchema>;
/** A section of a series. */
export type Section = z.output<typeof SectionSchema>;
