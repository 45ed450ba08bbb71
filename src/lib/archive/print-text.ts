import type { IssueFrontMatter } from '../../schemas/issue.ts';
import type { Series } from '../../schemas/series.ts';
import { formatChineseDate } from '../dates.ts';
import type { ParsedSection } from './issue-file.ts';
import { issueLabelWithTotal } from '../issue-number.ts';

/** What the print text is made from: the validated front matter, its series and the parsed body. */
export interface PrintableIssue {
  /** Validated front matter. */
  issue: IssueFrontMatter;
  /** The issue's series record (masthead lines, default office). */
  series: Series;
  /** The parsed body. */
  sections: readonly ParsedSection[];
}

/** What separates recipients in a printed list. */
export const RECIPIENT_SEPARATOR = /[、，,；;]/u;

/** Splits a recipient list on 、 and ，, but not inside brackets: 各县（市、区）教育局 stays one recipient. */
export function splitRecipients(text: string): string[] {
  const recipients: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if ('（(【[《〈“'.includes(char)) depth++;
    else if ('）)】]》〉”'.includes(char)) depth = Math.max(0, depth - 1);
    if (RECIPIENT_SEPARATOR.test(char) && depth === 0) {
      recipients.push(current.trim());
      current = '';
    } else current += char;
  }
  recipients.push(current.trim());
  return recipients.filter(Boolean);
}

/** The recipients as printed: their printedAs, else joined by 、. */
export function recipientsLine(entry: { recipients: readonly string[]; printedAs?: string | undefined }): string {
  return entry.printedAs ?? entry.recipients.join('、');
}

/** The 报/送/发 line as printed: 发：甲、乙、丙. */
export function distributionLine(entry: { label: string; recipients: readonly string[]; printedAs?: string | undefined }): string {
  return `${labelText(entry.label)}${recipientsLine(entry)}`;
}

/** A section's heading as printed: 【市局工作】. */
export function sectionHeading(name: string): string {
  return `【${name}】`;
}

/** A closing label as printed, with its colon: 报：. */
export function labelText(label: string): string {
  return `${label}：`;
}

/** The print line's date and copies as printed: 2022年7月28日印发（共印N份）. */
export function printedWhen(printed: NonNullable<IssueFrontMatter['printed']>): { date: string; after: string } {
  const copies = printed.copies === undefined ? '' : (printed.copiesLabel ?? `（共印${printed.copies}份）`);
  return { date: printed.dateLabel ?? formatChineseDate(printed.date), after: `${printed.verb ?? '印发'}${copies}` };
}

/** The print line as printed: 〈office〉 2022年7月28日印发（共印N份）. */
export function printLine(printed: NonNullable<IssueFrontMatter['printed']>): string {
  const { date, after } = printedWhen(printed);
  return `${printed.by ? `${printed.by} ` : ''}${date}${after}`;
}

/** The issue number as printed: the file's numberLabel, else 第59期（总第120期）. */
export function numberLine(issue: IssueFrontMatter): string {
  return issue.numberLabel ?? issueLabelWithTotal(issue);
}

/** The issue date as printed: the file's dateLabel, else 2022年7月28日. */
export function dateLine(issue: Pick<IssueFrontMatter, 'date' | 'dateLabel'>): string {
  return issue.dateLabel ?? formatChineseDate(issue.date);
}

/** Renders an issue back to the bulletin's plain text: masthead, sections, articles, closing block, print line. */
export function printText({ issue, series, sections }: PrintableIssue): string {
  const lines: string[] = [];
  if (issue.classification) lines.push(issue.classification);
  lines.push(...series.masthead);
  const office = [issue.office ?? series.office, issue.officeRole].filter(Boolean).join(' ');
  const parts = { number: numberLine(issue), office, date: dateLine(issue) };
  for (const part of issue.mastheadOrder) if (parts[part]) lines.push(parts[part]);
  for (const section of sections) {
    if (section.name) lines.push(sectionHeading(section.name));
    for (const article of section.articles) {
      const [first = '', ...rest] = article.blocks;
      if (article.note !== undefined && article.noteBefore) lines.push(article.note);
      if (article.kind === 'lead') {
        lines.push(`${article.printedTitle}${first}`);
        if (article.note !== undefined && !article.noteBefore) lines.push(article.note);
        lines.push(...rest);
      } else {
        if (article.kind === 'titled') lines.push(article.printedTitle);
        if (article.note !== undefined && !article.noteBefore) lines.push(article.note);
        lines.push(...article.blocks);
      }
      if (article.source !== undefined) lines.push(article.source);
    }
  }
  if (!issue.creditsLast) lines.push(...issue.credits);
  lines.push(...issue.distribution.map(distributionLine));
  if (issue.printed) lines.push(printLine(issue.printed));
  if (issue.creditsLast) lines.push(...issue.credits);
  return `${lines.join('\n\n')}\n`;
}

/**
 * The normalisations under which two print texts count as equal: all white space removed (line
 * wraps, page-break splits, spacing left by PDF extraction) and full-width forms folded to
 * half-width (，→, （→( ０→0) by Unicode NFKC.
 */
export function normalizePrintText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/** Where two print texts differ after normalisation. */
export interface PrintTextDifference {
  /** Offset in the normalised texts where they first differ. */
  offset: number;
  /** The expected (source) text around that place. */
  expected: string;
  /** The found (rendered) text around that place. */
  found: string;
}

/** Compares a source text with a rendered print text; undefined when they are equal up to the normalisations. */
export function comparePrintText(source: string, rendered: string): PrintTextDifference | undefined {
  const a = [...normalizePrintText(source)];
  const b = [...normalizePrintText(rendered)];
  let offset = 0;
  while (offset < a.length && offset < b.length && a[offset] === b[offset]) offset++;
  if (offset === a.length && offset === b.length) return undefined;
  const around = (chars: string[]) => chars.slice(Math.max(0, offset - 12), offset + 18).join('');
  return { offset, expected: around(a) || '(end of text)', found: around(b) || '(end of text)' };
}
