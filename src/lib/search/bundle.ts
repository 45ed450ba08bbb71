/**
 * Pagefind bundles merged into one, offline, as Pagefind itself would have written the index of all
 * their records (Pagefind 1.6's file formats, read in its Rust source: pagefind/src/index/): the
 * pages one after another, each word's pages from every bundle in one list, the words cut into
 * chunks by Pagefind's own rule, the filters' values joined, every file named by the hash Pagefind
 * gives it. A search then loads one metadata file and, for each word, one chunk, however many
 * bundles went in — where merged at search time (mergeIndex) every bundle's metadata loads before the
 * first search and every bundle's chunk for each word.
 *
 * Pagefind holds a whole index in memory while it writes it (shards.ts); this merge holds one chunk of
 * each bundle and the chunk it writes, so an archive of any size merges in little memory.
 *
 * The merged bundle may be published slim (`slim`): every page named by its place — the bundle's key
 * and its number, so that names sort as the pages do, and compress to a few bytes each where content
 * hashes cost four — with every word count 1 (the search page ranks without page length; Pagefind
 * still divides by the average, so not 0) and no sort
 * orders (pages are in date order already, and so are their names). At 64,000 articles that makes the
 * metadata, loaded by every first search, 90 KB instead of 460 KB (Brotli).
 *
 * Formats change between Pagefind's versions: the merge refuses a bundle of any other version than
 * the one it was written for (PAGEFIND_VERSION), and a test holds it to Pagefind's own index of the
 * same records (tests/unit/search-bundle.test.ts).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { ARRAY, CborReader, CborWriter, decodeCbor, encodeCbor, type CborValue } from './cbor.ts';

/** The Pagefind version whose bundles this merge reads and writes (package.json pins it). */
export const PAGEFIND_VERSION = '1.6.0';

/** What a Pagefind data file holds after gzip: this signature, then CBOR or JSON. */
const SIGNATURE = Buffer.from('pagefind_dcd');
/** Pagefind's default chunk budget, in word places (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE changes it, for Pagefind and here alike). */
const DEFAULT_CHUNK_SIZE = 20_000;

const gunzipAsync = promisify(gunzip);
const gzipAsync = promisify(gzip);

/** pagefind-entry.json. */
interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  [other: string]: unknown;
}
/** One page of the metadata: its fragment's hash, its word count, and what 1.6 keeps after them. */
type MetaPage = [hash: string, wordCount: number, ...rest: CborValue[]];
/** One index chunk of the metadata: the words it spans (as prefixes) and its file's hash. */
type MetaChunk = [from: string, to: string, hash: string];
/** pagefind.<hash>.pf_meta. */
type Meta = [
  version: string,
  pages: MetaPage[],
  chunks: MetaChunk[],
  filters: [filter: string, hash: string][],
  sorts: [sort: string, pages: number[]][],
  fields: string[],
];
/**
 * A word's pages from one bundle, as the bundle's chunk file has them, not decoded: each page is
 * [number, places, places in meta fields], its number the difference to the page before (the first:
 * to 0). Only a run's first page changes when runs are put one after another.
 */
interface Run {
  count: number;
  /** The first and last page's numbers in the merged bundle. */
  first: number;
  last: number;
  /** Word places, as Pagefind counts a chunk's size: places and meta places, and one, a page. */
  units: number;
  /** The pages' CBOR. */
  bytes: Uint8Array;
  /** Where the first page's number ends in `bytes` (its head is the first byte). */
  firstEnds: number;
}
/** One word of a bundle: the word, its pages, and its forms with other diacritics with theirs. */
interface BundleWord {
  word: string;
  pages: Run;
  variants: [form: string, pages: Run][];
}
/** One filter file: the filter, and each of its values with its pages. */
type FilterIndex = [filter: string, values: [value: string, pages: number[]][]];

/** Sorts strings as Rust does (by UTF-8 bytes, which is by code point), not by UTF-16 units. */
export function byCodePoint(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
  }
  return a.length - b.length;
}

/** Pagefind's hash: SHA-1, each byte in hex without a leading zero (Rust's `{:x?}`). */
function fullHash(bytes: Uint8Array): string {
  return [...createHash('sha1').update(bytes).digest()].map((byte) => byte.toString(16)).join('');
}

/** The short name Pagefind gives a file: language_ and 7 characters of its hash, longer while it is taken. */
function shortName(language: string, hash: string, taken: Set<string>): string {
  const full = `${language}_${hash}`;
  let length = language.length + 8;
  while (taken.has(full.slice(0, length)) && length < full.length) length++;
  const name = full.slice(0, length);
  taken.add(name);
  return name;
}

