/** Dates in the archive: ISO strings (YYYY-MM-DD) in files, 2022年7月28日 as printed. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CHINESE_DATE = /^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/;

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

/** 2022年7月28日 (spaces allowed, as PDF extraction leaves them) → 2022-07-28; undefined when not a real day. */
export function parseChineseDate(text: string): string | undefined {
  const match = CHINESE_DATE.exec(text);
  if (!match) return undefined;
  const iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** The year of an ISO date as a number. */
export function yearOf(iso: string): number {
  const parts = isoDateParts(iso);
  if (!parts) throw new RangeError(`not an ISO date: ${JSON.stringify(iso)}`);
  return parts.year;
}
