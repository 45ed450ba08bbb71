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

/** The 报/送/发 line as printed: 发：甲、乙、丙. */
export function distributionLine(entry: { label: string; recipients: readonly string[] }): string {
  return `${entry.label}：${entry.recipients.join('、')}`;
}

/** The print line as printed: 〈office〉 2022年7月28日印发（共印N份）. */
export function printLine(printed: NonNullable<IssueFrontMatter['printed']>): string {
  const copies = printed.copies === undefined ? '' : `（共印${printed.copies}份）`;
  return `${printed.by ? `${printed.by} ` : ''}${formatChineseDate(printed.date)}印发${copies}`;
}

/** Renders an issue back to the bulletin's plain text: masthead, sections, articles, closing block, print line. */
export function printText({ issue, series, sections }: PrintableIssue): string {
  const lines: string[] = [];
  if (issue.classification) lines.push(issue.classification);
  lines.push(...series.masthead, issueLabelWithTotal(issue));
  const office = issue.office ?? series.office;
  if (office) lines.push(office);
  lines.push(formatChineseDate(issue.date));
  for (const section of sections) {
    lines.push(`【${section.name}】`);
    for (const article of section.articles) {
      const [first = '', ...rest] = article.blocks;
      if (article.kind === 'lead') {
        lines.push(`${article.printedTitle}${first}`, ...rest);
      } else {
        if (article.kind === 'titled') lines.push(article.printedTitle);
        lines.push(...article.blocks);
      }
    }
  }
  lines.push(...issue.distribution.map(distributionLine));
  if (issue.printed) lines.push(printLine(issue.printed));
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
