import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { describe, expect, it } from 'vitest';
import type { SearchRecord } from '../../src/lib/search/records.ts';
import { shardDigest, shardRecords, writeIndex } from '../../src/lib/search/shards.ts';

const record = (year: number, n: number): SearchRecord => ({
  url: `/s/${year}/${n}/a1/`,
  content: `${year} ${n}`,
  language: 'und',
  meta: { title: `${n}` },
  filters: { year: [String(year)] },
  sort: { date: `${year}-01-01` },
});
const archive = (counts: Record<number, number>) =>
  Object.entries(counts).flatMap(([year, n]) => Array.from({ length: n }, (_, i) => record(Number(year), i)));

describe('index shards', () => {
  it('groups whole years up to the limit, oldest first, the newest year alone', () => {
    const shards = shardRecords(archive({ 2020: 40, 2021: 50, 2022: 30, 2023: 20, 2024: 10 }), 100);
    expect(shards.map((s) => [s.name, s.records.length])).toEqual([
      ['years-2020', 90],
      ['years-2022', 50],
      ['years-2024', 10],
    ]);
  });
  it('keeps older shards, and their digests, when an issue is added to the newest year', () => {
    const before = shardRecords(archive({ 2020: 40, 2021: 50, 2022: 30, 2023: 20, 2024: 10 }), 100);
    const after = shardRecords(archive({ 2020: 40, 2021: 50, 2022: 30, 2023: 20, 2024: 11 }), 100);
    const digests = (shards: typeof before) => shards.slice(0, 2).map((shard) => shardDigest(shard, 'code'));
    expect(digests(after)).toEqual(digests(before));
    expect(shardDigest(after[2]!, 'code')).not.toBe(shardDigest(before[2]!, 'code'));
    // Other indexing code makes other words: no shard is reused.
    expect(shardDigest(before[0]!, 'edited code')).not.toBe(shardDigest(before[0]!, 'code'));
  });
  it('leaves a year larger than the limit whole', () => {
    expect(shardRecords(archive({ 2020: 150, 2021: 5 }), 100).map((s) => s.records.length)).toEqual([150, 5]);
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
