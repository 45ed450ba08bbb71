import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, type Dirent } from 'node:fs';
import { cp, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { linkOrCopy, mergeBundles, readPagefindData, writePagefindData } from './bundle.ts';
import { encodeRecord, type RecordSource, type SearchRecord } from './records.ts';

/**
 * The search index in shards and bundles. Pagefind holds a whole index in memory while it writes it,
 * so it indexes shards: a year each (a year of more than MAX_SHARD articles in runs of whole months),
 * each shard's articles in date order. A shard whose articles did not change is kept from the cache,
 * so adding an issue, or correcting one, indexes only its own year again: no cut depends on another
 * year's articles.
 *
 * Readers get two bundles, whatever the archive's size and however many shards it has (bundle.ts
 * merges shards offline): the archive — every closed year — and the newest year. Each search loads
 * every bundle's metadata and, for each word, one chunk of each bundle (some 25 KB), so every bundle
 * costs a search; two keep the newest year's updates from rewriting the archive's. Both are published
 * slim: pages named in date order (the search page orders newest first by name), metadata a fifth of
 * Pagefind's.
 */

/**
 * Articles in one shard at most. Pagefind's indexer holds about 0.19 MB an article while it writes a
 * shard (measured: 1.5 GB for 8,000, 2.1 GB for 11,000, 3.4 GB for 17,000), beside the build's own
 * 0.5–0.7 GB: 10,000 keeps the whole build under 3 GB.
 */
export const MAX_SHARD = 10_000;

/** What shards are cut by: a record's year (its filter) and its date (its sort value, YYYY-MM-DD). */
type Dated = Pick<SearchRecord, 'filters' | 'sort'>;

/** A shard: its name (from-YYYY-MM, its first month) and its records (made, or yet to be made). */
export interface Shard<R extends Dated = RecordSource> {
  name: string;
  records: R[];
}

/**
 * Splits records into shards, oldest first: a year each, and a year of more than `max` records into
 * runs of whole months of at most `max` (a single larger month stays whole).
 */
export function shardRecords<R extends Dated>(records: readonly R[], max = MAX_SHARD): Shard<R>[] {
  const year = (record: R) => record.filters.year?.[0] ?? '0';
  const month = (record: R) => record.sort.date?.slice(0, 7) ?? `${year(record)}-00`;
  const byMonth = new Map<string, R[]>();
  for (const record of records) {
    const key = month(record);
    const list = byMonth.get(key);
    if (list) list.push(record);
    else byMonth.set(key, [record]);
  }
  // A shard's pages in date order: the published bundle names them in that order (bundle.ts).
  const byDate = (a: R, b: R) => (a.sort.date ?? '').localeCompare(b.sort.date ?? '');
  const months = [...byMonth].sort(([a], [b]) => a.localeCompare(b)).map(([key, list]) => [key, list.sort(byDate)] as const);
  const shards: Shard<R>[] = [];
  let current: Shard<R> | undefined;
  for (const [key, list] of months) {
    const opensYear = !current || year(current.records[0]!) !== year(list[0]!);
    if (opensYear || current!.records.length + list.length > max) {
      current = { name: `from-${key}`, records: [] };
      shards.push(current);
    }
    current!.records.push(...list);
  }
  return shards;
}

/** The digest of a shard's records (and of the code that indexes them, `code`): the same articles give the same shard. */
export function shardDigest(shard: Shard<Dated>, code = ''): string {
  return createHash('sha256').update(code).update(JSON.stringify(shard.records)).digest('hex').slice(0, 16);
}

/** What indexing did. */
export interface ShardSummary {
  /** Articles indexed. */
  pages: number;
  /** The published bundles' names, newest first: the first is the search page's primary index. */
  shards: string[];
  /** Shards indexed anew. */
  written: string[];
  /** Shards kept unchanged from the cache. */
  reused: string[];
  /** Bundles merged anew. */
  merged: string[];
}

/** The shards each published bundle is merged from: every closed year's, then the newest year's (shardRecords puts it last). */
export function bundleGroups<R extends Dated>(shards: readonly Shard<R>[]): Shard<R>[][] {
  const year = (shard: Shard<R>) => shard.records[0]?.filters.year?.[0];
  const newest = shards.length ? year(shards.at(-1)!) : undefined;
  const closed = shards.filter((shard) => year(shard) !== newest);
  const current = shards.filter((shard) => year(shard) === newest);
  return [closed, current].filter((group) => group.length);
}

/** Writes one Pagefind bundle of the given records into a folder (the caller closes Pagefind). */
export async function writeIndex(records: Iterable<SearchRecord>, folder: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  for (const record of records) {
    const added = await index.addCustomRecord(record);
    if (added.errors.length) throw new Error(`Pagefind could not index ${record.url}: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: folder });
  if (written.errors.length) throw new Error(`Pagefind could not write ${folder}: ${written.errors.join('; ')}`);
  // Each shard is indexed on its own, so the indexer holds one shard at a time.
  await index.deleteIndex();
  await dropIndexedContent(folder);
}

/**
 * Empties the indexed content of every fragment in a Pagefind bundle. Pagefind keeps each record's
 * content in its fragment for excerpts of its own; the search page makes its excerpts from the
 * article's text (meta.text), and the content is the character pairs (text.ts), as long again
 * as the text. Without it a fragment, loaded for every result shown, is half the size.
 */
export async function dropIndexedContent(folder: string): Promise<void> {
  const fragments = path.join(folder, 'fragment');
  const files = (await readdir(fragments)).filter((file) => file.endsWith('.pf_fragment'));
  const BATCH = 64;
  for (let i = 0; i < files.length; i += BATCH) {
    await Promise.all(
      files.slice(i, i + BATCH).map(async (file) => {
        const target = path.join(fragments, file);
        const fragment = JSON.parse((await readPagefindData(target)).toString('utf8')) as { content?: string };
        fragment.content = '';
        await writePagefindData(target, Buffer.from(JSON.stringify(fragment)));
      }),
    );
  }
}

/** The file a shard folder is loaded by: linked last, so that a folder holding it holds the whole shard. */
const SHARD_ENTRY = 'pagefind-entry.json';

/**
 * Puts a folder's files at another place as hard links (the cache's files are never changed), copying
 * across file systems; the shard's entry file last (a build killed on the way leaves a folder without it).
 */
async function linkTree(from: string, to: string): Promise<void> {
  const made = new Set<string>();
  const folder = (dir: string) => {
    if (made.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  };
  // Synchronous calls: thousands of small files, each a quick call instead of a trip to the thread pool.
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const last = (entry: Dirent) => (entry.parentPath === from && entry.name === SHARD_ENTRY ? 1 : 0);
  for (const entry of entries.sort((a, b) => last(a) - last(b))) {
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    if (entry.isDirectory()) {
      folder(target);
      continue;
    }
    folder(path.dirname(target));
    linkOrCopy(source, target);
  }
}

/** The shards that no cached shard stands for (their records or the indexing `code` changed): those a build writes. */
export function shardsToWrite<R extends Dated>(shards: readonly Shard<R>[], cache: string, code = ''): Shard<R>[] {
  return shards.filter((shard) => !existsSync(path.join(cache, `${shard.name}.${shardDigest(shard, code)}`)));
}

/**
 * Writes the published bundles into <site>/pagefind/<bundle>/: each shard indexed by Pagefind unless
 * the cache has it (its records and the indexing `code` as they were), then each group of shards
 * (bundleGroups) merged into one slim bundle unless the cache has that merge. Only the records of
 * shards written are made into words.
 */
export async function indexShards(site: string, shards: readonly Shard[], cache: string, code = ''): Promise<ShardSummary> {
  const summary: ShardSummary = { pages: 0, shards: [], written: [], reused: [], merged: [] };
  await mkdir(cache, { recursive: true });
  const keep = new Set<string>();
  const cached = new Map<Shard, string>();
  try {
    for (const shard of shards) {
      const folder = path.join(cache, `${shard.name}.${shardDigest(shard, code)}`);
      cached.set(shard, folder);
      keep.add(path.basename(folder));
      if ((await stat(folder).catch(() => undefined))?.isDirectory()) {
        summary.reused.push(shard.name);
      } else {
        const partial = `${folder}.partial`;
        await rm(partial, { recursive: true, force: true });
        await writeIndex(
          (function* encoded() {
            for (const record of shard.records) yield encodeRecord(record);
          })(),
          partial,
        );
        await rename(partial, folder);
        summary.written.push(shard.name);
      }
      summary.pages += shard.records.length;
    }
  } finally {
    await pagefind.close();
  }
  const published: string[] = [];
  for (const group of bundleGroups(shards)) {
    const name = group[0]!.name;
    const inputs = group.map((shard) => cached.get(shard)!);
    const digest = createHash('sha256')
      .update(inputs.map((input) => path.basename(input)).join('\n'))
      .digest('hex')
      .slice(0, 16);
    const bundle = path.join(cache, `bundle-${name}.${digest}`);
    keep.add(path.basename(bundle));
    if (!(await stat(bundle).catch(() => undefined))?.isDirectory()) {
      const partial = `${bundle}.partial`;
      await rm(partial, { recursive: true, force: true });
      // Page names: the first month (bundles sort by it, oldest first) and a part of the digest, so that changed pages never
      // take a name a browser holds for a year; it costs nothing compressed, being the same in every name of the bundle.
      await mergeBundles(inputs, partial, { slim: `${name.replace(/\D/g, '')}${digest.slice(0, 8)}` });
      await rename(partial, bundle);
      summary.merged.push(name);
    }
    // A folder already linked to this very bundle (a site built over the last one) stays as it is.
    const target = path.join(site, 'pagefind', name);
    const linked = await stat(path.join(target, SHARD_ENTRY)).catch(() => undefined);
    if (linked?.ino !== (await stat(path.join(bundle, SHARD_ENTRY))).ino) {
      await rm(target, { recursive: true, force: true });
      await linkTree(bundle, target);
    }
    published.push(name);
  }
  // The cache keeps what this build used, and nothing older.
  for (const entry of await readdir(cache)) if (!keep.has(entry)) await rm(path.join(cache, entry), { recursive: true, force: true });
  // Bundles of an earlier build that this one no longer has go.
  const names = new Set(published);
  for (const entry of await readdir(path.join(site, 'pagefind'), { withFileTypes: true }).catch(() => [])) {
    if (entry.isDirectory() && !names.has(entry.name)) await rm(path.join(site, 'pagefind', entry.name), { recursive: true, force: true });
  }
  summary.shards = published.reverse();
  const first = summary.shards[0];
  await writeFile(path.join(site, 'pagefind', 'shards.json'), JSON.stringify(summary.shards));
  // The highlighter is the same in every bundle; article pages load it from one place.
  if (first) await cp(path.join(site, 'pagefind', first, 'pagefind-highlight.js'), path.join(site, 'pagefind', 'pagefind-highlight.js'));
  return summary;
}
