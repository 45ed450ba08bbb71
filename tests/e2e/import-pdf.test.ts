import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/lib/archive/check.ts';
import { readContentFiles } from '../../src/lib/archive/content-dir.ts';
import { importOne } from '../../src/lib/import/run-import.ts';
import { useBrowserPage } from '../../scripts/lib/browser.ts';

const ISSUE_59 = readFileSync(new URL('../../content/nlzf/2022/59.md', import.meta.url), 'utf8');
const SERIES = readFileSync(new URL('../../content/nlzf/series.yaml', import.meta.url), 'utf8');
const browser = useBrowserPage();

/** 第59期 laid out as printed: centred masthead, indented paragraphs, run-in lead phrases, closing block. */
function printedHtml(): string {
  const archive = checkArchive([
    { path: 'nlzf/series.yaml', text: SERIES },
    { path: 'nlzf/2022/59.md', text: ISSUE_59 },
  ]);
  const issue = archive.issues[0]!;
  const p = (text: string, style = '') => `<p style="${style}">${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`;
  const centre = 'text-align:center';
  const parts = [
    p(issue.data.classification!),
    ...issue.series.masthead.map((line) => p(line, `${centre};font-size:24pt`)),
    p('第59期', centre),
    p('领导小组办公室'),
    p('2022年7月28日'),
  ];
  for (const section of issue.sections) {
    parts.push(p(`【${section.name}】`));
    for (const article of section.articles) {
      if (article.kind === 'titled') parts.push(p(article.printedTitle, `${centre};font-weight:bold`));
      article.blocks.forEach((block, index) =>
        parts.push(p(index === 0 && article.kind === 'lead' ? `${article.printedTitle}${block}` : block, 'text-indent:2em')),
      );
    }
  }
  parts.push(p('报：市“能力作风建设年”活动领导小组办公室'), p('送：市教育局“能力作风建设年”活动领导小组领导'));
  parts.push(p('发：局直属学校（单位）党组织、市属各民办学校党组织、'), p('市教育局机关各党支部', 'padding-left:2em'));
  parts.push(p('郑州市教育局“能力作风建设年”活动领导小组办公室 2022年7月28日印发'));
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body style="font:16px/1.8 'Noto Serif CJK SC',serif;margin:0">${parts.join('')}</body></html>`;
}

describe('importing a PDF printed by Chromium', () => {
  it('gives the same issue as the hand-checked file, page numbers dropped and page breaks healed', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'jianbao-pdf-'));
    await browser.page.setContent(printedHtml());
    const pdf = await browser.page.pdf({
      format: 'A4',
      margin: { top: '25mm', bottom: '25mm', left: '28mm', right: '26mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="font-size:10pt;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>',
    });
    const file = path.join(work, '59.pdf');
    writeFileSync(file, pdf);
    const out = path.join(work, 'content');
    mkdirSync(path.join(out, 'nlzf'), { recursive: true });
    writeFileSync(path.join(out, 'nlzf/series.yaml'), SERIES);
    const outcome = await importOne(file, { out, dryRun: false, force: false });
    if ('error' in outcome) throw new Error(outcome.error);
    expect(outcome.decisions.some((d) => /dropped \d+ page-number lines?/.test(d))).toBe(true);
    const imported = checkArchive(await readContentFiles(out));
    expect(imported.problems).toEqual([]);
    const handChecked = checkArchive([
      { path: 'nlzf/series.yaml', text: SERIES },
      { path: 'nlzf/2022/59.md', text: ISSUE_59 },
    ]);
    const shape = (archive: typeof imported) =>
      archive.issues[0]!.sections.map((s) => [s.name, s.articles.map((a) => [a.kind, a.printedTitle, a.blocks])]);
    expect(shape(imported)).toEqual(shape(handChecked));
    expect(imported.issues[0]!.data).toEqual(handChecked.issues[0]!.data);
  });

  it('reads a PDF without a text layer as a scan, and refuses one with no text on it, writing nothing', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'jianbao-pdf-'));
    await browser.page.setContent(
      '<!doctype html><html><body><svg width="400" height="200"><rect width="300" height="100" fill="#c00"/></svg></body></html>',
    );
    const file = path.join(work, 'scan.pdf');
    writeFileSync(file, await browser.page.pdf({ format: 'A4' }));
    expect(await importOne(file, { out: path.join(work, 'content'), dryRun: false, force: false })).toEqual({
      source: file,
      error: "no text found on any of the scan's 1 page (blank pages?): expected the pages of a printed bulletin",
    });
    expect(existsSync(path.join(work, 'content'))).toBe(false);
  });
});
