import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/lib/archive/content-dir.ts';
import { articleRegions, comparable, type ArticleText, type PrintedPage, type Region } from '../../src/lib/archive/regions.ts';
import { articleRecordSources } from '../../src/lib/search/records.ts';
import { pdfPrintedPages } from '../../src/lib/import/printed-pages.ts';

const SEED = readFileSync(new URL('../fixtures/seeds/nlzf-2022-59.txt', import.meta.url), 'utf8');

/** The seed bulletin printed on A4 pages: 30 characters a line, 36 lines a page, as points from the top. */
function printed(text: string): PrintedPage[] {
  const lines = text
    .split('\n')
    .filter((line) => line.trim())
    .flatMap((line) =>
      [...line.trim()].reduce<string[]>((rows, char, i) => (i % 30 ? ((rows[rows.length - 1] += char), rows) : [...rows, char]), []),
    );
  const pages: PrintedPage[] = [];
  lines.forEach((line, i) => {
    if (i % 36 === 0) pages.push({ width: 595, height: 842, lines: [] });
    const top = 60 + (i % 36) * 20;
    pages.at(-1)!.lines.push({ text: line, left: 70, top, right: 70 + [...line].length * 15, bottom: top + 15 });
  });
  return pages;
}

async function articles59(): Promise<ArticleText[]> {
  const archive = await loadArchive('content');
  const issue = archive.issues.find((each) => each.slug === '59')!;
  return articleRecordSources(issue, '/').map((record) => ({ id: record.url, title: record.meta.title!, text: record.meta.text! }));
}

/** The printed lines inside a region. */
const linesIn = (page: PrintedPage, region: { x: number; y: number; width: number; height: number }) =>
  page.lines.filter(
    (line) =>
      line.top >= region.y * page.height - 0.01 &&
      line.bottom <= (region.y + region.height) * page.height + 0.01 &&
      line.left >= region.x * page.width - 0.01,
  );

/** The comparable text of the lines inside a region. */
const textIn = (pages: readonly PrintedPage[], region: Region) =>
  comparable(
    linesIn(pages[region.page - 1]!, region)
      .map((line) => line.text)
      .join(''),
  );

/** The closing block (报 / 送 / 发) belongs to no article, not even the last. */
function expectNoClosingBlock(pages: readonly PrintedPage[], regions: readonly Region[]): void {
  for (const region of regions) {
    const inside = linesIn(pages[region.page - 1]!, region).map((line) => line.text);
    expect(
      inside.filter((line) => /^(报|送|发)：/.test(line)),
      region.id,
    ).toEqual([]);
  }
}

describe('article regions on the printed pages', () => {
  it('place every article of 第59期, each region on its pages, its title inside the first', async () => {
    const pages = printed(SEED);
    const articles = await articles59();
    const { regions, unplaced } = articleRegions(pages, articles);
    expect(unplaced).toEqual([]);
    expect(pages.length).toBeGreaterThan(1);
    for (const article of articles) {
      const own = regions.filter((region) => region.id === article.id);
      expect(own.length, article.id).toBeGreaterThan(0);
      expect(textIn(pages, own[0]!), article.id).toContain(comparable(article.title).slice(0, 8));
      for (const region of own) {
        expect(region.x).toBeGreaterThanOrEqual(0);
        expect(region.y + region.height).toBeLessThanOrEqual(1);
      }
    }
    expectNoClosingBlock(pages, regions);
    // Regions of one page do not overlap: each line belongs to one article.
    for (const [i, a] of regions.entries()) {
      for (const b of regions.slice(i + 1)) {
        if (a.page === b.page) expect(a.y + a.height <= b.y + 0.001 || b.y + b.height <= a.y + 0.001, `${a.id} / ${b.id}`).toBe(true);
      }
    }
  });

  it('place every article of 第59期 on the pages of its PDF as Word exports it, by the text layer', async () => {
    const pages = await pdfPrintedPages(readFileSync(new URL('../fixtures/office/nlzf-59-table/exported.pdf', import.meta.url)));
    const articles = await articles59();
    const { regions, unplaced } = articleRegions(pages, articles);
    expect(unplaced).toEqual([]);
    for (const article of articles) {
      const first = regions.find((region) => region.id === article.id)!;
      expect(textIn(pages, first), article.id).toContain(comparable(article.title).slice(0, 8));
      expect(first.x).toBeGreaterThan(0);
      expect(first.y).toBeGreaterThan(0);
      expect(first.y + first.height).toBeLessThan(1);
    }
    expectNoClosingBlock(pages, regions);
  });

  it('still place an article corrected after import, and report one that was never printed', async () => {
    const pages = printed(SEED);
    const articles = await articles59();
    const corrected = articles.map((article, i) =>
      i === 1 ? { ...article, title: `${article.title}（更正）`, text: `据核实更正：${article.text.slice(4)}` } : article,
    );
    const added = [
      ...corrected.slice(0, 3),
      { id: 'never', title: '本文未曾印出', text: '这一段文字并不在印刷的版面上，导入之后才由编辑加上。' },
      ...corrected.slice(3),
    ];
    const { regions, unplaced } = articleRegions(pages, added);
    expect(unplaced).toEqual(['never']);
    const placed = regions.filter((region) => region.id === articles[1]!.id);
    expect(placed.length).toBeGreaterThan(0);
    expect(textIn(pages, placed[0]!)).toContain(comparable(articles[1]!.title).slice(0, 8));
  });
});
