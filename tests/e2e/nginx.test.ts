import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { useBrowserPage } from '../../scripts/lib/browser.ts';
import { startNginx, type NginxServer } from '../../scripts/lib/nginx.ts';
import { IMMUTABLE, REVALIDATE } from '../../src/lib/build/nginx.ts';

const dist = inject('distDir');
const BASE = '/jianbao/';
let nginx: NginxServer;

beforeAll(async () => {
  nginx = await startNginx(dist, BASE);
});
afterAll(async () => nginx?.close());

/** A GET as a browser sends it, the body as sent (still compressed). */
function get(
  url: string,
  encoding = '',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: encoding ? { 'Accept-Encoding': encoding } : {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

const policy = () => readFileSync(path.join(dist, 'nginx-security-headers.conf'), 'utf8').match(/Content-Security-Policy "([^"]+)"/)![1]!;
const firstFile = (folder: string, pattern: RegExp) =>
  readdirSync(path.join(dist, folder), { recursive: true })
    .map(String)
    .find((name) => pattern.test(name))!;

describe('served by nginx, as offices serve it', () => {
  it('sends the security headers on every kind of response, long cache lifetimes only for hashed names', async () => {
    const shard = (JSON.parse(readFileSync(path.join(dist, 'pagefind/shards.json'), 'utf8')) as string[])[0]!;
    const kinds: [string, string, string][] = [
      ['page', 'nlzf/2022/59/', REVALIDATE],
      ['hashed asset', `_astro/${firstFile('_astro', /\.css$/)}`, IMMUTABLE],
      ['pagefind.js', `pagefind/${shard}/pagefind.js`, REVALIDATE],
      ['Pagefind WebAssembly', `pagefind/${shard}/${firstFile(`pagefind/${shard}`, /^wasm\..+\.pagefind$/)}`, REVALIDATE],
      ['Pagefind entry', `pagefind/${shard}/pagefind-entry.json`, REVALIDATE],
      ['shard list', 'pagefind/shards.json', REVALIDATE],
      ['index chunk', `pagefind/${shard}/${firstFile(`pagefind/${shard}`, /\.pf_index$/)}`, IMMUTABLE],
      ['index metadata', `pagefind/${shard}/${firstFile(`pagefind/${shard}`, /\.pf_meta$/)}`, IMMUTABLE],
      ['index filter', `pagefind/${shard}/filter/${firstFile(`pagefind/${shard}/filter`, /\.pf_filter$/)}`, IMMUTABLE],
      ['index fragment', `pagefind/${shard}/fragment/${firstFile(`pagefind/${shard}/fragment`, /\.pf_fragment$/)}`, IMMUTABLE],
      ['photo', 'qxjy/2023/1/changpao.png', REVALIDATE],
      ['original', 'jsjy/2021/3/original.pdf', REVALIDATE],
      ['feed', 'rss.xml', REVALIDATE],
    ];
    for (const [kind, file, cache] of kinds) {
      const response = await get(`${nginx.url}${file}`);
      expect(response.status, kind).toBe(200);
      expect(response.headers['content-security-policy'], kind).toBe(policy());
      expect(response.headers['x-content-type-options'], kind).toBe('nosniff');
      expect(response.headers['referrer-policy'], kind).toBe('strict-origin-when-cross-origin');
      expect(response.headers['cache-control'], kind).toBe(cache);
      const onDisk = readFileSync(path.join(dist, file.endsWith('/') ? `${file}index.html` : file));
      expect(response.body.equals(onDisk), `${kind}: the bytes on disk`).toBe(true);
    }
    // The site's own 404 page, with the headers too.
    const missing = await get(`${nginx.url}nlzf/2022/999/`);
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain('<title>');
    expect(missing.body.equals(readFileSync(path.join(dist, '404.html')))).toBe(true);
    expect(missing.headers['content-security-policy']).toBe(policy());
  });

  it('serves the precompressed copies of the files every reader downloads, and compresses pages as it sends them', async () => {
    const shard = (JSON.parse(readFileSync(path.join(dist, 'pagefind/shards.json'), 'utf8')) as string[])[0]!;
    for (const file of [`_astro/${firstFile('_astro', /\.css$/)}`, `pagefind/${shard}/pagefind.js`]) {
      const url = `${nginx.url}${file}`;
      const plain = readFileSync(path.join(dist, file));
      const br = await get(url, 'br, gzip');
      expect(br.headers['content-encoding'], file).toBe('br');
      expect(br.body.equals(readFileSync(path.join(dist, `${file}.br`))), file).toBe(true);
      expect(brotliDecompressSync(br.body).equals(plain), file).toBe(true);
      const gz = await get(url, 'gzip');
      expect(gz.headers['content-encoding'], file).toBe('gzip');
      expect(gz.body.equals(readFileSync(path.join(dist, `${file}.gz`))), file).toBe(true);
      expect(gunzipSync(gz.body).equals(plain), file).toBe(true);
      const none = await get(url);
      expect(none.headers['content-encoding'], file).toBeUndefined();
      expect(none.body.equals(plain), file).toBe(true);
    }
    // A page has no copy: gzip as it is sent, the same bytes once decompressed.
    const page = await get(`${nginx.url}nlzf/2022/59/`, 'br, gzip');
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(page.body).equals(readFileSync(path.join(dist, 'nlzf/2022/59/index.html')))).toBe(true);
    expect(page.headers.vary).toContain('Accept-Encoding');
  });

  it.each([
    ['metadata', '', /\.pf_meta$/],
    ['filters', 'filter/', /\.pf_filter$/],
  ])("serves Pagefind's %s as Brotli of what its gzip holds, which pagefind.js takes as decompressed", async (_kind, folder, name) => {
    const shard = (JSON.parse(readFileSync(path.join(dist, 'pagefind/shards.json'), 'utf8')) as string[])[0]!;
    const meta = `pagefind/${shard}/${folder}${firstFile(`pagefind/${shard}/${folder}`, name)}`;
    const gzipped = readFileSync(path.join(dist, meta));
    const br = await get(`${nginx.url}${meta}`, 'br, gzip');
    expect(br.headers['content-encoding']).toBe('br');
    const decoded = brotliDecompressSync(br.body);
    expect(decoded.subarray(0, 12).toString()).toBe('pagefind_dcd');
    expect(decoded.equals(gunzipSync(gzipped))).toBe(true);
    expect(br.body.length).toBeLessThan(gzipped.length);
    // Without Brotli, Pagefind's own gzip file as it wrote it.
    const plain = await get(`${nginx.url}${meta}`, 'gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(gzipped)).toBe(true);
  });

  const browser = useBrowserPage();

  it('searches in a browser under the Content-Security-Policy nginx sends', async () => {
    const violations: string[] = [];
    browser.page.on('console', (message) => {
      if (/Content.Security.Policy|Refused/i.test(message.text())) violations.push(message.text());
    });
    await browser.page.goto(`${nginx.url}search/?q=双减`);
    await browser.page.waitForFunction(() => /找到|没有找到|不可用/.test(document.getElementById('search-status')?.textContent ?? ''));
    expect(await browser.page.locator('.search-result h2 a').first().innerText()).toBe('郑州市教育局开展“一把手”民情体验活动');
    expect(violations).toEqual([]);
  });
});
