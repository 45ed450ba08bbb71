import { describe, expect, inject, it } from 'vitest';
import { useBrowserPage } from '../../scripts/lib/browser.ts';

const site = inject('siteUrl');

const browser = useBrowserPage();

/** Opens the search page at a query string and waits for its answer. */
async function searchAt(query: string): Promise<void> {
  await browser.page.goto(`${site}search/${query}`);
  await browser.page.waitForFunction(() => {
    const status = document.getElementById('search-status')?.textContent ?? '';
    return /找到|没有找到|不可用/.test(status);
  });
}

/** The script files the page fetches while `work` runs. */
async function scriptsFetched(work: () => Promise<void>): Promise<string[]> {
  const urls: string[] = [];
  const listener = (request: { url: () => string; resourceType: () => string }) => {
    if (request.resourceType() === 'script') urls.push(new URL(request.url()).pathname);
  };
  browser.page.on('request', listener);
  await work();
  browser.page.off('request', listener);
  return urls;
}

const resultTitles = () => browser.page.locator('.search-result h2 a').allInnerTexts();

describe('search in Chinese', () => {
  it('says to build when there is no search index yet, instead of a parser error', async () => {
    await browser.page.route('**/pagefind/shards.json', (route) =>
      route.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html>' }),
    );
    try {
      await searchAt('?q=双减');
      expect(await browser.page.locator('#search-status').innerText()).toBe(
        '搜索暂时不可用：还没有搜索索引。请先运行 npm run build：开发服务器使用最近一次构建的索引。',
      );
    } finally {
      await browser.page.unroute('**/pagefind/shards.json');
    }
  });

  it('finds 垌头村 in the 重温誓词 article first, and clicking lands on it with the term marked', async () => {
    await searchAt('?q=垌头村');
    // The distractors hold 垌, 头 and 村 apart (田垌, 村头, 头一回): they are not found at all.
    expect(await resultTitles()).toEqual(['重温誓词，不忘初心']);
    await browser.page.locator('.search-result h2 a').first().click();
    await browser.page.waitForSelector('mark');
    expect(new URL(browser.page.url()).pathname).toBe('/jianbao/nlzf/2022/59/shici/');
    expect(await browser.page.locator('h1').innerText()).toBe('重温誓词，不忘初心');
    expect((await browser.page.locator('.article-page mark').allInnerTexts()).join('')).toContain('垌头村');
  });

  it('finds a number however the reader writes it, marking it as printed, the form typed first', async () => {
    // 第59期 prints 郑州18中, 第60期 郑州市十八中.
    await searchAt('?q=十八中');
    expect(await resultTitles()).toEqual(['市教育局开展教师培训工作调研', '重温誓词，不忘初心']);
    expect(await browser.page.locator('.search-result-excerpt mark').allInnerTexts()).toEqual(['十八中', '18中']);
    await searchAt('?q=18中');
    expect(await resultTitles()).toEqual(['重温誓词，不忘初心', '市教育局开展教师培训工作调研']);
    await searchAt('?q=第107高级中学');
    expect(await resultTitles()).toEqual(['校园防汛，尽显担当']);
    expect(await browser.page.locator('.search-result-excerpt mark').allInnerTexts()).toEqual(['第一〇七高级中学']);
    // The school as readers shorten it.
    await searchAt('?q=107中');
    expect(await resultTitles()).toEqual(['校园防汛，尽显担当']);
  });

  it('finds 双减 in the 一把手 article first, without loading the Traditional table', async () => {
    const scripts = await scriptsFetched(() => searchAt('?q=双减'));
    // Not 双师课堂 … 减少 …, nor 双休日 … 减轻 …
    expect(await resultTitles()).toEqual(['郑州市教育局开展“一把手”民情体验活动']);
    expect(scripts.some((url) => url.includes('pagefind.js'))).toBe(true);
    expect(scripts.filter((url) => url.includes('TSCharacters'))).toEqual([]);
  });

  it('finds 疫情防控 in the 校外培训机构 article first', async () => {
    await searchAt('?q=疫情防控');
    // Not 疫情形势 … 安全防控 … nor 疫情期间 … 防控要求
    expect(await resultTitles()).toEqual(['市教育局联合多部门突击抽检校外培训机构疫情防控工作']);
  });

  it('finds Simplified text for a query typed in Traditional characters, loading the table for it', async () => {
    const scripts = await scriptsFetched(() => searchAt('?q=雙減'));
    expect(scripts.filter((url) => url.includes('TSCharacters'))).toHaveLength(1);
    expect(await resultTitles()).toEqual(['郑州市教育局开展“一把手”民情体验活动']);
    expect(await browser.page.locator('.search-result-excerpt mark').first().innerText()).toBe('双减');
  });

  it('finds Traditional text for a query typed in Simplified characters, and marks it in title and excerpt', async () => {
    await searchAt('?q=长跑比赛');
    const result = browser.page.locator('.search-result').filter({ hasText: '冬季長跑比賽' });
    expect(await result.locator('h2 mark').allInnerTexts()).toEqual(['長跑比賽']);
    expect(await result.locator('.search-result-excerpt mark').allInnerTexts()).toEqual(['長跑比賽']);
  });

  it('finds a fragment of a longer word, and needs every term of a query', async () => {
    await searchAt('?q=民情体');
    expect(await resultTitles()).toEqual(['郑州市教育局开展“一把手”民情体验活动']);
    await searchAt('?q=' + encodeURIComponent('暴雨 垌头村'));
    expect(await resultTitles()).toEqual(['重温誓词，不忘初心']);
  });

  it('shows ten results at a time and more on demand', async () => {
    await searchAt('?q=校');
    expect(await browser.page.locator('#search-status').innerText()).toMatch(/^找到 1[1-9] 篇文章$/);
    expect(await browser.page.locator('.search-result').count()).toBe(10);
    await browser.page.locator('#search-more').click();
    await browser.page.waitForFunction(() => document.querySelectorAll('.search-result').length > 10);
    expect(await browser.page.locator('#search-more').isHidden()).toBe(true);
  });

  it('shows series, 第N期, date and section with each result, and the matched text marked', async () => {
    await searchAt('?q=垌头村');
    const first = browser.page.locator('.search-result').first();
    expect(await first.locator('.search-result-meta').innerText()).toBe(
      '郑州市教育局“能力作风建设年”活动简报 · 第59期 · 2022年7月28日 · 【学校动态】',
    );
    expect((await first.locator('.search-result-excerpt mark').allInnerTexts()).join('')).toContain('垌头');
    // A match in the title is marked there too.
    await searchAt('?q=誓词');
    const titled = browser.page.locator('.search-result').first();
    expect(await titled.locator('h2 a').innerText()).toBe('重温誓词，不忘初心');
    expect(await titled.locator('h2 mark').allInnerTexts()).toEqual(['誓词']);
  });

  it('narrows results with a section filter, from the form, and puts it in the URL', async () => {
    await searchAt('?q=暴雨');
    const all = await resultTitles();
    expect(all).toEqual(expect.arrayContaining(['校园防汛，尽显担当', '重温誓词，不忘初心', '市教育局检查汛期校舍安全']));
    await browser.page.locator('select[name="section"]').selectOption('市局工作');
    await browser.page.waitForFunction(() => document.querySelectorAll('.search-result').length === 1);
    expect(await resultTitles()).toEqual(['市教育局检查汛期校舍安全']);
    const url = new URL(browser.page.url());
    expect(url.searchParams.get('section')).toBe('市局工作');
    expect(url.searchParams.get('q')).toBe('暴雨');
  });

  it('reopens a shared search URL with the same results and filters', async () => {
    await searchAt('?q=安全&series=某区教育局教育工作简报&year=2023');
    expect(await browser.page.locator('#search-q').inputValue()).toBe('安全');
    expect(await browser.page.locator('select[name="year"]').inputValue()).toBe('2023');
    const titles = await resultTitles();
    expect(titles.sort()).toEqual(['区教育局召开新学期工作会议', '寒假安全教育进校园']);
  });

  it('sorts newest first on request', async () => {
    await searchAt('?q=安全&sort=newest');
    const dates = await browser.page.locator('.search-result-meta').allInnerTexts();
    const isoDates = dates.map((meta) => {
      const [, y, m, d] = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(meta)!;
      return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    });
    expect(isoDates.length).toBeGreaterThan(2);
    expect(isoDates).toEqual([...isoDates].sort().reverse());
  });

  it('offers the issue itself for 第59期 and 59期, and the home form goes straight to it', async () => {
    for (const query of ['第59期', '59期']) {
      await browser.page.goto(`${site}search/?q=${encodeURIComponent(query)}`);
      await browser.page.waitForSelector('#search-issue a');
      expect(await browser.page.locator('#search-issue a').getAttribute('href')).toBe('/jianbao/nlzf/2022/59/');
    }
    await browser.page.goto(site);
    await browser.page.locator('.goto-issue select').selectOption('郑州市教育局“能力作风建设年”活动简报');
    await browser.page.locator('.goto-issue input[name="issue"]').fill('59');
    await browser.page.locator('.goto-issue button').click();
    await browser.page.waitForURL(`${site}nlzf/2022/59/`);
  });

  it('searches from the header box on any page', async () => {
    await browser.page.goto(`${site}nlzf/2022/`);
    await browser.page.locator('#site-search').fill('垌头村');
    await browser.page.locator('#site-search').press('Enter');
    await browser.page.waitForSelector('.search-result');
    expect((await resultTitles())[0]).toBe('重温誓词，不忘初心');
  });
});
