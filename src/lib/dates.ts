import { NUMERAL_CHARACTERS, numeralValue } from './numerals.ts';

/** Dates in the archive: ISO strings (YYYY-MM-DD) in files, 2022年7月28日 as printed. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A weekday printed after a date: 星期二, （周二）. */
export const WEEKDAY = /\s*[（(]?\s*(?:星期|周)[一二三四五六日天]\s*[)）]?/u;
const CHINESE_DATE = new RegExp(
  `^\\s*([${NUMERAL_CHARACTERS}]{4})\\s*年\\s*([${NUMERAL_CHARACTERS}]{1,3})\\s*月\\s*([${NUMERAL_CHARACTERS}]{1,3})\\s*日(?:${WEEKDAY.source})?\\s*$`,
  'u',
);
/** A date as printed, anywhere in a line: 2022年7月28日, 二〇二四年三月十二日, 二0二四年三月十二日. */
export const PRINTED_DATE = new RegExp(
  `[${NUMERAL_CHARACTERS}]{4}\\s*年\\s*[${NUMERAL_CHARACTERS}]{1,3}\\s*月\\s*[${NUMERAL_CHARACTERS}]{1,3}\\s*日`,
  'u',
);

/** The calendar parts of an ISO date string, or undefined when it is not a real calendar day. */
export function isoDateParts(value: string): { year: number; month: number; day: number } | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  // Date.UTC rolls 2022-02-30 over to March; a round trip tells a real day from an impossible one.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return undefined;
  }
  return { year, month, day };
}

/** True when the string is an ISO date (YYYY-MM-DD) naming a real calendar day. */
export function isIsoDate(value: string): boolean {
  return isoDateParts(value) !== undefined;
}

/** 2022-07-28 → 2022年7月28日, as bulletins print dates. */
export function formatChineseDate(iso: string): string {
  const parts = isoDateParts(iso);
  if (!parts) throw new RangeError(`not an ISO date: ${JSON.stringify(iso)}`);
  return `${parts.year}年${parts.month}月${parts.day}日`;
}

/**
 * A printed date → ISO: 2022年7月28日 (spaces allowed, as PDF extraction leaves them), 2022年07月28日,
 * 二〇二四年三月十二日, 二0二四年三月十二日; undefined when it is not a real day.
 */
export function parseChineseDate(text: string): string | undefined {
  const match = CHINESE_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1, 4).map(numeralValue) as [number, number, number];
  if (![year, month, day].every(Number.isInteger)) return undefined;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** The year of an ISO date as a number. */
export function yearOf(iso: string): number {
  const parts = isoDateParts(iso);
  if (!parts) throw new RangeError(`not an ISO date: ${JSON.stringify(iso)}`);
  return parts.year;
}
