import { z } from 'astro/zod';
import { ArticleKindSchema } from './article.ts';
import { IsoDateSchema, TextSchema } from './common.ts';
import { YuanbanSchema } from './yuanban.ts';

/** One line of the closing block: 报 / 送 / 发 / 抄送 and who receives the issue. */
export const DistributionSchema = z.strictObject({
  /** The label as printed, without the colon: 报, 送, 发, 抄送 … */
  label: TextSchema.refine((label) => !/[：:]$/u.test(label), {
    message: 'expected the label without its colon (送, not 送：): the site prints the colon',
  }),
  /** Recipients in printed order; printed joined by 、. At least one. */
  recipients: z.array(TextSchema).min(1, { message: 'expected at least one recipient' }),
  /** The recipients exactly as printed where they are not joined by 、 (甲，乙、丙); must list `recipients`; optional. */
  printedAs: TextSchema.optional(),
});

/** The word a print line ends its date with. */
export const PrintVerbSchema = z.enum(['印发', '编印', '印制', '印', '']);
/** 印发, 编印, 印制, 印 or none. */
export type PrintVerb = z.output<typeof PrintVerbSchema>;

/** The print line at the foot of an issue: 〈office〉 2022年7月28日印发 (共印N份). */
export const PrintedSchema = z.strictObject({
  /** The printing office as printed; optional, as some print lines give the date only. */
  by: TextSchema.optional(),
  /** The printing date (ISO), printed as 2022年7月28日印发. */
  date: IsoDateSchema,
  /** The word after the date as printed where it is not 印发: 编印, 印制, 印, or none (an empty string); optional. */
  verb: PrintVerbSchema.optional(),
  /** 共印N份: number of copies printed, when the issue says; a positive whole number. */
  copies: z.int().positive().optional(),
  /** 共印N份 as printed when it is not （共印N份） (共印50份 without brackets); must name `copies`; optional. */
  copiesLabel: TextSchema.optional(),
  /** The date as printed when it is not written 2022年7月28日 (二〇二四年三月十二日); must name `date`; optional. */
  dateLabel: TextSchema.optional(),
});

/** A dated correction (勘误) shown with the issue, or with one article of it. */
export const CorrectionSchema = z.strictObject({
  /** When the correction was made (ISO). */
  date: IsoDateSchema,
  /** The article it concerns (its id); absent for the issue as a whole. */
  article: z.string().optional(),
  /** The correction as readers see it, e.g. 原文“王海花”应为“王海华”。 */
  note: TextSchema,
});

/** An article withdrawn (撤稿) after publication: its URL stays and says so. */
export const WithdrawalSchema = z.strictObject({
  /** The withdrawn article's id. */
  article: z.string({ error: 'expected the id of the withdrawn article' }),
  /** When it was withdrawn (ISO). */
  date: IsoDateSchema,
  /** Why, as readers may see it; optional. */
  note: TextSchema.optional(),
});

/** A part of the masthead under the title. */
export const MastheadPartSchema = z.enum(['number', 'office', 'date']);
/** One of number, office, date. */
export type MastheadPart = z.output<typeof MastheadPartSchema>;
/** The masthead's usual order: 第59期, then the office, then the date. */
export const DEFAULT_ORDER: readonly MastheadPart[] = ['number', 'office', 'date'];

