import { describe, expect, it } from 'vitest';
import {
  combineTerms,
  newestFirst,
  printedFirst,
  rankedBy,
  RANKING,
  resultMeta,
  setUpShards,
  type PagefindResult,
} from '../../src/lib/search/results.ts';

const result = (id: string, score: number): PagefindResult => ({ id, score, data: () => Promise.resolve({ url: `/${id}/`, meta: {} }) });
const search = (...results: PagefindResult[]) => ({ results, filters: {} });

describe('merging the searches of a query', () => {
  it("orders an exact phrase's results by the loose search of its words, keeping only what the phrase found", () => {
    const exact = search(result('a', 1), result('b', 1), result('c', 1));
    const loose = search(result('d', 9), result('c', 5), result('a', 2));
    expect(rankedBy(exact, loose).results.map((r) => [r.id, r.score])).toEqual([
      ['c', 5],
      ['a', 2],
      ['b', 0],
    ]);
  });

  it('keeps what every term found, ordered by the sum of the scores', () => {
    const merged = combineTerms(
      [search(result('a', 1), result('b', 3), result('c', 2)), search(result('c', 5), result('a', 0.5))],
      'relevance',
    );
    expect(merged.map((r) => r.id)).toEqual(['c', 'a']);
  });
  it('keeps the first search’s order for newest first, and for a single term', () => {
    expect(
      combineTerms([search(result('a', 1), result('b', 3)), search(result('b', 1), result('a', 9))], 'newest').map((r) => r.id),
    ).toEqual(['a', 'b']);
    expect(combineTerms([search(result('a', 1), result('b', 3))], 'relevance').map((r) => r.id)).toEqual(['a', 'b']);
    expect(combineTerms([], 'relevance')).toEqual([]);
  });
  it('puts the results that print a number as typed first, each part in its order, also across terms', () => {
    const ranked = printedFirst(search(result('a', 9), result('b', 5), result('c', 1)), search(result('c', 1), result('d', 1)));
    expect(ranked.results.map((r) => [r.id, r.printed])).toEqual([
      ['c', true],
      ['a', false],
      ['b', false],
    ]);
    // Printed in both terms (c) before printed in one (b, however high its score), before none (a).
    const other = printedFirst(search(result('a', 1), result('b', 1), result('c', 1)), search(result('b', 1), result('c', 1)));
    expect(combineTerms([ranked, other], 'relevance').map((r) => r.id)).toEqual(['c', 'b', 'a']);
  });
  it('orders results newest first by their pages’ names: a later bundle’s after an earlier one’s, then by number', () => {
    const ids = ['und_200701ab0z1', 'und_202601cd003', 'und_200701ab100', 'und_202601cd010'];
    expect(newestFirst(ids.map((id) => ({ id }))).map((r) => r.id)).toEqual([
      'und_202601cd010',
      'und_202601cd003',
      'und_200701ab100',
      'und_200701ab0z1',
    ]);
  });
  it('names a result’s series, issue, date and section, and no section where the issue has none', () => {
    expect(resultMeta({ series: '某简报', issue: '第3期', date: '2024年3月12日', section: '工作动态' })).toBe(
      '某简报 · 第3期 · 2024年3月12日 · 【工作动态】',
    );
    expect(resultMeta({ series: '某简报', issue: '第3期', date: '2024年3月12日' })).toBe('某简报 · 第3期 · 2024年3月12日');
  });
});

describe('the index shards made ready', () => {
  it('merges every older shard with the archive ranking, not Pagefind defaults', async () => {
    const calls: [string, string | undefined, Record<string, unknown>][] = [];
    const fake = {
      options: (options: Record<string, unknown>) => {
        calls.push(['options', undefined, options]);
        return Promise.resolve();
      },
      mergeIndex: (url: string, options: Record<string, unknown>) => {
        calls.push(['mergeIndex', url, options]);
        return Promise.resolve();
      },
    };
    await setUpShards(fake, '/jianbao/', ['2019-2021', '2022-2023']);
    expect(calls).toEqual([
      ['options', undefined, { baseUrl: '/', ranking: RANKING }],
      ['mergeIndex', '/jianbao/pagefind/2019-2021/', { baseUrl: '/', ranking: RANKING }],
      ['mergeIndex', '/jianbao/pagefind/2022-2023/', { baseUrl: '/', ranking: RANKING }],
    ]);
  });
});
