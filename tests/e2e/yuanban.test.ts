import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { HtmlValidate } from 'html-validate';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/lib/archive/content-dir.ts';
import { comparable, type PrintedPage } from '../../src/lib/archive/regions.ts';
import { printedArticles } from '../../src/lib/archive/yuanban.ts';
import { originalPrintedPages } from '../../src/lib/import/printed-pages.ts';
import { importAll } from '../../src/lib/import/run-import.ts';
import { YuanbanSchema, type Yuanban, type YuanbanRegion } from '../../src/schemas/yuanban.ts';
import { useBrowserPage } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { buildSite, bundledArchiveCopy } from '../support/build-site.ts';

/** A scan photographed page by page, its first page lying on its side (turned a quarter anticlockwise). */
async function photographedOnItsSide(): Promise<string> {
  const folder = mkdtempSync(path.join(tmpdir(), 'jianbao-photo-'));
  const from = 'tests/fixtures/scans/jinshui-2024-3-photo';
  await sharp(path.join(from, 'page1.jpg')).rotate(270).jpeg({ quality: 90 }).toFile(path.join(folder, 'page1.jpg'));
  cpSync(path.join(from, 'page2.jpg'), path.join(folder, 'page2.jpg'));
  return folder;
}
const browser = useBrowserPage();
const copy = bundledArchiveCopy('yuanban');
let server: StaticServer;
/** The issue folders (content-relative, e.g. hjqjyj/2024/7) the imports wrote. */
let imported: string[] = [];

