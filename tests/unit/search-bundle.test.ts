import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCbor, encodeCbor } from '../../src/lib/search/cbor.ts';
import { byCodePoint, mergeBundles, PAGEFIND_VERSION } from '../../src/lib/search/bundle.ts';
import type { SearchRecord } from '../../src/lib/search/records.ts';
import { writeIndex } from '../../src/lib/search/shards.ts';

/** Words of the made records: shared ones, ones of one year only, and one beyond the Basic Multilingual Plane. */
const WORDS = ['0gjw', '0g5r', 'k3f9', 'ab', 'abc', 'ä', 'zz', '𠀀x', 'q1', 'q2', 'q3', 'q4', 'q5', 'mm', 'n0', 'n1', 'n2', 'n3'];

/** Records of one year: a 2020 with no sections at all (so fewer meta fields), a 2021 with some. */
function records(year: number, count: number): SearchRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const words = Array.from({ length: 3 + ((i * 7) % 11) }, (_, k) => WORDS[(i * 5 + k * 3 + year) % WORDS.length]!);
    if (year === 2021) words.push(`only${i % 9}`);
    const section = year === 2021 && i % 3 === 0 ? `第${i % 4}栏` : undefined;
    return {
      url: `/s/${year}/${i}/a1/`,
      content: words.join(' '),
      language: 'und',
      meta: { title: `${words[0]} ${i}`, iso: `${year}-${String(1 + (i % 12)).padStart(2, '0')}-01`, ...(section && { section }) },
      filters: { year: [String(year)], series: [i % 2 ? '甲' : '乙'], ...(section && { section: [section] }) },
      sort: { date: `${year}-${String(1 + Math.floor((i * 12) / count)).padStart(2, '0')}-01` },
    };
  });
}

/** Every file of a bundle: its name and, for Pagefind's data files, what they decode to. */
async function contents(folder: string): Promise<Map<string, unknown>> {
  const files = new Map<string, unknown>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const name = path.relative(folder, path.join(entry.parentPath, entry.name));
    const bytes = await readFile(path.join(folder, name));
    if (/\.pf_(meta|index|filter)$/.test(name)) files.set(name, decodeCbor(gunzipSync(bytes).subarray(12)));
    else if (/\.pf_fragment$/.test(name)) files.set(name, gunzipSync(bytes).toString('utf8'));
    else files.set(name, bytes.toString('base64'));
  }
  return files;
}

describe('merged index bundles', () => {
  let root: string;
  const a = records(2020, 160);
  const b = records(2021, 140);
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'jianbao-bundle-'));
    // Small chunks, so that words cross chunk boundaries and bundles' chunks interleave.
    process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = '150';
    await writeIndex(a, path.join(root, 'a'));
    await writeIndex(b, path.join(root, 'b'));
    await writeIndex([...a, ...b], path.join(root, 'whole'));
    await pagefind.close();
  }, 60_000);
  afterAll(async () => {
    delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    await rm(root, { recursive: true, force: true });
  });

  it('equal Pagefind’s own index of the same records, file for file', async () => {
    const merged = path.join(root, 'merged');
    const summary = await mergeBundles([path.join(root, 'a'), path.join(root, 'b')], merged);
    const ours = await contents(merged);
    const theirs = await contents(path.join(root, 'whole'));
    expect(summary.pages).toBe(300);
    expect(summary.chunks).toBeGreaterThan(3);
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
    for (const [name, value] of theirs) expect(ours.get(name), name).toEqual(value);
  });

  it('publish slim: pages named in order, one word count for all, no sort orders, the same words and filters', async () => {
    const slim = path.join(root, 'slim');
    await mergeBundles([path.join(root, 'a'), path.join(root, 'b')], slim, { slim: '2020k' });
    const ours = await contents(slim);
    const theirs = await contents(path.join(root, 'whole'));
    const metaOf = (files: Map<string, unknown>) => [...files].find(([name]) => name.endsWith('.pf_meta'))![1] as unknown[];
    const [version, pages, chunks, filters, sorts, fields] = metaOf(ours) as [
      string,
      [string, number, string][],
      unknown,
      unknown,
      unknown[],
      unknown,
    ];
    const whole = metaOf(theirs);
    expect(version).toBe(PAGEFIND_VERSION);
    expect(pages.map(([name]) => name)).toEqual(Array.from({ length: 300 }, (_, i) => `und_2020k${i.toString(36).padStart(2, '0')}`));
    expect(pages.every(([, count]) => count === 1)).toBe(true);
    expect(sorts).toEqual([]);
    expect([chunks, filters, fields]).toEqual([whole[2], whole[3], whole[5]]);
    // Each page's fragment is the one Pagefind's index has at that place.
    const wholePages = whole[1] as [string][];
    for (const [i, [name]] of pages.entries()) {
      expect(ours.get(`fragment/${name}.pf_fragment`)).toEqual(theirs.get(`fragment/${wholePages[i]![0]}.pf_fragment`));
    }
  });

  it('refuses a bundle of another Pagefind version, saying which', async () => {
    const entry = path.join(root, 'b', 'pagefind-entry.json');
    const original = await readFile(entry, 'utf8');
    await writeFile(entry, original.replace(`"version":"${PAGEFIND_VERSION}"`, '"version":"9.9.9"'));
    try {
      await expect(mergeBundles([path.join(root, 'a'), path.join(root, 'b')], path.join(root, 'refused'))).rejects.toThrow(
        /a Pagefind 9\.9\.9 bundle; the merge reads Pagefind 1\.6\.0/,
      );
    } finally {
      await writeFile(entry, original);
    }
  });
});

describe('CBOR as Pagefind writes it', () => {
  it('writes each integer and length in its shortest form and reads back what it wrote', () => {
    const value = [0, 23, 24, 255, 256, 65_535, 65_536, 2 ** 32, -1, -24, -25, -70_000, '', '简报', '𠀀', [[], ['a', [1]]]];
    const bytes = encodeCbor(value);
    expect(decodeCbor(bytes)).toEqual(value);
    expect([...encodeCbor(23)]).toEqual([0x17]);
    expect([...encodeCbor(24)]).toEqual([0x18, 24]);
    expect([...encodeCbor(-25)]).toEqual([0x38, 24]);
    expect([...encodeCbor('简')]).toEqual([0x63, 0xe7, 0xae, 0x80]);
  });
  it('sorts words as Rust does: by code point, a character beyond the BMP after every BMP one', () => {
    expect(['ｚ', '𠀀', 'a', 'ab'].sort(byCodePoint)).toEqual(['a', 'ab', 'ｚ', '𠀀']);
    // UTF-16 order would put 𠀀 (a surrogate pair, 0xD840…) before ｚ (0xFF5A).
    expect(['ｚ', '𠀀'].sort()).toEqual(['𠀀', 'ｚ']);
  });
});
