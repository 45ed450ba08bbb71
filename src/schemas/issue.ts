import { z } from 'astro/zod';
import { IsoDateSchema, TextSchema } from './common.ts';

/** One line of the closing block: 报 / 送 / 发 / 抄送 and who receives the issue. */
export const DistributionSchema = z.strictObject({
  /** The label as printed, without the colon: 报, 送, 发, 抄送 … */
  label: TextSchema,
  /** Recipients in printed order; printed joined by 、. At least one. */
  recipients: z.array(TextSchema).min(1, { message: 'expected at least one recipient' }),
});

/** The print line at the foot of an issue: 〈office〉 2022年7月28日印发 (共印N份). */
export const PrintedSchema = z.strictObject({
  /** The printing office as printed. */
  by: TextSchema,
  /** The printing date (ISO), printed as 2022年7月28日印发. */
  date: IsoDateSchema,
  /** 共印N份: number of copies printed, when the issue says; a positive whole number. */
  copies: z.int().positive().optional(),
});

/** The front matter of an issue file (content/<series>/<year>/<issue>.md). */
export const IssueSchema = z.strictObject({
  /** 第N期: a positive whole number, unique within the series (within the year if numbering restarts yearly). */
  number: z.int({ error: 'expected a whole number such as 59' }).positive(),
  /** Last number of a combined issue (第12-13期), greater than `number`; absent for a single issue. */
  numberEnd: z.int().positive().optional(),
  /** True for a supplement (增刊), numbered among supplements; default false. */
  supplement: z.boolean().default(false),
  /** 总第N期: running total across years, where the masthead prints one; optional. */
  totalNumber: z.int().positive().optional(),
  /** Issue date (ISO YYYY-MM-DD, printed 2022年7月28日); its year is the folder the file sits in. */
  date: IsoDateSchema,
  /** Classification mark printed at the top (内部刊物 注意保存); optional. */
  classification: TextSchema.optional(),
  /** Issuing office under the number (领导小组办公室); defaults to the series' office. */
  office: TextSchema.optional(),
  /** Section names in printed order, each listed in the series record; equal to the body's ## headings. */
  sections: z.array(TextSchema).min(1, { message: 'expected at least one section' }),
  /** The closing block (报 / 送 / 发 …) in printed order; default none. */
  distribution: z.array(DistributionSchema).default([]),
  /** The print line; optional. */
  printed: PrintedSchema.optional(),
  /** True keeps the issue off every page, feed, sitemap and search index; default false. */
  draft: z.boolean().default(false),
}).refine((issue) => issue.numberEnd === undefined || issue.numberEnd > issue.number, {
  message: 'expected numberEnd to be greater than number (第12-13期 has number 12, numberEnd 13)',
  path: ['numberEnd'],
});

/** Validated issue front matter. */
export type IssueFrontMatter = z.output<typeof IssueSchema>;
/** One 报/送/发 line. */
export type Distribution = z.output<typeof DistributionSchema>;
