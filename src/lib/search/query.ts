/**
 * How the archive asks Pagefind, over its browser API only (results.ts): the shards loaded and
 * merged, one search a term (its words as an exact phrase, text.ts), ranked by the same words searched
 * loose, the texts that print its numbers as typed first, the terms combined, and newest first by
 * the pages' names (shards.ts publishes them in date order). The search page keeps the DOM; this is the whole query strategy.
 */
import {
  combineTerms,
  newestFirst,
  printedFirst,
  rankedBy,
  setUpShards,
  type Pagefind,
  type PagefindResult,
  type PagefindSearch,
} from './results.ts';
import { formQuery, pagefindQuery, queryTerms, rankingQuery, type QueryTerm } from './text.ts';

/** The index as loaded: the engine with every shard merged, and how many shards it has. */
export interface LoadedIndex {
  engine: Pagefind;
  shards: number;
}

/**
 * Loads the index under `base`: the shard list (pagefind/shards.json, newest first), the newest
 * shard's pagefind.js, every other shard merged into it with the archive's ranking. `fetchJson` and
 * `load` are the browser's fetch and import; a missing list throws `noIndex`.
 */
export async function loadIndex(
  base: string,
  fetchJson: (url: string) => Promise<unknown>,
  load: (url: string) => Promise<Pagefind>,
): Promise<LoadedIndex> {
  const [primary, ...others] = (await fetchJson(`${base}pagefind/shards.json`)) as string[];
  if (!primary) throw new Error('no search index');
  const engine = await load(`${base}pagefind/${primary}/pagefind.js`);
  await setUpShards(engine, base, others);
  return { engine, shards: 1 + others.length };
}

/** What the reader asked: the query, the filters, the order. */
export interface ArticleQuery {
  q: string;
  /** Pagefind filters: a filter's name and the value it must have. */
  filters: Record<string, string>;
  /** 'newest' for newest first; anything else is by relevance. */
  sort: string;
}

/** The results of a query, in the order shown, with the filter counts of its first term; undefined when a search was refused. */
export interface FoundArticles {
  terms: QueryTerm[];
  results: PagefindResult[];
  counts: Record<string, Record<string, number>>;
}

/** One term's results: its exact phrase, by relevance ranked by its words searched loose and its numbers as typed first. */
async function searchTerm(engine: Pagefind, term: QueryTerm, options: Record<string, unknown>, newest: boolean) {
  const exact = await engine.search(pagefindQuery(term), options);
  if (!exact || newest) return exact;
  const loose = rankingQuery(term);
  const forms = formQuery(term);
  const [ranking, printed] = await Promise.all([
    loose ? engine.search(loose, options) : null,
    forms ? engine.search(forms, options) : null,
  ]);
  const ranked = ranking ? rankedBy(exact, ranking) : exact;
  return printed ? printedFirst(ranked, printed) : ranked;
}

/** Finds the articles a query asks for (no query: every article the filters leave), in the order to show them. */
export async function findArticles({ engine }: LoadedIndex, query: ArticleQuery): Promise<FoundArticles | undefined> {
  const newest = query.sort === 'newest';
  const terms = queryTerms(query.q);
  const options = { filters: query.filters };
  const searches = await Promise.all(
    terms.length ? terms.map((term) => searchTerm(engine, term, options, newest)) : [engine.search(null, options)],
  );
  if (searches.some((found) => !found)) return undefined;
  const found = searches as PagefindSearch[];
  const combined = combineTerms(found, query.sort);
  return { terms, results: newest ? newestFirst(combined) : combined, counts: found[0]!.filters };
}
