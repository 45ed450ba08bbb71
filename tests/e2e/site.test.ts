import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { LinkChecker, LinkState } from 'linkinator';
import { describe, expect, inject, it } from 'vitest';
import { normalizePrintText } from '../../src/lib/archive/print-text.ts';
import { useBrowserPage } from '../../scripts/lib/browser.ts';

const site = inject('siteUrl');
const dist = inject('distDir');
const SEED = readFileSync(new URL('../fixtures/seeds/nlzf-2022-59.txt', import.meta.url), 'utf8');
const ARTICLES = ['minqing', 'choujian', 'guofang', 'shici', 'fangxun'];

const browser = useBrowserPage();

const mainText = async () => normalizePrintText(await browser.page.locator('main').innerText());

describe('the built archive, read in Chromium', () => {
  it('declares zh-CN on every page', () => {
    const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) expect(readFileSync(path.join(dist, file), 'utf8'), file).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/i);
  });

  it('opens on the latest issue as a bulletin’s front: its masthead, linked, and its contents; one search box', async () => {
    await browser.page.goto(site);
    const latest = browser.page.locator('.home-latest');
    expect(await latest.locator('.masthead-number').innerText()).toBe('第3-4期');
    expect(await latest.locator('.masthead-title a').getAttribute('href')).toMatch(/\/jianbao\/[a-z]+\/\d{4}\/3-4\/$/);
    expect(await latest.locator('.issue-toc a').count()).toBeGreaterThan(0);
    expect(await browser.page.locator('#search-q, [name="q"]').count()).toBe(1);
    // Each series with its span and count (a draft is not counted).
    const seriesList = await browser.page.locator('.series-list').innerText();
    expect(seriesList).toContain('2022–2023年 · 4期');
    expect(seriesList).toContain('2022年 · 3期');
    await browser.page.goto(`${site}search/`);
    expect(await browser.page.locator('input[name="q"]').count()).toBe(1);
    await browser.page.goto(`${site}nlzf/2022/59/`);
    expect(await browser.page.locator('.site-header input[name="q"]').count()).toBe(1);
  });

  it('shows the footer a government site needs, each from its setting, with no third-party script', async () => {
    await browser.page.goto(`${site}nlzf/2022/59/`);
    const footer = browser.page.locator('.site-footer');
    const text = await footer.innerText();
    for (const part of ['主办单位：某市教育局', '承办单位：某市教育局办公室', '联系方式：0371-12345678', '政府网站标识码：4101000001']) {
      expect(text).toContain(part);
    }
    expect(await footer.getByRole('link', { name: '备案号：豫ICP备12345678号' }).getAttribute('href')).toBe('https://beian.miit.gov.cn/');
    expect(await footer.getByRole('link', { name: '豫公网安备41010502000123号' }).getAttribute('href')).toBe(
      'https://beian.mps.gov.cn/#/query/webSearch?code=41010502000123',
    );
    expect(await footer.getByRole('link', { name: '我为政府网站找错' }).getAttribute('href')).toMatch(
      /errorInfo_querySiteInfo\.action\?id=4101000001$/,
    );
    expect(await footer.getByRole('link', { name: '党政机关网站标识' }).getAttribute('href')).toMatch(/bszs\.conac\.cn/);
    expect(await browser.page.locator('script[src^="http"]').count()).toBe(0);
    await footer.getByRole('link', { name: '网站地图' }).click();
    expect(browser.page.url()).toBe(`${site}site-map/`);
  });

  it('has a site map: every series with its span and count, and each of its years', async () => {
    await browser.page.goto(`${site}site-map/`);
    expect(await browser.page.locator('h1').innerText()).toBe('网站地图');
    const nlzf = browser.page.locator('section', { has: browser.page.getByRole('heading', { name: '郑州市教育局' }) });
    expect(await nlzf.innerText()).toContain('2022年 · 3期');
    await nlzf.getByRole('link', { name: '2022年' }).click();
    expect(browser.page.url()).toBe(`${site}nlzf/2022/`);
  });

  it('goes home → year → issue → article and back', async () => {
    await browser.page.goto(site);
    expect(await browser.page.locator('.home-latest .masthead-title').innerText()).toContain('教育工作简报');
    await browser.page.locator('.series-list li', { hasText: '郑州市教育局' }).getByRole('link', { name: '2022年' }).click();
    expect(browser.page.url()).toMatch(/\/jianbao\/nlzf\/2022\/$/);
    await browser.page.getByRole('link', { name: '第59期' }).click();
    expect(browser.page.url()).toBe(`${site}nlzf/2022/59/`);
    await browser.page.getByRole('link', { name: '郑州市教育局开展“一把手”民情体验活动' }).last().click();
    expect(browser.page.url()).toBe(`${site}nlzf/2022/59/minqing/`);
    expect(await browser.page.locator('h1').innerText()).toBe('郑州市教育局开展“一把手”民情体验活动');
    await browser.page.getByRole('link', { name: /在本期中查看/ }).click();
    expect(browser.page.url()).toBe(`${site}nlzf/2022/59/#minqing`);
    await browser.page.goBack();
    expect(browser.page.url()).toBe(`${site}nlzf/2022/59/minqing/`);
  });

  it('shows every part of 第59期 on its issue page, not a character lost', async () => {
    await browser.page.goto(`${site}nlzf/2022/59/`);
    const text = await mainText();
    let from = 0;
    for (const line of SEED.split('\n').map(normalizePrintText).filter(Boolean)) {
      const at = text.indexOf(line, from);
      expect(at, `seed line missing or out of order: ${line.slice(0, 30)}`).toBeGreaterThanOrEqual(0);
      from = at + line.length;
    }
    expect(await browser.page.locator('.masthead-title').innerText()).toContain('简 报');
    expect(await browser.page.locator('.lead-phrase').allInnerTexts()).toEqual([
      '国防教育，入脑入行。',
      '重温誓词，不忘初心。',
      '校园防汛，尽显担当。',
    ]);
    expect(await browser.page.locator('.distribution dt').allInnerTexts()).toEqual(['报：', '送：', '发：']);
  });

  it('shows an issue printed without sections: masthead as printed, articles in one run, notes, sources and credits', async () => {
    const page = browser.page;
    await page.goto(`${site}jsjy/2021/3/`);
    expect(await page.locator('.masthead-number').innerText()).toBe('2021年第3期（总第128期）');
    expect(await page.locator('.masthead-office').innerText()).toBe('金水区教育局办公室 主办');
    expect(await page.locator('.issue-section').count()).toBe(0);
    expect(await page.locator('.issue-toc li').allInnerTexts()).toEqual([
      '区教育局召开2021年春季开学工作会议',
      '文化路小学开展“学雷锋”主题实践活动',
      '区教研室组织开展初中数学教学视导',
    ]);
    expect(await page.locator('.issue-article .article-source').allInnerTexts()).toEqual([
      '（区教育局）',
      '（文化路小学）',
      '（区教研室）',
    ]);
    expect(await page.locator('#a2 .editor-note').innerText()).toMatch(/^编者按：志愿服务是学校德育的重要载体/);
    expect(await page.locator('.issue-credits').innerText()).toBe('（责任编辑：李华）');
    expect(await page.locator('.distribution').innerText()).toContain('各中小学校、各幼儿园，局机关各科室');
    // Recognised from a scan: the page says so and links the scan kept as the original.
    expect(await page.locator('.notice-scan').innerText()).toBe(
      '本期文字由扫描件经文字识别（OCR）转成，平均置信度 99.1%，个别字词可能有误，以原件为准。查看扫描原件',
    );
    const scan = await page.request.get(new URL(String(await page.locator('.notice-scan a').getAttribute('href')), page.url()).href);
    expect([scan.status(), scan.headers()['content-type']]).toEqual([200, 'application/pdf']);
    await page.goto(`${site}jsjy/2021/3/a2/`);
    expect(await page.locator('.article-context').innerText()).not.toContain('【');
    expect(await page.locator('main .editor-note').count()).toBe(1);
    expect(await page.locator('main .article-source').innerText()).toBe('（文化路小学）');
    expect(readdirSync(path.join(dist, 'jsjy'))).not.toContain('sections');
    // Its series and year pages list no sections.
    for (const url of [`${site}jsjy/`, `${site}jsjy/2021/`]) {
      await page.goto(url);
      expect(await page.locator('#sections-title, #year-sections').count()).toBe(0);
    }
  });

  it('gives every article of 第59期 its own page and its anchor in the issue', async () => {
    await browser.page.goto(`${site}nlzf/2022/59/`);
    for (const id of ARTICLES) {
      expect(await browser.page.locator(`#${id}`).count()).toBe(1);
      expect(await browser.page.locator(`.issue-toc a[href="#${id}"]`).count()).toBe(1);
    }
    const titles: string[] = [];
    for (const id of ARTICLES) {
      const response = await browser.page.goto(`${site}nlzf/2022/59/${id}/`);
      expect(response?.status()).toBe(200);
      titles.push(await browser.page.locator('h1').innerText());
      expect(await browser.page.locator('.article-context').innerText()).toContain('第59期');
    }
    expect(titles).toEqual([
      '郑州市教育局开展“一把手”民情体验活动',
      '市教育局联合多部门突击抽检校外培训机构疫情防控工作',
      '国防教育，入脑入行',
      '重温誓词，不忘初心',
      '校园防汛，尽显担当',
    ]);
  });

  it('links articles to their neighbours and issues to theirs', async () => {
    await browser.page.goto(`${site}nlzf/2022/59/minqing/`);
    expect(await browser.page.locator('a[rel="prev"]').innerText()).toContain('暑期阅读，书香满园');
    expect(await browser.page.locator('a[rel="next"]').innerText()).toContain('市教育局联合多部门突击抽检校外培训机构疫情防控工作');
    await browser.page.goto(`${site}nlzf/2022/59/`);
    expect(await browser.page.locator('a[rel="prev"]').getAttribute('href')).toBe('/jianbao/nlzf/2022/58/');
    expect(await browser.page.locator('a[rel="next"]').getAttribute('href')).toBe('/jianbao/nlzf/2022/60/');
  });

  it('lists a section by year and a series by year', async () => {
    await browser.page.goto(`${site}nlzf/sections/xiaoyuan/2022/`);
    const items = await browser.page.locator('.article-list li a').allInnerTexts();
    expect(items).toEqual(['校园防汛，尽显担当', '重温誓词，不忘初心', '国防教育，入脑入行', '暑期阅读，书香满园', '田野课堂，走进乡村']);
    await browser.page.goto(`${site}qxjy/`);
    expect(await browser.page.locator('.issue-list-label').allInnerTexts()).toEqual(['第3-4期', '第1期', '第12期', '第11期']);
  });

  it('shows the photos beside an issue on its issue and article pages', async () => {
    for (const url of [`${site}qxjy/2023/1/`, `${site}qxjy/2023/1/a2/`]) {
      await browser.page.goto(url);
      const photo = browser.page.locator('figure.photo img[alt="冬季长跑比赛"]');
      expect(await photo.getAttribute('src')).toBe('/jianbao/qxjy/2023/1/changpao.png');
      expect(await photo.getAttribute('srcset')).toBe(
        '/jianbao/qxjy/2023/1/changpao.w480.webp 480w, /jianbao/qxjy/2023/1/changpao.w960.webp 960w, /jianbao/qxjy/2023/1/changpao.png 1000w',
      );
      expect([await photo.getAttribute('width'), await photo.getAttribute('height'), await photo.getAttribute('loading')]).toEqual([
        '1000',
        '600',
        'lazy',
      ]);
      await photo.scrollIntoViewIfNeeded();
      await photo.evaluate((img: HTMLImageElement) => img.decode());
      // The browser picks a WebP copy for the text's width; the caption is the alt text.
      expect(await photo.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/changpao\.w(480|960)\.webp$/);
      expect(await browser.page.locator('figure.photo figcaption').innerText()).toBe('冬季长跑比赛');
    }
  });

  it('runs nothing that came in with content: no script, handler or javascript: link', async () => {
    const page = browser.page;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));
    for (const url of [`${site}qxjy/2022/11/`, `${site}qxjy/2022/11/wangluo/`]) {
      await page.goto(url);
      for (const element of await page.locator('.prose b, .prose a, .prose img').all())
        await element.click({ force: true, timeout: 2000 }).catch(() => undefined);
      expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
      expect(
        await page
          .locator('.prose script, .prose iframe, .prose [onerror], .prose [onload], .prose [onclick], .prose a[href^="javascript:"]')
          .count(),
      ).toBe(0);
      expect(await page.locator('.prose').first().innerText()).toContain('切勿点击');
    }
    expect(dialogs).toEqual([]);
  });

  it('sends a Content-Security-Policy that the whole site, search included, works under', async () => {
    const page = browser.page;
    const violations: string[] = [];
    const listen = (message: { text: () => string }) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
    };
    page.on('console', listen);
    const response = await page.goto(`${site}nlzf/2022/59/shici/?highlight=垌头村`);
    expect(response?.headers()['content-security-policy']).toMatch(
      /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'/,
    );
    await page.waitForSelector('.article-page mark');
    await page.goto(`${site}search/?q=垌头村`);
    await page.waitForSelector('.search-result');
    await page.goto(site);
    page.off('console', listen);
    expect(violations).toEqual([]);
  });

  it('offers the original file of an issue and shows a month calendar on year pages', async () => {
    await browser.page.goto(`${site}nlzf/2022/60/`);
    const original = browser.page.locator('.issue-original a');
    expect(await original.innerText()).toBe('下载原件（TXT）');
    const response = await browser.page.request.get(new URL((await original.getAttribute('href'))!, site).href);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('第60期');
    await browser.page.goto(`${site}nlzf/2022/`);
    const july = browser.page.locator('.month-calendar', { hasText: '2022年7月' });
    expect(await july.locator('td.has-issue a').allInnerTexts()).toEqual(['14', '28']);
    expect(await july.locator('td.has-issue a').last().getAttribute('href')).toBe('/jianbao/nlzf/2022/59/');
  });

  it('answers unknown URLs with the 404 page', async () => {
    const response = await browser.page.goto(`${site}nlzf/2022/99/`);
    expect(response?.status()).toBe(404);
    expect(await browser.page.locator('h1').innerText()).toBe('页面不存在');
    expect(await browser.page.locator('main form[role="search"]').count()).toBe(1);
  });

  it('publishes full-content feeds and a sitemap of every public page', () => {
    const feed = readFileSync(path.join(dist, 'rss.xml'), 'utf8');
    expect(feed).toContain('<link>https://jianbao.example.cn/jianbao/nlzf/2022/59/shici/</link>');
    expect(feed).toContain('垌头村举行主题党日活动');
    const section = readFileSync(path.join(dist, 'nlzf/sections/xiaoyuan/rss.xml'), 'utf8');
    expect(section).toContain('<title>郑州市教育局“能力作风建设年”活动简报【学校动态】</title>');
    expect(section).toContain('垌头村举行主题党日活动');
    expect(section).not.toContain('突击抽检');
    const sitemap = readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8');
    for (const id of ARTICLES) expect(sitemap).toContain(`https://jianbao.example.cn/jianbao/nlzf/2022/59/${id}/`);
  });

  it('never publishes a draft, anywhere: pages, feeds, sitemap, search index', () => {
    let searched = 0;
    for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
      const full = path.join(dist, file);
      if (!statSync(full).isFile()) continue;
      const bytes = readFileSync(full);
      // Pagefind's index and fragments are gzip files: read them unpacked.
      const content = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
      expect(content.includes('琉璃瓦下未刊稿') || content.includes('qxjy/2023/2/'), file).toBe(false);
      searched += Number(content.includes('垌头村'));
    }
    // The same scan does find published text, so it can see into every kind of file it passes.
    expect(searched).toBeGreaterThanOrEqual(4);
  });

  it('has no broken internal link or anchor', async () => {
    const checker = new LinkChecker();
    const result = await checker.check({
      path: site,
      recurse: true,
      checkFragments: true,
      linksToSkip: (link) => Promise.resolve(!link.startsWith(site.replace(/\/jianbao\/$/, ''))),
    });
    const broken = result.links
      .filter((link) => link.state === LinkState.BROKEN)
      .map((link) => `${link.parent} → ${link.url} (${link.status})`);
    expect(broken).toEqual([]);
    expect(result.links.length).toBeGreaterThan(50);
  });
});
