/** Ordering and neighbours for lists of issues and articles. */

/** Sorts issues oldest first: by date, then number (supplements after regular issues of the same day). */
export function compareIssues(
  a: { date: string; number: number; supplement: boolean },
  b: { date: string; number: number; supplement: boolean },
): number {
  return a.date.localeCompare(b.date) || Number(a.supplement) - Number(b.supplement) || a.number - b.number;
}

/** The items before and after the one at `index`. */
export function neighbours<T>(items: readonly T[], index: number): { previous: T | undefined; next: T | undefined } {
  return { previous: index > 0 ? items[index - 1] : undefined, next: index >= 0 ? items[index + 1] : undefined };
}

/** Groups items by a key, keeping first-seen key order and item order. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** A series' span and count: its years, newest first, each with its number of issues. */
export interface SeriesSpan {
  first: number;
  last: number;
  count: number;
  years: { year: number; count: number }[];
}

/** The span of each series' issues, by series slug (series without issues are left out). */
export function seriesSpans(issues: readonly { series: string; year: number }[]): Map<string, SeriesSpan> {
  const spans = new Map<string, SeriesSpan>();
  for (const [series, list] of groupBy(issues, (issue) => issue.series)) {
    const years = [...groupBy(list, (issue) => issue.year)]
      .map(([year, inYear]) => ({ year, count: inYear.length }))
      .sort((a, b) => b.year - a.year);
    spans.set(series, { first: years.at(-1)!.year, last: years[0]!.year, count: list.length, years });
  }
  return spans;
}
