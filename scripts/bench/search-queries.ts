import { randomSource } from './corpus.ts';
import { foldForSearch } from '../../src/lib/search/fold.ts';

/** What readers type, by kind. */
export type QueryKind = 'word' | 'fragment' | 'phrase' | 'name';

/** One benchmark query. */
export interface BenchQuery {
  kind: QueryKind;
  text: string;
}

const HAN = /^\p{Script=Han}+$/u;

/**
 * A query set drawn from a corpus, `perKind` of each kind: whole words of 2–4 characters; fragments
 * of longer words (a part that is not a word itself); two-word phrases; names of people and places.
 * Words come from Intl.Segmenter; the same texts and seed give the same set.
 */
export function benchQueries(texts: readonly string[], names: readonly string[], perKind: number, seed = 7): BenchQuery[] {
  const random = randomSource(seed);
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const documentFrequency = new Map<string, number>();
  const phrases = new Set<string>();
  for (const text of texts) {
    const segments = [...segmenter.segment(text)];
    const words = segments.filter((part) => part.isWordLike).map((part) => part.segment);
    for (const word of new Set(words)) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
    // A phrase is two words that stand next to each other, with nothing between them.
    segments.forEach((part, index) => {
      const next = segments[index + 1];
      if (
        next?.isWordLike &&
        part.isWordLike &&
        HAN.test(part.segment) &&
        HAN.test(next.segment) &&
        part.segment.length >= 2 &&
        next.segment.length >= 2
      ) {
        phrases.add(`${part.segment}${next.segment}`);
      }
    });
  }
  const common = texts.length * 0.3;
  const words = [...documentFrequency]
    .filter(([word, df]) => HAN.test(word) && word.length >= 2 && word.length <= 4 && df >= 2 && df <= common)
    .map(([w]) => w);
  const fragments = [...documentFrequency.keys()]
    .filter((word) => HAN.test(word) && word.length >= 4)
    .map((word) => word.slice(1, Math.min(word.length, 1 + (word.length >= 5 ? 3 : 2))))
    .filter((fragment) => !documentFrequency.has(fragment));
  const sample = (items: readonly string[], kind: QueryKind): BenchQuery[] => {
    const pool = [...new Set(items)].sort();
    const chosen: BenchQuery[] = [];
    while (chosen.length < perKind && pool.length) chosen.push({ kind, text: pool.splice(Math.floor(random() * pool.length), 1)[0]! });
    return chosen;
  };
  return [...sample(words, 'word'), ...sample(fragments, 'fragment'), ...sample([...phrases], 'phrase'), ...sample(names, 'name')];
}

/** The ids of the texts (folded by foldForSearch) that contain a query as written: the ground truth. */
export function containing(texts: ReadonlyMap<string, string>, query: string): Set<string> {
  const needle = foldForSearch(query).replace(/\s+/g, '');
  const found = new Set<string>();
  for (const [id, text] of texts) if (text.includes(needle)) found.add(id);
  return found;
}

/** precision@k, recall@k and whether anything came back, for one query's ranked result ids. */
export function scoreQuery(
  results: readonly string[],
  truth: ReadonlySet<string>,
  k = 10,
): { precision: number | undefined; recall: number; empty: boolean } {
  const top = results.slice(0, k);
  const hits = top.filter((id) => truth.has(id)).length;
  return {
    precision: top.length ? hits / top.length : undefined,
    recall: truth.size ? hits / Math.min(k, truth.size) : 1,
    empty: top.length === 0,
  };
}

/**
 * Graded relevance of each text to a query (folded, spaces dropped): 3 where the title holds it, 2
 * where the text holds it three times or more, 1 once or twice; texts that do not hold it are left out.
 */
export function grades(titles: ReadonlyMap<string, string>, texts: ReadonlyMap<string, string>, query: string): Map<string, number> {
  const needle = foldForSearch(query).replace(/\s+/g, '');
  const graded = new Map<string, number>();
  if (!needle) return graded;
  for (const [id, text] of texts) {
    if (titles.get(id)?.includes(needle)) {
      graded.set(id, 3);
      continue;
    }
    let count = 0;
    for (let at = text.indexOf(needle); at >= 0 && count < 3; at = text.indexOf(needle, at + needle.length)) count++;
    if (count) graded.set(id, count >= 3 ? 2 : 1);
  }
  return graded;
}

/** nDCG@k of ranked result ids against graded relevance (gain = grade, discount log2(rank + 1)); 1 where nothing is relevant and nothing came back. */
export function ndcg(results: readonly string[], graded: ReadonlyMap<string, number>, k = 10): number {
  const dcg = (gains: readonly number[]) => gains.slice(0, k).reduce((sum, gain, index) => sum + gain / Math.log2(index + 2), 0);
  const ideal = dcg([...graded.values()].sort((a, b) => b - a));
  if (!ideal) return results.length ? 0 : 1;
  return dcg(results.map((id) => graded.get(id) ?? 0)) / ideal;
}
