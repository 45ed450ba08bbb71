/** Dates in the archive: ISO strings (YYYY-MM-DD) in files, 2022年7月28日 as printed. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DIGITS = '0-9０-９〇○零一二三四五六七八九十';
const CHINESE_DATE = new RegExp(`^\\s*([${DIGITS}]{4})\\s*年\\s*([${DIGITS}]{1,3})\\s*月\\s*([${DIGITS}]{1,3})\\s*日\\s*$`, 'u');
/** A date as printed, anywhere in a line: 2022年7月28日, 二〇二四年三月十二日, 二0二四年三月十二日. */
export const PRINTED_DATE = new RegExp(`[${DIGITS}]{4}\\s*年\\s*[${DIGITS}]{1,3}\\s*月\\s*[${DIGITS}]{1,3}\\s*日`, 'u');
const DIGIT_VALUE: Record<string, number> = { 〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** One printed number of a date: 2024, 〇七 or 二〇二四 digit by digit, 十二 / 二十八 / 三十一 with 十; NaN when it is none. */
function dateNumber(text: string): number {
  const ascii = text.normalize('NFKC');
  if (/^\d+$/.test(ascii)) return Number(ascii);
  if (/^[0-9〇○零一二三四五六七八九]+$/.test(ascii)) {
    return Number([...ascii].map((char) => (/\d/.test(char) ? char : String(DIGIT_VALUE[char]))).join(''));
  }
  const tens = /^([一二三])?十([一二三四五六七八九])?$/.exec(ascii);
  if (!tens) return NaN;
  return (tens[1] ? DIGIT_VALUE[tens[1]]! : 1) * 10 + (tens[2] ? DIGIT_VALUE[tens[2]]! : 0);
}

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
  const [year, month, day] = match.slice(1, 4).map(dateNumber) as [number, number, number];
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
