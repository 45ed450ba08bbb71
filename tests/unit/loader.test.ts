import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleLoader, issueLoader, seriesLoader } from '../../src/loaders/archive-loaders.ts';
import { articleTitle } from '../../src/lib/archive/articles.ts';
import { renderedFile, renderedFolder } from '../../src/lib/build/rendered-html.ts';
import { rehypePlugins } from '../../src/plugins/index.ts';
import type { ZodType } from 'astro/zod';
import { ArticleSchema } from '../../src/schemas/article.ts';
import { IssueEntrySchema } from '../../src/schemas/issue.ts';
import { SeriesSchema } from '../../src/schemas/series.ts';
import { ISSUE_59, SERIES_YAML } from '../support/fixtures.ts';

/**
 * A loader context holding entries in a Map, validating them with the collection's real schema,
 * rendering Markdown with the site's own plugins; `html` reads an article's HTML where the loader put it.
 */
async function fakeContext(schema: ZodType) {
  const renderer = await createMarkdownProcessor({ rehypePlugins, smartypants: false });
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'jianbao-astro-cache-'));
  const entries = new Map<string, { data: Record<string, unknown>; digest?: string; rendered?: { html: string } }>();
  const rendered: string[] = [];
  const context = {
    store: {
      keys: () => [...entries.keys()],
      get: (id: string) => entries.get(id),
      delete: (id: string) => entries.delete(id),
      set: (entry: { id: string; data: Record<string, unknown>; digest?: string; rendered?: { html: string } }) =>
        entries.set(entry.id, entry),
    },
    config: { base: '/jianbao/', root: new URL('../../', import.meta.url), cacheDir: pathToFileURL(`${cacheDir}/`) },
    parseData: async ({ data }: { data: Record<string, unknown> }) => (await schema.parseAsync(data)) as Record<string, unknown>,
    generateDigest: (value: unknown) => createHash('sha1').update(JSON.stringify(value)).digest('hex'),
    renderMarkdown: async (markdown: string) => {
      rendered.push(markdown);
      const match = /^---\n(.*)\n---\n/.exec(markdown);
      const frontmatter = match ? (JSON.parse(match[1]!) as Record<string, unknown>) : {};
      const result = await renderer.render(match ? markdown.slice(match[0].length) : markdown, { frontmatter });
      return { html: result.code };
    },
  };
  const html = (id: string) => readFileSync(renderedFile(cacheDir, entries.get(id)!.digest!), 'utf8');
  return { context: context as never, entries, rendered, html, cacheDir };
}

let dir: string;
const originalDir = process.env.CONTENT_DIR;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jianbao-content-'));
  mkdirSync(path.join(dir, 'nlzf/2022'), { recursive: true });
  writeFileSync(path.join(dir, 'nlzf/series.yaml'), SERIES_YAML);
  writeFileSync(path.join(dir, 'nlzf/2022/59.md'), ISSUE_59);
  process.env.CONTENT_DIR = dir;
});
afterEach(() => {
  process.env.CONTENT_DIR = originalDir;
});