/** The fields of an issue file's front matter (content/<series>/<year>/<issue>.md). */
const IssueFields = z.strictObject({
  /** 第N期: a positive whole number, unique within the series (within the year if numbering restarts yearly). */
  number: z.int({ error: 'expected a positive whole number such as 59' }).positive(),
  /** Last number of a combined issue (第12-13期), greater than `number`; absent for a single issue. */
  numberEnd: z.int().positive().optional(),
  /** True for a supplement (增刊), numbered among supplements; default false. */
  supplement: z.boolean().default(false),
  /** 总第N期: running total across years, where the masthead prints one; optional. */
  totalNumber: z.int().positive().optional(),
  /** The number line as printed when it is not the plain 第N期（总第N期） (2024年第3期（总第128期）, 第3期 总第57期); must agree with the numbers; optional. */
  numberLabel: TextSchema.optional(),
  /** Issue date (ISO YYYY-MM-DD, printed 2022年7月28日); its year is the folder the file sits in. */
  date: IsoDateSchema,
  /** The date as printed when it is not written 2022年7月28日 (二〇二四年三月十二日); must name `date`; optional. */
  dateLabel: TextSchema.optional(),
  /** Classification mark printed at the top (内部刊物 注意保存); optional. */
  classification: TextSchema.optional(),
  /** Issuing office under the number (领导小组办公室); defaults to the series' office. */
  office: TextSchema.optional(),
  /** The office's role printed after it (主办, 编印, 编); optional. */
  officeRole: TextSchema.optional(),
  /** The masthead's number, office and date in printed order (管城回族区教育局编  第4期: office, number, date); default number, office, date. */
  mastheadOrder: z
    .array(MastheadPartSchema)
    .length(3, { message: 'expected number, office and date, each once, in printed order' })
    .refine((parts) => new Set(parts).size === 3, { message: 'expected number, office and date, each once, in printed order' })
    .default([...DEFAULT_ORDER]),
  /** Section names in printed order, each listed in the series record; equal to the body's ## headings; default none (one run of articles). */
  sections: z.array(TextSchema).default([]),
  /** Credit lines as printed after the articles ((责任编辑：…), 审核：… 校对：…); default none. */
  credits: z.array(TextSchema).default([]),
  /** True when the credits are printed after the print line, at the very end, rather than before the closing block; default false. */
  creditsLast: z.boolean().default(false),
  /** The closing block (报 / 送 / 发 …) in printed order; default none. */
  distribution: z.array(DistributionSchema).default([]),
  /** The print line; optional. */
  printed: PrintedSchema.optional(),
  /** Set when the text was recognised from a scan (OCR): the engine, the mean confidence of its characters (0–1) and the pages read. */
  scan: z.strictObject({ engine: TextSchema, confidence: z.number().min(0).max(1), pages: z.int().positive() }).optional(),
  /** True keeps the issue off every page, feed, sitemap and search index; default false. */
  draft: z.boolean().default(false),
  /** Corrections (勘误), each dated, for the issue or one of its articles; default none. */
  corrections: z.array(CorrectionSchema).default([]),
  /** Withdrawn articles (撤稿): their pages stay and say so, their text leaves pages, feeds and search; default none. */
  withdrawn: z.array(WithdrawalSchema).default([]),
});

/** The front matter of an issue file, with its cross-field rules. */
export const IssueSchema = IssueFields.refine((issue) => issue.numberEnd === undefined || issue.numberEnd > issue.number, {
  message: 'expected numberEnd to be greater than number (第12-13期 has number 12, numberEnd 13)',
  path: ['numberEnd'],
});

/** One article of an issue, as listed in the issue's table of contents. */
export const IssueArticleSchema = z.strictObject({
  /** The article's stable id. */
  id: z.string(),
  /** The title for lists and search. */
  title: z.string(),
  /** titled | lead | untitled. */
  kind: ArticleKindSchema,
  /** Section name as printed; absent in an issue without sections. */
  section: z.string().optional(),
  /** True when the article was withdrawn (撤稿). */
  withdrawn: z.boolean(),
});

/** An issue entry of the site: the front matter plus what its place in the archive gives it. */
export const IssueEntrySchema = IssueFields.extend({
  /** Series slug (the folder). */
  series: z.string(),
  /** Issue slug (59, 12-13, zk1): the file name and URL segment. */
  slug: z.string(),
  /** Year of the issue date. */
  year: z.int(),
  /** The printed number label (第59期). */
  label: z.string(),
  /** Sections in printed order, with their slugs from the series record. */
  sectionRefs: z.array(z.strictObject({ name: z.string(), slug: z.string() })),
  /** Articles in printed order. */
  articles: z.array(IssueArticleSchema),
  /** The original file kept beside the issue (original.pdf, original.docx …), offered for download. */
  original: z.string().optional(),
  /** The printed pages and each article's regions on them, where the issue has a 原版 page (<issue URL>yuanban/). */
  yuanban: YuanbanSchema.optional(),
});

/** Validated issue front matter. */
export type IssueFrontMatter = z.output<typeof IssueSchema>;
/** An issue entry of the site. */
export type IssueEntry = z.output<typeof IssueEntrySchema>;
/** One 报/送/发 line. */
export type Distribution = z.output<typeof DistributionSchema>;
