import { describe, expect, inject, it } from 'vitest';
import { getDocumentProxy } from 'unpdf';
import { standardCjk } from '../../src/lib/import/cjk-compat.ts';
import { useBrowserPage } from '../../scripts/lib/browser.ts';

const site = inject('siteUrl');
const browser = useBrowserPage();

/** The text of each page of a PDF, with the radical look-alikes of PDF fonts made standard. */
async function pdfPages(data: Uint8Array): Promise<{ text: string; width: number; height: number }[]> {
  const pdf = await getDocumentProxy(data);
  const pages = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join('');
    const [, , width = 0, height = 0] = page.view;
    pages.push({ text: standardCjk(text).text.replace(/\s+/g, ''), width, height });
  }
  return pages;
}

describe('printing an issue', () => {
  it('rebuilds the bulletin on A4: masthead, sections, articles, 报/送/发 and print line, and no site chrome', async () => {
    await browser.page.goto(`${site}nlzf/2022/59/`);
    const pages = await pdfPages(new Uint8Array(await browser.page.pdf({ preferCSSPageSize: true, printBackground: true })));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      expect(Math.round(page.width)).toBe(595);
      expect(Math.round(page.height)).toBe(842);
    }
    const text = pages.map((page) => page.text).join('');
    for (const part of [
      '内部刊物注意保存',
      '郑州市教育局“能力作风建设年”活动',
      '简报',
      '第59期',
      '领导小组办公室',
      '2022年7月28日',
      '【市局工作】',
      '【学校动态】',
      '重温誓词，不忘初心。为更好发挥',
      '报：市“能力作风建设年”活动领导小组办公室',
      '发：局直属学校（单位）党组织、市属各民办学校党组织、市教育局机关各党支部',
      '郑州市教育局“能力作风建设年”活动领导小组办公室2022年7月28日印发',
    ]) {
      expect(text, part).toContain(part);
    }
    for (const chrome of ['简报档案', '搜索', '首页', '本期目录', 'RSS', '上一期', '下一期', '字号'])
      expect(text, chrome).not.toContain(chrome);
  });
});