/** A Pagefind data file's contents (index, filter, fragment, metadata): gunzipped, its signature checked and taken off. */
export async function readPagefindData(file: string): Promise<Buffer> {
  const data = await gunzipAsync(await readFile(file));
  if (!data.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${file}: not a Pagefind data file`);
  return data.subarray(SIGNATURE.length);
}

/** Writes a Pagefind data file as Pagefind does: the signature, then the data, gzipped. */
export async function writePagefindData(file: string, data: Uint8Array): Promise<void> {
  await writeFile(file, await gzipAsync(Buffer.concat([SIGNATURE, data]), { level: 6 }));
}

/** Puts a file at another place as a hard link (neither is ever changed in place), a copy across file systems. */
export function linkOrCopy(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}

/** A bundle as read: its folder, entry, language and metadata, and where its pages start in the merge. */
interface Bundle {
  folder: string;
  entry: Entry;
  language: string;
  meta: Meta;
  offset: number;
  /** Its meta field numbers in the merged bundle. */
  fields: number[];
}

async function readBundle(folder: string): Promise<Omit<Bundle, 'offset' | 'fields'>> {
  const entry = JSON.parse(await readFile(path.join(folder, 'pagefind-entry.json'), 'utf8')) as Entry;
  if (entry.version !== PAGEFIND_VERSION) {
    throw new Error(
      `${folder}: a Pagefind ${entry.version} bundle; the merge reads Pagefind ${PAGEFIND_VERSION}'s files only (pin pagefind to ${PAGEFIND_VERSION} in package.json, or check the merge against the new version's format)`,
    );
  }
  const languages = Object.entries(entry.languages);
  if (languages.length !== 1) throw new Error(`${folder}: ${languages.length} languages; the merge takes bundles of one language`);
  const [language, { hash }] = languages[0]!;
  const meta = decodeCbor(await readPagefindData(path.join(folder, `pagefind.${hash}.pf_meta`))) as Meta;
  return { folder, entry, language, meta };
}

/** Reads `count` pages of a word from a chunk: its run, page numbers placed in the merge, meta fields renumbered where `renumber`. */
function readRun(reader: CborReader, count: number, bundle: Bundle, renumber: boolean): Run {
  const start = reader.at;
  // Fields renumbered (a bundle without some field): the pages written anew; otherwise their bytes as they are.
  const rewritten = renumber ? new CborWriter() : undefined;
  let page = 0;
  let first = 0;
  let units = 0;
  let firstEnds = 0;
  for (let i = 0; i < count; i++) {
    const elements = reader.array();
    const delta = reader.int();
    page += delta;
    rewritten?.head(ARRAY, elements).int(delta);
    if (i === 0) {
      first = page;
      firstEnds = rewritten ? rewritten.bytes().length : reader.at - start;
    }
    for (let part = 1; part < elements; part++) {
      const places = reader.array();
      units += places;
      rewritten?.head(ARRAY, places);
      for (let k = 0; k < places; k++) {
        const place = reader.int();
        // In meta places a field switch is -(number + 1).
        rewritten?.int(part === 2 && place < 0 ? -bundle.fields[-place - 1]! - 1 : place);
      }
    }
    units++;
  }
  const bytes = rewritten ? Uint8Array.from(rewritten.bytes()) : reader.bytes.subarray(start, reader.at);
  return { count, first: first + bundle.offset, last: page + bundle.offset, units, bytes, firstEnds };
}

/** The words of a bundle's chunks, in order, one chunk read at a time (the next one read meanwhile). */
async function* wordsOf(bundle: Bundle): AsyncGenerator<BundleWord> {
  const renumber = bundle.fields.some((field, i) => field !== i);
  const read = (hash: string) => readPagefindData(path.join(bundle.folder, 'index', `${hash}.pf_index`));
  let next = bundle.meta[2][0] && read(bundle.meta[2][0][2]);
  for (let i = 0; next; i++) {
    const reader = new CborReader(await next);
    const following = bundle.meta[2][i + 1];
    next = following && read(following[2]);
    reader.array();
    const words = reader.array();
    for (let w = 0; w < words; w++) {
      reader.array();
      const word = reader.text();
      const pages = readRun(reader, reader.array(), bundle, renumber);
      const variants: BundleWord['variants'] = [];
      for (let v = reader.array(); v > 0; v--) {
        reader.array();
        const form = reader.text();
        variants.push([form, readRun(reader, reader.array(), bundle, renumber)]);
      }
      yield { word, pages, variants };
    }
  }
}

/** Runs of one word's pages from several bundles, oldest first, as one list of pages: each run's first page numbered anew. */
function writeRuns(writer: CborWriter, runs: readonly Run[]): void {
  writer.head(
    ARRAY,
    runs.reduce((sum, run) => sum + run.count, 0),
  );
  let last = 0;
  for (const run of runs) {
    if (!run.count) continue;
    writer
      .raw(run.bytes.subarray(0, 1))
      .int(run.first - last)
      .raw(run.bytes.subarray(run.firstEnds));
    last = run.last;
  }
}

/** The shortest prefixes that still tell two neighbouring chunks' last and first words apart (Pagefind's get_prefixes). */
function prefixes(a: string, b: string): [string, string] {
  const x = [...a];
  const y = [...b];
  let common = 0;
  while (common < x.length && common < y.length && x[common] === y[common]) common++;
  return [x.slice(0, common + 1).join(''), y.slice(0, common + 1).join('')];
}

/** How a merged bundle is published. */
export interface MergeOptions {
  /**
   * Slim metadata (see above): pages named `<language>_<slim><number>`, the number in base 36 at one
   * width, every word count 1, no sort orders. `slim` keys the bundle (letters and digits): names from
   * different keys never meet, and a key that sorts later names later pages.
   */
  slim?: string;
}

/** What a merge wrote. */
export interface MergeSummary {
  pages: number;
  chunks: number;
  fragments: number;
}

/**
 * Merges Pagefind bundles (folders written by Pagefind, all of one version and language) into one
 * new folder. Bundles are given oldest first, and each sort order of one bundle ends where the next
 * one's begins (shards.ts cuts them by date): the merged sort orders are the bundles' one after another.
 */
export async function mergeBundles(folders: readonly string[], output: string, options: MergeOptions = {}): Promise<MergeSummary> {
  if (!folders.length) throw new Error('merge: no bundles to merge');
  const read = await Promise.all(folders.map(readBundle));
  const language = read[0]!.language;
  const other = read.find((bundle) => bundle.language !== language);
  if (other) throw new Error(`${other.folder}: language ${other.language}, where ${read[0]!.folder} has ${language}`);
  const fields = [...new Set(read.flatMap((bundle) => bundle.meta[5]))].sort(byCodePoint);
  let offset = 0;
  const bundles: Bundle[] = read.map((bundle) => {
    const placed = { ...bundle, offset, fields: bundle.meta[5].map((field) => fields.indexOf(field)) };
    offset += bundle.meta[1].length;
    return placed;
  });
  const pageCount = offset;
  for (const folder of ['index', 'filter', 'fragment']) mkdirSync(path.join(output, folder), { recursive: true });

  // Pages and their fragments: named as they were, or by their place when slim.
  const fragmentNames = new Set<string>();
  const width = Math.max(1, (pageCount - 1).toString(36).length);
  const pages: MetaPage[] = [];
  for (const bundle of bundles) {
    for (const [index, [hash, wordCount, ...rest]] of bundle.meta[1].entries()) {
      const source = path.join(bundle.folder, 'fragment', `${hash}.pf_fragment`);
      let name = hash;
      if (options.slim !== undefined) {
        name = `${language}_${options.slim}${(bundle.offset + index).toString(36).padStart(width, '0')}`;
      } else if (fragmentNames.has(hash)) {
        // Two bundles gave different pages one short name: longer, from the page's own bytes, as Pagefind would.
        name = shortName(language, fullHash(await readPagefindData(source)), fragmentNames);
      }
      fragmentNames.add(name);
      pages.push(options.slim !== undefined ? [name, 1, ...rest] : [name, wordCount, ...rest]);
      linkOrCopy(source, path.join(output, 'fragment', `${name}.pf_fragment`));
    }
  }

  // Words: the bundles' chunks read side by side in word order, each word's pages from every bundle in one list.
  const chunkSize = Number(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE) || DEFAULT_CHUNK_SIZE;
  const chunkNames = new Set<string>();
  const chunks: MetaChunk[] = [];
  // Chunks are zipped and written a few at a time while the merge goes on; the first failure ends it.
  const writing = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let body = new CborWriter();
  let words = 0;
  let firstWord = '';
  let lastWord = '';
  let units = 0;
  const flush = async () => {
    if (!words) return;
    const data = Buffer.concat([new CborWriter().head(ARRAY, 1).head(ARRAY, words).bytes(), body.bytes()]);
    const name = shortName(language, fullHash(data), chunkNames);
    const written: Promise<void> = writePagefindData(path.join(output, 'index', `${name}.pf_index`), data)
      .catch((error: unknown) => void (failure ??= { error }))
      .finally(() => writing.delete(written));
    writing.add(written);
    if (writing.size >= 4) await Promise.race(writing);
    if (failure) throw failure.error;
    chunks.push([firstWord, lastWord, name]);
    body = new CborWriter();
    words = 0;
    units = 0;
  };
  const streams = bundles.map((bundle) => wordsOf(bundle));
  const heads = await Promise.all(streams.map(async (stream) => (await stream.next()).value as BundleWord | undefined));
  for (;;) {
    let word: string | undefined;
    for (const head of heads) if (head && (word === undefined || byCodePoint(head.word, word) < 0)) word = head.word;
    if (word === undefined) break;
    const pages: Run[] = [];
    const variants = new Map<string, Run[]>();
    for (const [i, head] of heads.entries()) {
      if (head?.word !== word) continue;
      pages.push(head.pages);
      for (const [form, run] of head.variants) variants.set(form, [...(variants.get(form) ?? []), run]);
      heads[i] = (await streams[i]!.next()).value as BundleWord | undefined;
    }
    body.head(ARRAY, 3).text(word);
    writeRuns(body, pages);
    body.head(ARRAY, variants.size);
    for (const [form, runs] of variants) writeRuns(body.head(ARRAY, 2).text(form), runs);
    if (!words) firstWord = word;
    lastWord = word;
    words++;
    // A chunk's size in word places, as Pagefind counts it: every page of the word and of its other forms.
    units += [pages, ...variants.values()].flat().reduce((sum, run) => sum + run.units, 0);
    if (units >= chunkSize) await flush();
  }
  await flush();
  await Promise.all(writing);
  if (failure) throw failure.error;
  for (let i = 0; i + 1 < chunks.length; i++) {
    const [to, from] = prefixes(chunks[i]![1], chunks[i + 1]![0]);
    // As Pagefind: the next chunk's first word always shortened, this one's last only where it stays after its first.
    if (byCodePoint(to, chunks[i]![0]) >= 0) chunks[i]![1] = to;
    chunks[i + 1]![0] = from;
  }

  // Filters: each filter's values from every bundle, their pages in one list.
  const filterValues = new Map<string, Map<string, number[]>>();
  for (const bundle of bundles) {
    for (const [filter, hash] of bundle.meta[3]) {
      const [, values] = decodeCbor(await readPagefindData(path.join(bundle.folder, 'filter', `${hash}.pf_filter`))) as FilterIndex;
      const merged = filterValues.get(filter) ?? new Map<string, number[]>();
      filterValues.set(filter, merged);
      for (const [value, list] of values) {
        const known = merged.get(value) ?? [];
        merged.set(value, known);
        for (const page of list) known.push(page + bundle.offset);
      }
    }
  }
  const filterNames = new Set<string>();
  const filters: Meta[3] = [];
  for (const filter of [...filterValues.keys()].sort(byCodePoint)) {
    const values = [...filterValues.get(filter)!].sort(([a], [b]) => byCodePoint(a, b));
    const data = encodeCbor([filter, values]);
    const name = shortName(language, fullHash(data), filterNames);
    await writePagefindData(path.join(output, 'filter', `${name}.pf_filter`), data);
    filters.push([filter, name]);
  }

  // Sort orders: each bundle's one after another (bundles cover consecutive ranges), none when slim.
  const sorts: Meta[4] = [];
  if (options.slim === undefined) {
    const keys = [...new Set(bundles.flatMap((bundle) => bundle.meta[4].map(([sort]) => sort)))].sort(byCodePoint);
    for (const key of keys) {
      const list = bundles.flatMap((bundle) =>
        (bundle.meta[4].find(([sort]) => sort === key)?.[1] ?? []).map((page) => page + bundle.offset),
      );
      sorts.push([key, list]);
    }
  }

  const meta: Meta = [PAGEFIND_VERSION, pages, chunks, filters, sorts, fields];
  const metaData = encodeCbor(meta);
  const metaHash = `${language}_${fullHash(metaData).slice(0, language.length + 8)}`;
  await writePagefindData(path.join(output, `pagefind.${metaHash}.pf_meta`), metaData);
  // Pagefind's scripts and WebAssembly, the same in every bundle of a version, from the first; the entry file last.
  const first = bundles[0]!;
  for (const name of await readdir(first.folder)) {
    if (name === 'pagefind-entry.json' || /\.pf_meta$/.test(name) || ['index', 'filter', 'fragment'].includes(name)) continue;
    copyFileSync(path.join(first.folder, name), path.join(output, name));
  }
  const languageEntry = first.entry.languages[language]!;
  const entry: Entry = { ...first.entry, languages: { [language]: { ...languageEntry, hash: metaHash, page_count: pageCount } } };
  await writeFile(path.join(output, 'pagefind-entry.json'), JSON.stringify(entry));
  return { pages: pageCount, chunks: chunks.length, fragments: fragmentNames.size };
}
