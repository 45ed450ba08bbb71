/**
 * Compressed copies of the site's text files beside them (page.html.gz, page.html.br), for a web
 * server that serves them as they are (nginx's gzip_static and brotli_static): no compression at
 * request time, and Brotli at a quality no server spends on each request. A copy with its file's
 * modification time is up to date and kept; the files every reader downloads (Vite's assets, Pagefind's
 * script and WebAssembly) get Brotli's best, cached by their bytes, pages a faster quality.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** The files worth compressing: text, and Pagefind's WebAssembly (wasm.und.pagefind). Its index files are gzip already. */
const COMPRESSIBLE = /\.(?:html|css|js|mjs|json|xml|txt|svg|webmanifest|pagefind)$/;
/** Below this a compressed copy saves less than a packet. */
const SMALLEST = 512;
/** Shared by every reader: compressed once at Brotli's best, kept by their bytes. */
const SHARED = /^(?:_astro|pagefind)\//;
/** The compressed forms, each with its file extension. */
export const ENCODINGS = ['.gz', '.br'] as const;

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

function compress(data: Buffer, encoding: (typeof ENCODINGS)[number], best: boolean): Promise<Buffer> {
  if (encoding === '.gz') return gzip(data, { level: 9 });
  return brotli(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: best ? 11 : 5,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

/** Runs `work` on each item, at most `width` at a time (zlib's work goes to libuv's threads). */
async function eachAtMost<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/**
 * Writes the missing or outdated compressed copies of the text files below `site` and removes copies
 * whose file is gone; `cache` keeps the shared files' copies by the hash of their bytes.
 */
export async function precompress(site: string, cache: string): Promise<{ files: number; written: number }> {
  const entries = await readdir(site, { recursive: true, withFileTypes: true });
  const names = new Set(
    entries.filter((entry) => entry.isFile()).map((entry) => path.relative(site, path.join(entry.parentPath, entry.name))),
  );
  for (const name of names) {
    const encoding = ENCODINGS.find((extension) => name.endsWith(extension));
    if (encoding && !names.has(name.slice(0, -encoding.length))) await rm(path.join(site, name), { force: true });
  }
  const candidates = [...names].filter((name) => COMPRESSIBLE.test(name));
  await mkdir(cache, { recursive: true });
  let files = 0;
  let written = 0;
  await eachAtMost(candidates, 8, async (name) => {
    const file = path.join(site, name);
    const facts = await stat(file);
    if (facts.size < SMALLEST) return;
    files++;
    const stale: (typeof ENCODINGS)[number][] = [];
    for (const encoding of ENCODINGS) {
      const copy = await stat(`${file}${encoding}`).catch(() => undefined);
      if (!copy || Math.floor(copy.mtimeMs) !== Math.floor(facts.mtimeMs)) stale.push(encoding);
    }
    if (!stale.length) return;
    const data = await readFile(file);
    const shared = SHARED.test(name.split(path.sep).join('/'));
    const digest = shared ? createHash('sha1').update(data).digest('hex') : '';
    for (const encoding of stale) {
      const kept = path.join(cache, `${digest}${encoding}`);
      let compressed: Buffer | undefined = shared ? await readFile(kept).catch(() => undefined) : undefined;
      if (!compressed) {
        compressed = await compress(data, encoding, shared);
        if (shared) await writeFile(kept, compressed);
      }
      const temporary = `${file}${encoding}.tmp`;
      await writeFile(temporary, compressed);
      await utimes(temporary, facts.mtimeMs / 1000, facts.mtimeMs / 1000);
      await rename(temporary, `${file}${encoding}`);
      written++;
    }
  });
  return { files, written };
}
