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
 * The results of a query of several terms, one search a term: those the first search found that every
 * other search found too; by relevance their scores are added up and the results ordered by the sum.
 */
export function combineTerms(searches: readonly PagefindSearch[], sort: string): PagefindResult[] {
  const [first, ...others] = searches;
  if (!first) return [];
  const scores = others.map((found) => new Map(found.results.map((result) => [result.id, result.score])));
  const results = first.results.filter((result) => scores.every((other) => other.has(result.id)));
  if (!scores.length || sort === 'newest') return results;
  const total = (result: PagefindResult) => scores.reduce((sum, other) => sum + other.get(result.id)!, result.score);
  return [...results].sort((a, b) => total(b) - total(a));
}

/** The results of an exact phrase in the order of the same words searched loose (their scores too); results the loose search missed keep theirs, after. */
export function rankedBy(exact: PagefindSearch, loose: PagefindSearch): PagefindSearch {
  const scores = new Map(loose.results.map((result) => [result.id, result.score]));
  const results = exact.results.map((result) => ({ ...result, score: scores.get(result.id) ?? 0 })).sort((a, b) => b.score - a.score);
  return { ...exact, results };
}

/** Results whose fragments were read, newest first (merged shards come back by score only); ties keep their order. */
export function newestFirst<T extends { data: PagefindResultData }>(read: readonly T[]): T[] {
  return [...read].sort((a, b) => (b.data.meta.iso ?? '').localeCompare(a.data.meta.iso ?? ''));
}

/** The line under a result's title: series · 第N期 · date · 【section】 (no section for an issue without sections). */
export function resultMeta(meta: Record<string, string>): string {
  return [meta.series, meta.issue, meta.date, meta.section && sectionHeading(meta.section)].filter(Boolean).join(' · ');
}
