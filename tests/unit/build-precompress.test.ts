import { existsSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { precompress } from '../../src/lib/build/precompress.ts';
import { writeContentFiles } from '../../src/lib/build/site-files.ts';

describe('precompressed copies', () => {
  it('writes .gz and .br beside the files every reader downloads, keeps them while their file is unchanged, and removes those of files gone', async () => {
    const site = mkdtempSync(path.join(tmpdir(), 'jianbao-compress-'));
    const cache = `${site}-cache`;
    const page = '<!doctype html><p>' + '郑州市教育局开展“一把手”民情体验活动。'.repeat(60);
    const meta = Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from('页'.repeat(300))]);
    writeContentFiles(site, [
      { path: 'nlzf/2022/59/index.html', text: page },
      { path: 'pagefind/from-2022-01/pagefind.js', text: page },
      { path: '_astro/site.css', text: 'body{margin:0}'.repeat(60) },
      { path: 'pagefind/small.json', text: '[]' },
      { path: '_astro/photo.png', text: 'x'.repeat(2000) },
    ]);
    writeFileSync(path.join(site, 'pagefind/from-2022-01/pagefind.und_1.pf_meta'), gzipSync(meta));
    const first = await precompress(site, cache);
    expect(first).toEqual({ files: 3, written: 5 });
    // Pagefind's metadata: Brotli of what its gzip holds, which begins with Pagefind's signature.
    const metaFile = path.join(site, 'pagefind/from-2022-01/pagefind.und_1.pf_meta');
    expect(brotliDecompressSync(readFileSync(`${metaFile}.br`)).equals(meta)).toBe(true);
    expect(existsSync(`${metaFile}.gz`)).toBe(false);
    // Pages are left to the server's compression.
    expect(existsSync(path.join(site, 'nlzf/2022/59/index.html.br'))).toBe(false);
    const file = path.join(site, 'pagefind/from-2022-01/pagefind.js');
    expect(gunzipSync(readFileSync(`${file}.gz`)).toString()).toBe(page);
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(page);
    // The copy carries its file's time, to the millisecond: a time set from a float of seconds may come back a hair off (stamped-file.ts).
    expect(Math.floor(statSync(`${file}.br`).mtimeMs)).toBe(Math.floor(statSync(file).mtimeMs));
    // Too small to gain, or not text: no copy.
    expect(existsSync(path.join(site, 'pagefind/small.json.gz'))).toBe(false);
    expect(existsSync(path.join(site, '_astro/photo.png.br'))).toBe(false);

    expect(await precompress(site, cache)).toEqual({ files: 3, written: 0 });
    // A page rewritten (a new time): its copies again, from its new bytes.
    writeFileSync(file, `${page}<p>更正</p>`);
    utimesSync(file, new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(await precompress(site, cache)).toEqual({ files: 3, written: 2 });
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(`${page}<p>更正</p>`);
    // A page gone: its copies go too.
    const css = path.join(site, '_astro/site.css');
    writeFileSync(`${css}.orphan.gz`, gzipSync('x'));
    await precompress(site, cache);
    expect(existsSync(`${css}.orphan.gz`)).toBe(false);
    expect(existsSync(`${css}.br`)).toBe(true);
  });
});