beforeAll(async () => {
  // Bulletins as offices have them: a PDF as Word exports it, a scan photographed page by page, a scanned PDF.
  const originals = [
    'tests/fixtures/office/huiji-7-table/exported.pdf',
    await photographedOnItsSide(),
    'tests/fixtures/scan-kinds/office-first-g4.pdf',
  ];
  const outcomes = await importAll(originals, { out: copy.content, dryRun: false, force: false });
  imported = outcomes.map((outcome) => {
    if ('error' in outcome) throw new Error(`${outcome.source}: ${outcome.error}`);
    return path.relative(copy.content, outcome.output.replace(/\.md$/, '')).split(path.sep).join('/');
  });
  const build = buildSite(copy.settings);
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout.slice(-3000)}\n${build.stderr}`);
  server = await serveStatic(copy.dist);
}, 240_000);
afterAll(async () => server?.close());

const yuanbanOf = (folder: string): Yuanban =>
  YuanbanSchema.parse(JSON.parse(readFileSync(path.join(copy.content, folder, 'yuanban.json'), 'utf8')));

/** The text of the printed lines whose middle lies inside a region. */
function textIn(page: PrintedPage, region: YuanbanRegion): string {
  const inside = page.lines.filter((line) => {
    const x = (line.left + line.right) / 2 / page.width;
    const y = (line.top + line.bottom) / 2 / page.height;
    return x >= region.x && x <= region.x + region.width && y >= region.y && y <= region.y + region.height;
  });
  return comparable(inside.map((line) => line.text).join(''));
}

describe('原版: the printed pages of an imported PDF or scan', () => {
  it('places every article of each import, the first region of each holding its title, none holding the closing block', async () => {
    const archive = await loadArchive(copy.content);
    expect(archive.problems).toEqual([]);
    expect(imported).toHaveLength(3);
    for (const folder of imported) {
      const issue = archive.issues.find((each) => `${each.series.slug}/${each.year}/${each.slug}` === folder)!;
      const yuanban = yuanbanOf(folder);
      expect(issue.yuanban, folder).toEqual(yuanban);
      expect(yuanban.unplaced, folder).toEqual([]);
      const { pages } = await originalPrintedPages(new Uint8Array(readFileSync(path.join(copy.content, folder, 'original.pdf'))));
      for (const article of printedArticles(issue)) {
        const regions = yuanban.regions.filter((region) => region.article === article.id);
        expect(regions.length, `${folder}#${article.id}`).toBeGreaterThan(0);
        const title = comparable(article.title || article.text).slice(0, 8);
        expect(textIn(pages[regions[0]!.page - 1]!, regions[0]!), `${folder}#${article.id}`).toContain(title);
        for (const region of regions)
          expect(textIn(pages[region.page - 1]!, region), `${folder}#${article.id}`).not.toMatch(/^(报|送|发|抄送)/);
      }
    }
  }, 120_000);

  it('keeps the regions of a page that lay on its side on the upright page, with the turn it needed, and shows it upright', async () => {
    const yuanban = yuanbanOf(imported[1]!);
    expect(yuanban.pages.map((page) => page.turn)).toEqual([90, 0]);
    expect(yuanban.pages[0]!.height).toBeGreaterThan(yuanban.pages[0]!.width);
    const shown = await sharp(path.join(copy.dist, imported[1]!, 'yuanban', '1-720w.webp')).metadata();
    expect(shown.height / shown.width).toBeCloseTo(yuanban.pages[0]!.height / yuanban.pages[0]!.width, 2);
  });

  it('shows each page as an image with every region a link named by its article, reached by keyboard', async () => {
    const page = browser.page;
    for (const folder of imported) {
      const yuanban = yuanbanOf(folder);
      await page.goto(`${server.url}${folder}/yuanban/`);
      expect(await page.locator('.yuanban-sheet img').count()).toBe(yuanban.pages.length);
      const links = page.locator('svg.yuanban-regions a');
      expect(await links.count()).toBe(yuanban.regions.length);
      const issue = (await loadArchive(copy.content)).issues.find((each) => `${each.series.slug}/${each.year}/${each.slug}` === folder)!;
      for (const [index, region] of yuanban.regions.entries()) {
        const link = links.nth(index);
        const title = printedArticles(issue).find((article) => article.id === region.article)!;
        expect(await link.getAttribute('href')).toBe(`/${folder}/${region.article}/`);
        expect(await link.getAttribute('aria-label')).toContain(`（第${region.page}页）`);
        expect(comparable((await link.getAttribute('aria-label'))!)).toContain(comparable(title.title || '').slice(0, 6));
        // Drawn where the region is: its box over the image, in proportion.
        const box = (await link.locator('rect').boundingBox())!;
        const image = (await page.locator(`#p${region.page} img`).boundingBox())!;
        expect(Math.abs((box.x - image.x) / image.width - region.x)).toBeLessThan(0.02);
        expect(Math.abs((box.y - image.y) / image.height - region.y)).toBeLessThan(0.02);
      }
      // The images: the first at once, the rest lazily, each at two widths, and the full-resolution one linked.
      const images = page.locator('.yuanban-sheet img');
      expect(await images.first().getAttribute('loading')).toBe('eager');
      if (yuanban.pages.length > 1) expect(await images.nth(1).getAttribute('loading')).toBe('lazy');
      expect(await images.first().getAttribute('srcset')).toMatch(/1-720w\.webp 720w, .*1-1440w\.webp 1440w$/);
      expect(await page.locator('a.yuanban-full').count()).toBe(yuanban.pages.length);
      for (const name of ['1.webp', '1-720w.webp', '1-1440w.webp', '1-720w.avif'])
        expect(existsSync(path.join(copy.dist, folder, 'yuanban', name))).toBe(true);
    }
    // Tab from the page list reaches the first region, and Enter follows it.
    const folder = imported[0]!;
    const first = yuanbanOf(folder).regions[0]!;
    await page.goto(`${server.url}${folder}/yuanban/`);
    await page.locator('.yuanban-intro').click();
    let reached = '';
    for (let i = 0; i < 12 && !reached.endsWith(`${first.article}-p${first.page}`); i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(reached).toBe(`${first.article}-p${first.page}`);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/${first.article}/$`));
  });

  it('links an issue and its articles to their printed pages; an issue written by hand has none and links to none', async () => {
    const page = browser.page;
    const folder = imported[1]!;
    const yuanban = yuanbanOf(folder);
    await page.goto(`${server.url}${folder}/`);
    expect(await page.locator(`a[href="/${folder}/yuanban/"]`).count()).toBeGreaterThan(0);
    const region = yuanban.regions.at(-1)!;
    await page.goto(`${server.url}${folder}/${region.article}/`);
    const link = page.locator('.article-printed a').last();
    expect(await link.textContent()).toBe(`第${region.page}页`);
    await link.click();
    await page.waitForURL(new RegExp(`/yuanban/#${region.article}-p${region.page}$`));
    // The article's region is the target, and shows as such.
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(`${region.article}-p${region.page}`);

    // 第59期 came as text: no 原版 page, and no link to one.
    expect(existsSync(path.join(copy.dist, 'nlzf/2022/59/yuanban'))).toBe(false);
    await page.goto(`${server.url}nlzf/2022/59/`);
    expect(await page.locator('a[href*="yuanban"]').count()).toBe(0);
    await page.goto(`${server.url}nlzf/2022/59/minqing/`);
    expect(await page.locator('.article-printed').count()).toBe(0);
  });

  it('costs at most 300 KB for the first view on a phone, script-free, with no axe or html-validate findings', async () => {
    const folder = imported[0]!;
    const context = await browser.page
      .context()
      .browser()!
      .newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 });
    const phone = await context.newPage();
    const before = server.bytesSent();
    await phone.goto(`${server.url}${folder}/yuanban/`, { waitUntil: 'networkidle' });
    const bytes = server.bytesSent() - before;
    const scripts = await phone.locator('script[src]').count();
    await context.close();
    expect(scripts).toBe(0);
    expect(bytes).toBeLessThanOrEqual(300 * 1024);

    for (const scheme of ['light', 'dark'] as const) {
      await browser.page.emulateMedia({ colorScheme: scheme });
      await browser.page.goto(`${server.url}${folder}/yuanban/`);
      const results = await new AxeBuilder({ page: browser.page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: { 'no-trailing-whitespace': 'off', 'long-title': 'off', 'attribute-boolean-style': 'off' },
    });
    const pages = imported.flatMap((each) =>
      readdirSync(path.join(copy.dist, each), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.html'))
        .map((file) => path.join(each, file)),
    );
    expect(pages.filter((file) => file.includes('yuanban'))).toHaveLength(imported.length);
    const errors: string[] = [];
    for (const file of pages) {
      const report = await validator.validateString(readFileSync(path.join(copy.dist, file), 'utf8'), file);
      for (const result of report.results)
        for (const message of result.messages) errors.push(`${file}:${message.line} ${message.ruleId}: ${message.message}`);
    }
    expect(errors).toEqual([]);
  });
});
