import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/lib/archive/content-dir.ts';
import { checkArchive, type CheckedIssue } from '../../src/lib/archive/check.ts';
import { buildCaches } from '../../src/lib/build/caches.ts';
import { readFactCache, writeFactCache } from '../../src/lib/build/fact-cache.ts';
import { readBuiltSite } from '../../src/lib/build/link-check.ts';
import { pageKey } from '../../src/lib/build/page-key.ts';
import { pageOfLine, tallyPage } from '../../src/lib/build/astro-log.ts';
import { writeContentFiles } from '../../src/lib/build/site-files.ts';
import { archiveWith, ISSUE_59, issue59With, SERIES_YAML } from '../support/fixtures.ts';

describe("a build's caches", () => {
  it('are one set per output folder and base path, beside the output folder', () => {
    const caches = buildCaches('/srv/site/dist', '/');
    expect(caches.root).toMatch(/^\/srv\/site\/\.cache\/dist-[0-9a-f]{8}$/);
    expect(caches.astro).toBe(`${caches.root}/astro`);
    expect(buildCaches('/srv/site/dist', '/jianbao/').root).not.toBe(caches.root);
    expect(buildCaches('/srv/site/public', '/').root).not.toBe(caches.root);
  });

  it('key a page by what it shows: entries by their digests, and the site settings', () => {
    const entry = (digest: string) => ({
      collection: 'articles',
      id: 'nlzf/2022/59/minqing',
      digest,
      data: { title: '一' },
      rendered: { html: '<p>长</p>' },
    });
    const settings = { title: '简报档案', icp: undefined };
    const key = pageKey({ article: entry('a1'), year: 2022 }, settings);
    // The same props in another key order, the same entry with other data (its digest speaks for it): the same key.
    expect(pageKey({ year: 2022, article: { ...entry('a1'), data: { title: '二' } } }, settings)).toBe(key);
    expect(pageKey({ article: entry('a2'), year: 2022 }, settings)).not.toBe(key);
    expect(pageKey({ article: entry('a1'), year: 2023 }, settings)).not.toBe(key);
    expect(pageKey({ article: entry('a1'), year: 2022 }, { ...settings, icp: '豫ICP备12345678号' })).not.toBe(key);
  });

  it('check an issue file again only when what its check reads changed, and give the same archive', () => {
    const files = archiveWith({ 'nlzf/2022/59.md': ISSUE_59, 'nlzf/2022/60.md': issue59With('number: 59', 'number: 60') });
    const plain = checkArchive(files);
    const cache = new Map<string, CheckedIssue>();
    const first = checkArchive(files, 'content', cache);
    expect(first).toEqual(plain);
    expect(cache.size).toBe(2);
    // From the cache alone (as JSON, as it is kept between builds): the same issues and problems.
    const kept = new Map(JSON.parse(JSON.stringify([...cache])) as [string, CheckedIssue][]);
    let checked = 0;
    const counting = {
      get: (digest: string) => kept.get(digest),
      set: (digest: string, value: CheckedIssue) => (checked++, kept.set(digest, value)),
    };
    expect(checkArchive(files, 'content', counting)).toEqual(plain);
    expect(checked).toBe(0);
    // A changed series record is read by every issue's check: both are checked again.
    const renamed = files.map((file) =>
      file.path === 'nlzf/series.yaml' ? { ...file, text: SERIES_YAML.replace('学校动态', '校园动态') } : file,
    );
    expect(checkArchive(renamed, 'content', counting).problems).toEqual(checkArchive(renamed).problems);
    expect(checked).toBe(2);
  });

  it('keep the content check between runs in a file, holding only the last run’s files', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'jianbao-check-cache-'));
    const content = path.join(work, 'content');
    writeContentFiles(content, archiveWith({ 'nlzf/2022/59.md': ISSUE_59 }));
    const file = path.join(work, 'cache', 'content-check.json');
    const first = await loadArchive(content, { file, write: true });
    expect(first.problems).toEqual([]);
    const again = await loadArchive(content, { file, write: false });
    expect(again).toEqual(first);
    // A broken file is reported from the cache as when it was checked.
    writeFileSync(path.join(content, 'nlzf/2022/59.md'), issue59With('number: 59', 'number: [59'));
    const broken = await loadArchive(content, { file, write: true });
    expect(broken.problems).toHaveLength(1);
    expect((await loadArchive(content, { file, write: false })).problems).toEqual(broken.problems);
  });

  it('read again only the built pages whose bytes changed', async () => {
    const site = mkdtempSync(path.join(tmpdir(), 'jianbao-facts-'));
    const page = (file: string, html: string) => {
      mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
      writeFileSync(path.join(site, file), html);
    };
    page('index.html', '<a href="/a/">a</a><script>go()</script>');
    page('a/index.html', '<h2 id="x">x</h2><a href="/#top">top</a>');
    const first = await readBuiltSite(site);
    expect(first.read).toBe(2);
    const file = path.join(site, '..', `${path.basename(site)}-facts.json`);
    await writeFactCache(file, first);
    page('a/index.html', '<h2 id="y">y</h2>');
    const second = await readBuiltSite(site, await readFactCache(file));
    expect(second.read).toBe(1);
    expect(second.pages.get('index.html')).toEqual(first.pages.get('index.html'));
    expect(second.pages.get('a/index.html')).toEqual({ scripts: [], targets: [], ids: ['y'] });
  });
});

describe("Astro's log of the pages it generates", () => {
  it('tells pages rendered from pages copied from the last build, coloured or not', () => {
    const tally = { rendered: 0, copied: 0 };
    const lines = [
      '02:05:06   ├─ /404.html (+19ms) ',
      '02:05:06   ├─ /nlzf/rss.xml (restored)',
      '\u001b[2m02:10:00\u001b[22m   \u001b[34m├─\u001b[39m \u001b[2m/nlzf/2022/59/index.html\u001b[22m \u001b[32m(cached)\u001b[39m',
      '\u001b[2m02:10:00\u001b[22m   \u001b[34m└─\u001b[39m \u001b[2m/search/index.html\u001b[22m \u001b[2m(+10ms)\u001b[22m ',
      '02:05:06 [build] 18 page(s) built in 3.3s',
    ];
    for (const line of lines) tallyPage(line, tally);
    expect(tally).toEqual({ rendered: 2, copied: 2 });
    expect(pageOfLine(lines[2]!)).toEqual({ page: '/nlzf/2022/59/index.html', copied: true });
  });
});
