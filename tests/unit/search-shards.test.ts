import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { describe, expect, it } from 'vitest';
import type { SearchRecord } from '../../src/lib/search/records.ts';
import { bundleGroups, shardDigest, shardRecords, writeIndex } from '../../src/lib/search/shards.ts';

const record = (year: number, n: number, month = 1): SearchRecord => ({
  url: `/s/${year}/${n}/a1/`,
  content: `${year} ${n}`,
  language: 'und',
  meta: { title: `${n}` },
  filters: { year: [String(year)] },
  sort: { date: `${year}-${String(month).padStart(2, '0')}-01` },
});
/** Records by year, each year's spread over its months (`months` of them, in turn). */
const archive = (counts: Record<number, number>, months = 1) =>
  Object.entries(counts).flatMap(([year, n]) => Array.from({ length: n }, (_, i) => record(Number(year), i, 1 + (i % months))));

describe('index shards', () => {
  it('makes a shard of each year, oldest first, and cuts a year larger than the limit into runs of whole months', () => {
    const shards = shardRecords(archive({ 2020: 40, 2021: 150, 2022: 30 }, 10), 100);
    expect(shards.map((s) => [s.name, s.records.length])).toEqual([
      ['from-2020-01', 40],
      ['from-2021-01', 90],
      ['from-2021-07', 60],
      ['from-2022-01', 30],
    ]);
    // Every record is in one shard, in order.
    expect(shards.flatMap((s) => s.records)).toHaveLength(220);
  });
  it('keeps every other year’s shard, and its digest, when an issue is added to or corrected in one year', () => {
    const before = shardRecords(archive({ 2020: 40, 2021: 50, 2022: 30, 2023: 20, 2024: 10 }, 10), 100);
    const digests = (shards: typeof before) => shards.map((shard) => shardDigest(shard, 'code'));
    // An issue added to the newest year, or to a closed one: only that year's shard changes.
    for (const year of [2024, 2021]) {
      const after = shardRecords(archive({ 2020: 40, 2021: 50, 2022: 30, 2023: 20, 2024: 10, [year]: year === 2024 ? 11 : 51 }, 10), 100);
      const changed = digests(after).flatMap((digest, i) => (digest === digests(before)[i] ? [] : [after[i]!.name]));
      expect(changed).toEqual([`from-${year}-01`]);
    }
    // Other indexing code makes other words: no shard is reused.
    expect(shardDigest(before[0]!, 'edited code')).not.toBe(shardDigest(before[0]!, 'code'));
  });
  it('puts each shard’s records in date order, and publishes the closed years as one bundle, the newest year as another', () => {
    const records = [record(2021, 1, 3), record(2021, 2, 1), record(2020, 3, 2), record(2021, 4, 1), record(2022, 5, 1)];
    const shards = shardRecords(records, 2);
    expect(shards.map((shard) => shard.records.map((r) => r.sort.date))).toEqual([
      ['2020-02-01'],
      ['2021-01-01', '2021-01-01'],
      ['2021-03-01'],
      ['2022-01-01'],
    ]);
    // Same dates keep the order they came in.
    expect(shards[1]!.records.map((r) => r.url)).toEqual(['/s/2021/2/a1/', '/s/2021/4/a1/']);
    expect(bundleGroups(shards).map((group) => group.map((shard) => shard.name))).toEqual([
      ['from-2020-02', 'from-2021-01', 'from-2021-03'],
      ['from-2022-01'],
    ]);
    // An archive of one year is one bundle; a newest year cut into several shards is still one.
    expect(bundleGroups(shardRecords(archive({ 2024: 9 }, 3), 4)).map((group) => group.length)).toEqual([3]);
    expect(bundleGroups([])).toEqual([]);
  });
  it('leaves a month larger than the limit whole, and cuts a large newest year by months', () => {
    expect(shardRecords(archive({ 2020: 150, 2021: 5 }), 100).map((s) => s.records.length)).toEqual([150, 5]);
    expect(shardRecords(archive({ 2020: 5, 2021: 150 }, 2), 100).map((s) => [s.name, s.records.length])).toEqual([
      ['from-2020-01', 5],
      ['from-2021-01', 75],
      ['from-2021-02', 75],
    ]);
  });
});

describe('index bundles', () => {
  it('keep in each fragment what the search page shows, not the indexed words', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'jianbao-index-'));
    try {
      await writeIndex([{ ...record(2022, 1), content: '0gjw0g5r 0g5r', meta: { title: '双减', text: '落实双减工作' } }], folder);
      await pagefind.close();
      const [file] = await readdir(path.join(folder, 'fragment'));
      const text = gunzipSync(await readFile(path.join(folder, 'fragment', file!))).toString('utf8');
      expect(text.startsWith('pagefind_dcd')).toBe(true);
      const fragment = JSON.parse(text.slice('pagefind_dcd'.length)) as { url: string; content: string; meta: Record<string, string> };
      expect(fragment).toMatchObject({ url: '/s/2022/1/a1/', content: '', meta: { title: '双减', text: '落实双减工作' } });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
