import { NUMERAL_CHARACTERS, numeralValue } from './numerals.ts';

/** Issue numbers as printed (第59期, 第12-13期, 增刊第1期) and as they appear in URLs and file names (59, 12-13, zk1). */

/** The parts of an issue's front matter that make up its number. */
export interface IssueNumber {
  /** 第N期: the issue's number within its series (or within the year, for series that restart yearly). */
  number: number;
  /** Last number of a combined issue (第12-13期); absent for a single issue. */
  numberEnd?: number | undefined;
  /** True for a supplement (增刊); its number counts supplements, not regular issues. */
  supplement?: boolean | undefined;
}

const SLUG = /^(zk)?([1-9]\d*)(?:-([1-9]\d*))?$/;

/** The ASCII form used in URLs and file names: 59, 12-13, zk1. */
export function issueSlug(issue: IssueNumber): string {
  const range = issue.numberEnd === undefined ? `${issue.number}` : `${issue.number}-${issue.numberEnd}`;
  return issue.supplement ? `zk${range}` : range;
}

/** Reads a slug back (59, 12-13, zk1); undefined when it is not one. */
export function parseIssueSlug(slug: string): IssueNumber | undefined {
  const match = SLUG.exec(slug);
  if (!match) return undefined;
  const number = Number(match[2]);
  const numberEnd = match[3] === undefined ? undefined : Number(match[3]);
  if (numberEnd !== undefined && numberEnd <= number) return undefined;
  return { number, ...(numberEnd !== undefined && { numberEnd }), ...(match[1] && { supplement: true }) };
}

/** The printed label: 第59期, 第12-13期, 增刊第1期. */
export function issueLabel(issue: IssueNumber): string {
  const range = issue.numberEnd === undefined ? `${issue.number}` : `${issue.number}-${issue.numberEnd}`;
  return `${issue.supplement ? '增刊' : ''}第${range}期`;
}

/** The label with the running total where a series prints one: 第59期（总第120期）. */
export function issueLabelWithTotal(issue: IssueNumber & { totalNumber?: number | undefined }): string {
  const label = issueLabel(issue);
  return issue.totalNumber === undefined ? label : `${label}（总第${issue.totalNumber}期）`;
}

/** What a printed number line says: 2024年第3期（总第128期）, 第3期 总第57期, 第12-13期, 增刊. */
export interface PrintedNumber {
  /** 2024年 before the number, where printed (series numbered within the year). */
  year?: number;
  /** 第N期; absent for a supplement that prints no number. */
  number?: number;
  /** Last number of a combined issue. */
  numberEnd?: number;
  /** 增刊. */
  supplement: boolean;
  /** 总第N期. */
  totalNumber?: number;
}

const N = `[${NUMERAL_CHARACTERS}]`;
const NUMBER_LINE = new RegExp(
  `^[（(]?\\s*(?:(\\d{4})\\s*年\\s*)?(增\\s*刊)?\\s*(?:第\\s*(${N}{1,6})\\s*(?:[-—－–~～至]\\s*(${N}{1,6})\\s*)?期)?\\s*(?:[（(]?\\s*总\\s*第\\s*(${N}{1,8})\\s*期\\s*[)）]?)?\\s*[)）]?$`,
  'u',
);

/** Reads a printed number line (spaces, ASCII brackets and Chinese numerals allowed: 第五十九期); undefined when it is not one. */
export function parsePrintedNumber(text: string): PrintedNumber | undefined {
  const match = NUMBER_LINE.exec(text.normalize('NFKC').trim());
  if (!match || (!match[2] && match[3] === undefined)) return undefined;
  const [, year, supplement, number, numberEnd, totalNumber] = match;
  const values = [number, numberEnd, totalNumber].map((part) => (part === undefined ? undefined : numeralValue(part)));
  if (values.some((value) => value !== undefined && !(Number.isInteger(value) && value > 0))) return undefined;
  const [first, last, total] = values;
  return {
    supplement: Boolean(supplement),
    ...(year !== undefined && { year: Number(year) }),
    ...(first !== undefined && { number: first }),
    ...(last !== undefined && { numberEnd: last }),
    ...(total !== undefined && { totalNumber: total }),
  };
}
