import { describe, expect, it } from 'vitest';
import { findArticles, loadIndex, type LoadedIndex } from '../../src/lib/search/query.ts';
import { RANKING, type Pagefind, type PagefindSearch } from '../../src/lib/search/results.ts';
import { indexContent } from '../../src/lib/search/text.ts';

interface FakeRecord {
  id: string;
  text: string;
  iso: string;
}

/**
 * Pagefind as the strategy sees it, over the archive's own index words (text.ts): a quoted query is
 * an exact phrase, several words loose score by how often each occurs, one word matches by prefix.
 * Results come back by score, named as a published bundle names pages: in date order (shards.ts);
 * `refuse` makes every search return null.
 */
function fakeEngine(records: readonly FakeRecord[], refuse = false) {
  const calls: { options: unknown[]; merged: [string, unknown][]; queries: (string | null)[] } = { options: [], merged: [], queries: [] };
  const indexed = records.map((record) => ({ ...record, words: indexContent(record.text).split(' ') }));
  const engine: Pagefind = {
    options: (options) => {
      calls.options.push(options);
      return Promise.resolve();
    },
    mergeIndex: (url, options) => {
      calls.merged.push([url, options]);
      return Promise.resolve();
    },
    filters: () => Promise.resolve({}),
    search: (query) => {
      calls.queries.push(query);
      if (refuse) return Promise.resolve(null);
      const score = (words: string[]): number => {
        if (query === null) return 1;
        if (query.startsWith('"')) return ` ${words.join(' ')} `.includes(` ${query.slice(1, -1)} `) ? 1 : 0;
        const asked = query.split(' ');
        if (asked.length === 1) return words.filter((word) => word.startsWith(asked[0]!)).length;
        return asked.reduce((sum, word) => sum + words.filter((each) => each === word).length, 0);
      };
      const hits = indexed.map((record) => ({ record, score: score(record.words) })).filter((hit) => hit.score > 0);
      hits.sort((a, b) => b.score - a.score);
      const found: PagefindSearch = {
        results: hits.map(({ record, score }) => ({
          id: `und_${record.iso.replaceAll('-', '')}${record.id}`,
          score,
          data: () => Promise.resolve({ url: `/${record.id}/`, meta: { title: record.id, iso: record.iso } }),
        })),
        filters: { year: { 2024: hits.length } },
      };
      return Promise.resolve(found);
    },
  };
  return { engine, calls };
}

const ids = async (index: LoadedIndex, q: string, sort = 'relevance') =>
  (await findArticles(index, { q, filters: {}, sort }))?.results.map((result) => result.id.replace(/^und_\d{8}/, ''));

describe('the query strategy', () => {
  it('loads the newest shard and merges every other into it, each ranking as the archive ranks', async () => {
    const { engine, calls } = fakeEngine([]);
    const loaded = await loadIndex(
      '/jianbao/',
      (url) => Promise.resolve(url === '/jianbao/pagefind/shards.json' ? ['from-2024-01', 'from-2022-01'] : undefined),
      (url) => Promise.resolve(url === '/jianbao/pagefind/from-2024-01/pagefind.js' ? engine : ({} as Pagefind)),
    );
    expect(loaded.shards).toBe(2);
    expect(calls.options).toEqual([{ baseUrl: '/', ranking: RANKING }]);
    expect(calls.merged).toEqual([['/jianbao/pagefind/from-2022-01/', { baseUrl: '/', ranking: RANKING }]]);
    await expect(
      loadIndex(
        '/',
        () => Promise.resolve([]),
        () => Promise.resolve(engine),
      ),
    ).rejects.toThrow('no search index');
  });

  it('finds the exact phrase only, ranked by its words searched loose', async () => {
    const { engine } = fakeEngine([
      { id: 'once', text: '会议还提到疫情防控工作。', iso: '2024-01-01' },
      { id: 'about', text: '疫情防控\n疫情防控\n疫情防控\n全力抓好疫情防控。', iso: '2023-01-01' },
      { id: 'apart', text: '疫情期间，校园安全防控不放松。', iso: '2024-02-01' },
    ]);
    expect(await ids({ engine, shards: 1 }, '疫情防控')).toEqual(['about', 'once']);
  });

  it('puts the texts that print a number as typed first, and keeps only results every term finds', async () => {
    const { engine } = fakeEngine([
      { id: 'digits', text: '郑州18中四名党员，18中师生', iso: '2024-01-01' },
      { id: 'chinese', text: '郑州市十八中开展调研', iso: '2023-01-01' },
      { id: 'other', text: '郑州市第二十四中学开展调研', iso: '2023-06-01' },
    ]);
    const index = { engine, shards: 1 };
    expect(await ids(index, '十八中')).toEqual(['chinese', 'digits']);
    expect(await ids(index, '18中')).toEqual(['digits', 'chinese']);
    expect(await ids(index, '十八中 调研')).toEqual(['chinese']);
    expect(await ids(index, '调研')).toEqual(expect.arrayContaining(['chinese', 'other']));
  });

  it('orders newest first across shards by the pages’ names, reading no fragment, and gives up on a refused search', async () => {
    const records = [
      { id: 'old', text: '防汛工作 防汛工作 防汛工作', iso: '2021-07-01' },
      { id: 'new', text: '防汛工作', iso: '2024-07-01' },
      { id: 'mid', text: '防汛工作 防汛工作', iso: '2022-07-01' },
    ];
    const { engine, calls } = fakeEngine(records);
    expect(await ids({ engine, shards: 2 }, '防汛', 'newest')).toEqual(['new', 'mid', 'old']);
    // By date, the ranking searches are not made: one search for the one term.
    expect(calls.queries).toHaveLength(1);
    const found = await findArticles({ engine, shards: 1 }, { q: '', filters: { year: '2024' }, sort: 'relevance' });
    expect(found?.results).toHaveLength(3);
    expect(found?.counts).toEqual({ year: { 2024: 3 } });
    expect(
      await findArticles({ engine: fakeEngine(records, true).engine, shards: 1 }, { q: '防汛', filters: {}, sort: 'relevance' }),
    ).toBeUndefined();
  });
});
