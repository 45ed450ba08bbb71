import { sectionHeading } from '../archive/print-text.ts';

/** The parts of Pagefind's browser API the search page uses, and the pure steps between its answers and the page. */

/** What a result's fragment holds. */
export interface PagefindResultData {
  url: string;
  meta: Record<string, string>;
}
/** One result as Pagefind returns it. */
export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
  /** Whether the result prints the term's numbers as the reader typed them (text.ts, numberForms). */
  printed?: boolean;
}
/** One search's answer. */
export interface PagefindSearch {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}
/** The loaded pagefind.js. */
export interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  search: (query: string | null, options: Record<string, unknown>) => Promise<PagefindSearch | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  mergeIndex: (url: string, options: Record<string, unknown>) => Promise<void>;
}

/**
 * Pagefind's ranking: no discount for long articles (an article that names the query three times is
 * about it more than a short one that names it once), and more weight for each further occurrence
 * (measured with graded nDCG@10 by npm run bench:search).
 */
export const RANKING = { pageLength: 0, termSaturation: 2 };

/**
 * Readies the index shards (see shards.ts): the primary's options set, every other shard merged into it,
 * each with the archive's ranking — options() configures the primary index only, and a merged index
 * ranks by Pagefind's defaults unless its own options name the ranking. Record URLs carry the base path already.
 */
export async function setUpShards(
  pagefind: Pick<Pagefind, 'options' | 'mergeIndex'>,
  base: string,
  others: readonly string[],
): Promise<void> {
  await pagefind.options({ baseUrl: '/', ranking: RANKING });
  await Promise.all(others.map((shard) => pagefind.mergeIndex(`${base}pagefind/${shard}/`, { baseUrl: '/', ranking: RANKING })));
}

/**
 * The results of a query of several terms, one search a term: those the first search found that every
 * other search found too; by relevance those that print more of the terms' numbers as typed come
 * first, then the results ordered by the sum of their scores.
 */
export function combineTerms(searches: readonly PagefindSearch[], sort: string): PagefindResult[] {
  const [first, ...others] = searches;
  if (!first) return [];
  const found = others.map((search) => new Map(search.results.map((result) => [result.id, result])));
  const results = first.results.filter((result) => found.every((other) => other.has(result.id)));
  if (!found.length || sort === 'newest') return results;
  // Each result's order keys, made once: terms it prints as typed, and its scores summed.
  const keyed = results.map((result) => {
    const all = [result, ...found.map((other) => other.get(result.id)!)];
    return { result, printed: all.filter((each) => each.printed).length, total: all.reduce((sum, each) => sum + each.score, 0) };
  });
  return keyed.sort((a, b) => b.printed - a.printed || b.total - a.total).map(({ result }) => result);
}

/**
 * A term's results with those that print its numbers as the reader typed them first (`printed`: the
 * search for the forms of its numbers, text.ts); each part keeps its order. 十八中 finds 18中 too, after.
 */
export function printedFirst(found: PagefindSearch, printed: PagefindSearch): PagefindSearch {
  const ids = new Set(printed.results.map((result) => result.id));
  const marked = found.results.map((result) => ({ ...result, printed: ids.has(result.id) }));
  return { ...found, results: [...marked.filter((result) => result.printed), ...marked.filter((result) => !result.printed)] };
}

/** The results of an exact phrase in the order of the same words searched loose (their scores too); results the loose search missed keep theirs, after. */
export function rankedBy(exact: PagefindSearch, loose: PagefindSearch): PagefindSearch {
  const scores = new Map(loose.results.map((result) => [result.id, result.score]));
  const results = exact.results.map((result) => ({ ...result, score: scores.get(result.id) ?? 0 })).sort((a, b) => b.score - a.score);
  return { ...exact, results };
}

/**
 * Results newest first, by their pages' names: a published bundle names its pages in date order, and
 * each bundle's names sort after an older one's (shards.ts, bundle.ts) — no fragment is read for it.
 */
export function newestFirst<T extends Pick<PagefindResult, 'id'>>(results: readonly T[]): T[] {
  return [...results].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** The line under a result's title: series · 第N期 · date · 【section】 (no section for an issue without sections). */
export function resultMeta(meta: Record<string, string>): string {
  return [meta.series, meta.issue, meta.date, meta.section && sectionHeading(meta.section)].filter(Boolean).join(' · ');
}
