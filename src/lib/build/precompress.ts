/**
 * Compressed copies of the files every reader downloads, beside them (site.css.br, pagefind.js.gz),
 * for a web server that serves them as they are (nginx's gzip_static and brotli_static): Vite's
 * assets and Pagefind's script, WebAssembly and metadata, at Brotli's best, which no server spends on
 * each request. Pages and feeds are left to the server's own compression (nginx `gzip on`): copies of
 * them would triple the site's files, and every build walks them. A copy with its file's modification
 * time is up to date and kept; copies are cached by the bytes they compress.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { eachAtMost } from '../concurrency.ts';
import { settle, upToDate } from './stamped-file.ts';

/**
 * The files worth compressing: text, Pagefind's WebAssembly (wasm.und.pagefind), its metadata
 * (.pf_meta, loaded by every first search) and its filters (.pf_filter, loaded by a filtered search).
 * Pagefind gzips its index files itself; metadata and filters — long lists of page numbers — get a
 * Brotli copy of what the gzip holds, a fifth to a half smaller: pagefind.js takes data that begins with
 * Pagefind's own signature (pagefind_dcd) as decompressed already, which is what a browser hands it
 * after decoding Brotli. A server without Brotli sends the gzip file as before.
 */
const COMPRESSIBLE = /\.(?:html|css|js|mjs|json|xml|txt|svg|webmanifest|pagefind|pf_meta|pf_filter)$/;
const PAGEFIND_GZIP = /\.pf_(?:meta|filter)$/;
/** Below this a compressed copy saves less than a packet. */
const SMALLEST = 512;
/** The compressed forms, each with its file extension. */
export const ENCODINGS = ['.gz', '.br'] as const;

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);
const gunzip = promisify(zlib.gunzip);

function compress(data: Buffer, encoding: (typeof ENCODINGS)[number]): Promise<Buffer> {
  if (encoding === '.gz') return gzip(data, { level: 9 });
  return brotli(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

/**
 * Writes the missing or outdated compressed copies of the files below `site`'s _astro/ and pagefind/
 * and removes copies whose file is gone; `cache` keeps the copies by the hash of the bytes they compress.
 */
export async function precompress(site: string, cache: string): Promise<{ files: number; written: number }> {
  const listed = ['_astro', 'pagefind'].map((folder) =>
    readdir(path.join(site, folder), { recursive: true, withFileTypes: true }).catch(() => []),
  );
  const entries = (await Promise.all(listed)).flat();
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
    const gzipped = PAGEFIND_GZIP.test(name);
    // Pagefind's metadata and filters are compressed already, so their size says nothing: they always get their copy.
    if (facts.size < SMALLEST && !gzipped) return;
    files++;
    const stale: (typeof ENCODINGS)[number][] = [];
    for (const encoding of gzipped ? (['.br'] as const) : ENCODINGS) {
      if (!(await upToDate(`${file}${encoding}`, facts))) stale.push(encoding);
    }
    if (!stale.length) return;
    const data = gzipped ? await gunzip(await readFile(file)) : await readFile(file);
    const digest = createHash('sha1').update(data).digest('hex');
    for (const encoding of stale) {
      const kept = path.join(cache, `${digest}${encoding}`);
      let compressed: Buffer | undefined = await readFile(kept).catch(() => undefined);
      if (!compressed) {
        compressed = await compress(data, encoding);
        await writeFile(kept, compressed);
      }
      const temporary = `${file}${encoding}.tmp`;
      await writeFile(temporary, compressed);
      await settle(temporary, `${file}${encoding}`, facts);
      written++;
    }
  });
  return { files, written };
}
