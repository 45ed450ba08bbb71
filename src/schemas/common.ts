import { z } from 'astro/zod';
import { isIsoDate } from '../lib/dates.ts';

/** An ISO calendar date kept as a string (YYYY-MM-DD), never a UTC Date object. */
export const IsoDateSchema = z
  .string({ error: 'expected a date written YYYY-MM-DD' })
  .refine(isIsoDate, { message: 'expected a real calendar date written YYYY-MM-DD' });

/** The form of every slug and article id: lower-case letters, digits and hyphens, starting with a letter, at most 32. */
export const SLUG = /^[a-z][a-z0-9-]{0,31}$/;

/** Short ASCII slug: lower-case letters, digits and hyphens, starting with a letter. */
export const SlugSchema = z.string({ error: 'expected a short ASCII slug' }).regex(SLUG, {
  message: 'expected a short ASCII slug: a-z, 0-9 and "-", starting with a letter, at most 32 characters',
});

/** Printed text: non-empty, no leading or trailing white space. */
export const TextSchema = z
  .string({ error: 'expected text' })
  .min(1, { message: 'expected text, not an empty string' })
  .refine((value) => value.trim() === value, { message: 'expected text without leading or trailing spaces' });