describe('archive loaders', () => {
  it('yields the series, the issue with its table of contents, and every article', async () => {
    const series = await fakeContext(SeriesSchema);
    await seriesLoader().load(series.context);
    expect([...series.entries.keys()]).toEqual(['nlzf']);

    const issues = await fakeContext(IssueEntrySchema);
    await issueLoader().load(issues.context);
    const issue = issues.entries.get('nlzf/2022/59')!.data;
    expect(issue).toMatchObject({ series: 'nlzf', slug: '59', year: 2022, label: '第59期', date: '2022-07-28' });
    expect(issue.sectionRefs).toEqual([
      { name: '市局工作', slug: 'shiju' },
      { name: '学校动态', slug: 'xiaoyuan' },
    ]);
    expect((issue.articles as { id: string; kind: string }[]).map((a) => `${a.id}/${a.kind}`)).toEqual([
      'minqing/titled',
      'choujian/titled',
      'guofang/lead',
      'shici/lead',
      'fangxun/lead',
    ]);

    const articles = await fakeContext(ArticleSchema);
    await articleLoader().load(articles.context);
    expect([...articles.entries.keys()]).toEqual(['minqing', 'choujian', 'guofang', 'shici', 'fangxun'].map((id) => `nlzf/2022/59/${id}`));
    const shici = articles.entries.get('nlzf/2022/59/shici')!;
    expect(shici.data).toMatchObject({
      title: '重温誓词，不忘初心',
      printedTitle: '重温誓词，不忘初心。',
      kind: 'lead',
      section: '学校动态',
      sectionSlug: 'xiaoyuan',
      order: 3,
    });
    // The HTML is kept beside the store, not in it.
    expect(shici.rendered).toBeUndefined();
    expect(articles.html('nlzf/2022/59/shici')).toMatch(
      /^<p><strong class="lead-phrase">重温誓词，不忘初心。<\/strong>为更好发挥基层党组织/,
    );
    const minqing = articles.html('nlzf/2022/59/minqing');
    expect(minqing.match(/<p>/g)).toHaveLength(4);
    const photo = await fakeContext(ArticleSchema);
    writeFileSync(
      path.join(dir, 'nlzf/2022/59.md'),
      ISSUE_59.replace('会后，楚惠东一行', '![座谈会](./59/zuo%20tan.jpg)\n\n会后，楚惠东一行'),
    );
    mkdirSync(path.join(dir, 'nlzf/2022/59'));
    writeFileSync(path.join(dir, 'nlzf/2022/59/zuo tan.jpg'), 'jpeg');
    await articleLoader().load(photo.context);
    expect(photo.html('nlzf/2022/59/minqing')).toContain(
      '<figure class="photo"><img src="/jianbao/nlzf/2022/59/zuo%20tan.jpg" alt="座谈会" loading="lazy" decoding="async"><figcaption>座谈会</figcaption></figure>',
    );
    expect(minqing).toContain('我市是全国九个“双减”工作试点城市之一');
  });

  it('renders again only the articles that changed, and drops the ones that went', async () => {
    const articles = await fakeContext(ArticleSchema);
    await articleLoader().load(articles.context);
    expect(articles.rendered).toHaveLength(5);
    await articleLoader().load(articles.context);
    expect(articles.rendered).toHaveLength(5);
    const edited = ISSUE_59.replace('会后，楚惠东一行', '会后，楚惠东同志一行').replace(/### 校园防汛[\s\S]*$/, '');
    writeFileSync(path.join(dir, 'nlzf/2022/59.md'), edited);
    await articleLoader().load(articles.context);
    expect(articles.rendered).toHaveLength(6);
    expect(articles.rendered.at(-1)).toContain('楚惠东同志一行');
    expect([...articles.entries.keys()]).not.toContain('nlzf/2022/59/fangxun');
    // One file an article: the edited article's old HTML and the dropped article's went.
    expect(readdirSync(renderedFolder(articles.cacheDir)).sort()).toEqual(
      [...articles.entries.values()].map((entry) => `${entry.digest}.html`).sort(),
    );
    // A file lost from the cache is rendered again, the entry otherwise kept.
    const kept = articles.entries.get('nlzf/2022/59/shici')!;
    const file = renderedFile(articles.cacheDir, kept.digest!);
    rmSync(file);
    await articleLoader().load(articles.context);
    expect(articles.rendered).toHaveLength(7);
    expect(existsSync(file) && articles.html('nlzf/2022/59/shici')).toMatch(/重温誓词/);
  });

  it('renders raw HTML in an issue file harmless: no script, no handlers, no javascript: links', async () => {
    const hostile =
      '<script>alert(1)</script><img src="x.png" onerror="alert(2)"><b onclick="alert(3)">粗体</b> <a href="javascript:alert(5)">甲</a>\n\n见[链接](javascript:alert(4))。';
    writeFileSync(path.join(dir, 'nlzf/2022/59.md'), ISSUE_59.replace('会后，楚惠东一行', `${hostile}\n\n会后，楚惠东一行`));
    const articles = await fakeContext(ArticleSchema);
    await articleLoader().load(articles.context);
    const html = articles.html('nlzf/2022/59/minqing');
    expect(html).toContain('<b>粗体</b>');
    expect(html).toContain('<p>见<a>链接</a>。</p>');
    expect(html).not.toMatch(/<script|onerror|onclick|href="javascript:/i);
  });

  it('leaves drafts out of every collection', async () => {
    writeFileSync(path.join(dir, 'nlzf/2022/60.md'), ISSUE_59.replace('number: 59', 'number: 60\ndraft: true'));
    const issues = await fakeContext(IssueEntrySchema);
    await issueLoader().load(issues.context);
    expect([...issues.entries.keys()]).toEqual(['nlzf/2022/59']);
    const articles = await fakeContext(ArticleSchema);
    await articleLoader().load(articles.context);
    expect([...articles.entries.keys()].some((id) => id.includes('/60/'))).toBe(false);
  });

  it('gives an id that starts with a digit a file-and-line message, never a bare schema error', async () => {
    writeFileSync(path.join(dir, 'nlzf/2022/59.md'), ISSUE_59.replace('{#minqing}', '{#7minqing}'));
    const { context } = await fakeContext(ArticleSchema);
    await expect(articleLoader().load(context)).rejects.toThrow(
      /59\.md:\d+ {2}heading {2}expected an article id of a-z, 0-9 and "-", starting with a letter \(at most 32 characters\), found "#7minqing"/,
    );
  });

  it('fails with every problem of the content, naming file and line', async () => {
    writeFileSync(path.join(dir, 'nlzf/2022/59.md'), ISSUE_59.replace('number: 59', 'number: 58').replace('{#shici .lead}', '{.lead}'));
    const { context } = await fakeContext(IssueEntrySchema);
    await expect(issueLoader().load(context)).rejects.toThrow(
      /59\.md:2 {2}file name {2}expected 58\.md for 第58期, found 59\.md[\s\S]*59\.md:52 {2}heading {2}expected one article id[\s\S]*2 problems in 1 file/,
    );
  });
});

describe('article titles', () => {
  it('takes a lead phrase without its closing punctuation, and an untitled item by its opening words', () => {
    expect(articleTitle({ kind: 'lead', printedTitle: '国防教育，入脑入行。', blocks: [] })).toBe('国防教育，入脑入行');
    expect(articleTitle({ kind: 'titled', printedTitle: '标题。', blocks: [] })).toBe('标题。');
    expect(articleTitle({ kind: 'untitled', printedTitle: '', blocks: ['某小学举行冬季长跑比赛，全校师生踊跃参加。'] })).toBe(
      '某小学举行冬季长跑比赛，全校师生踊跃参加…',
    );
    expect(articleTitle({ kind: 'untitled', printedTitle: '', blocks: ['短讯。'] })).toBe('短讯。');
  });
});
