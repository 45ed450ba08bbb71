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

/** One section's articles of one year in one series, newest first, and every year the section has articles in. */
export interface SectionYear<A> {
  series: string;
  section: string;
  sectionSlug: string;
  year: number;
  articles: A[];
  years: number[];
}

/** The articles that belong to a section, grouped by series, section and year (given oldest first). */
export function sectionYears<A extends { series: string; section?: string | undefined; sectionSlug?: string | undefined; year: number }>(
  articles: readonly A[],
): SectionYear<A>[] {
  const groups = groupBy(
    articles.filter((article) => article.sectionSlug !== undefined),
    (article) => `${article.series}/${article.sectionSlug}/${article.year}`,
  );
  const yearsOf = groupBy([...groups.values()], ([first]) => `${first!.series}/${first!.sectionSlug}`);
  return [...groups.values()].map((list) => {
    const { series, section = '', sectionSlug = '', year } = list[0]!;
    const years = yearsOf.get(`${series}/${sectionSlug}`)!.map((group) => group[0]!.year);
    return { series, section, sectionSlug, year, articles: [...list].reverse(), years };
  });
}
