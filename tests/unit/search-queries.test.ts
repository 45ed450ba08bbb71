import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, proseSentences, vocabularySize } from '../../scripts/bench/corpus.ts';
import { checkArchive } from '../../src/lib/archive/check.ts';
import { benchQueries, containing, grades, ndcg, scoreQuery } from '../../scripts/bench/search-queries.ts';
import { foldForSearch, prepareFolding } from '../../src/lib/search/fold.ts';
import { SEED_59 } from '../support/fixtures.ts';

beforeAll(() => prepareFolding());

const sentences = proseSentences(SEED_59);

describe('benchmark corpus', () => {
  it('is the same for the same seed, and passes the content check', () => {
    const a = generateCorpus({ issues: 12, seed: 3, sentences });
    expect(generateCorpus({ issues: 12, seed: 3, sentences })).toEqual(a);
    expect(generateCorpus({ issues: 12, seed: 4, sentences }).files).not.toEqual(a.files);
    const archive = checkArchive(a.files);
    expect(archive.problems).toEqual([]);
    expect(archive.series.map((s) => s.slug)).toEqual(['aqjb', 'djjb', 'jyjb']);
    expect(archive.issues).toHaveLength(12);
    for (const issue of archive.issues) {
      const articles = issue.sections.flatMap((s) => s.articles).length;
      expect(articles).toBeGreaterThanOrEqual(5);
      expect(articles).toBeLessThanOrEqual(8);
    }
  });
  it('reads prose sentences out of HTML', () => {
    expect(proseSentences('<p>这是第一句话，很长。</p><pre>ls -l</pre><p>Only English here.</p>')).toEqual(['这是第一句话，很长。']);
    // Words as ICU segments them (双 / 减 / 工作), each counted once however often it occurs.
    expect(vocabularySize(['双减工作'])).toBe(3);
    expect(vocabularySize(['双减工作', '双减', '工作双减'])).toBe(3);
  });
});

describe('benchmark queries and scores', () => {
  it('draws each kind of query from the texts', () => {
    const texts = generateCorpus({ issues: 30, seed: 1, sentences }).files.map((f) => f.text ?? '');
    const queries = benchQueries(texts, ['楚惠东', '垌头村'], 5);
    expect(
      queries
        .filter((q) => q.kind === 'name')
        .map((q) => q.text)
        .sort(),
    ).toEqual(['垌头村', '楚惠东']);
    // Five of each kind where the texts hold them; this small corpus has one word long enough to cut a fragment from.
    expect(['word', 'fragment', 'phrase'].map((kind) => queries.filter((q) => q.kind === kind).length)).toEqual([5, 1, 5]);
  });
  it('scores precision and recall at 10 against the texts that contain the query', () => {
    const texts = new Map(
      [
        ['a', '垌头村举行活动'],
        ['b', '村头和田垌'],
        ['c', '雙減工作在垌头村'],
      ].map(([id, text]) => [id!, foldForSearch(text!)]),
    );
    expect([...containing(texts, '垌头村')]).toEqual(['a', 'c']);
    expect([...containing(texts, '双减')]).toEqual(['c']);
    expect(scoreQuery(['a', 'b'], new Set(['a', 'c']))).toEqual({ precision: 0.5, recall: 0.5, empty: false });
    expect(scoreQuery([], new Set(['a']))).toEqual({ precision: undefined, recall: 0, empty: true });
  });

  it('grades results by where and how often they hold the query, and scores a ranking by nDCG@10', () => {
    const titles = new Map([
      ['t', '双减工作推进会'],
      ['m', '其他'],
      ['o', '其他'],
      ['n', '其他'],
    ]);
    const texts = new Map([
      ['t', '双减工作推进会 ……'],
      ['m', '双减 双减 双减'],
      ['o', '落实双减'],
      ['n', '双休日 减轻'],
    ]);
    const graded = grades(titles, texts, '双减');
    expect(graded).toEqual(
      new Map([
        ['t', 3],
        ['m', 2],
        ['o', 1],
      ]),
    );
    expect(ndcg(['t', 'm', 'o'], graded)).toBe(1);
    const worst = ndcg(['o', 'm', 't'], graded);
    expect(worst).toBeCloseTo((1 + 2 / Math.log2(3) + 3 / 2) / (3 + 2 / Math.log2(3) + 1 / 2), 10);
    expect(ndcg(['n', 't', 'm', 'o'], graded)).toBeLessThan(1);
    expect(ndcg([], new Map())).toBe(1);
  });
});
