import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/lib/archive/content-dir.ts';
import { articlePages, makeYuanban, pageImageNames, printedArticles, yuanbanText } from '../../src/lib/archive/yuanban.ts';
import { remakeYuanban, yuanbanTasks } from '../../src/lib/import/remake-yuanban.ts';
import { YuanbanSchema } from '../../src/schemas/yuanban.ts';

const EXPORTED = 'tests/fixtures/office/nlzf-59-table/exported.pdf';

/** The bundled archive with 第59期's PDF, as Word exports it, kept beside the issue as its original. */
function archiveWithOriginal(): string {
  const content = path.join(mkdtempSync(path.join(tmpdir(), 'jianbao-yuanban-')), 'content');
  cpSync('content', content, { recursive: true });
  cpSync(EXPORTED, path.join(content, 'nlzf/2022/59/original.pdf'));
  return content;
}

describe('the 原版 file', () => {
  it('gives the printed articles of an issue: titles, notes, text and sources, without image markup', async () => {
    const issue = (await loadArchive('content')).issues[0]!;
    const articles = printedArticles({
      sections: issue.sections.map((section) => ({
        ...section,
        articles: section.articles.map((article, i) =>
          i === 0 ? { ...article, blocks: ['![座谈会](./59/a.jpg)', ...article.blocks] } : article,
        ),
      })),
    });
    expect(articles.map((article) => article.id)).toEqual(['minqing', 'choujian', 'guofang', 'shici', 'fangxun']);
    expect(articles[0]!.text).not.toContain('a.jpg');
    expect(articles[0]!.text.startsWith('\n为深入推动')).toBe(true);
    expect(articles[2]!.title).toBe(issue.sections[1]!.articles[0]!.printedTitle);
  });

  it('is written one region a line, and read back by its schema as written', () => {
    const yuanban = makeYuanban(
      [{ width: 595.276, height: 841.89, turn: 90, lines: [{ text: '标题一', left: 100, top: 100, right: 300, bottom: 120 }] }],
      [{ id: 'a1', title: '标题一', text: '' }],
      'f'.repeat(64),
    );
    expect(yuanban.pages).toEqual([{ width: 595.28, height: 841.89, turn: 90 }]);
    expect(yuanban.regions).toEqual([{ article: 'a1', page: 1, x: 0.168, y: 0.1188, width: 0.336, height: 0.0238 }]);
    const text = yuanbanText(yuanban);
    expect(text.split('\n').filter((line) => line.includes('"article"'))).toHaveLength(1);
    expect(YuanbanSchema.parse(JSON.parse(text))).toEqual(yuanban);
    expect(
      articlePages({ regions: [...yuanban.regions, { ...yuanban.regions[0]!, page: 3 }, { ...yuanban.regions[0]!, page: 2 }] }, 'a1'),
    ).toEqual([1, 2, 3]);
    expect(pageImageNames(2)).toEqual([
      '1-720w.avif',
      '1-720w.webp',
      '1-1440w.webp',
      '1.webp',
      '2-720w.avif',
      '2-720w.webp',
      '2-1440w.webp',
      '2.webp',
    ]);
  });
});

describe('npm run yuanban', () => {
  it('makes the file of an issue with an original PDF, leaves the Markdown alone, and resumes where it stopped', async () => {
    const content = archiveWithOriginal();
    const markdown = readFileSync(path.join(content, 'nlzf/2022/59.md'));
    const { tasks, problems } = await yuanbanTasks(content);
    expect(problems).toBe(0);
    expect(tasks.map((task) => task.issue.slug)).toEqual(['59']);
    const made = await remakeYuanban(tasks[0]!, { force: false });
    expect(made).toMatchObject({ made: true, read: 'text layer', pages: 4, articles: 5, unplaced: [] });
    const file = path.join(content, 'nlzf/2022/59/yuanban.json');
    const written = YuanbanSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(new Set(written.regions.map((region) => region.article))).toEqual(
      new Set(['minqing', 'choujian', 'guofang', 'shici', 'fangxun']),
    );
    expect(readFileSync(path.join(content, 'nlzf/2022/59.md'))).toEqual(markdown);
    expect((await loadArchive(content)).issues[0]!.yuanban).toEqual(written);

    // Run again: done already. Forced: made anew.
    const again = await yuanbanTasks(content);
    const stamp = statSync(file).mtimeMs;
    expect(await remakeYuanban(again.tasks[0]!, { force: false })).toMatchObject({ made: false });
    expect(statSync(file).mtimeMs).toBe(stamp);
    expect(await remakeYuanban(again.tasks[0]!, { force: true })).toMatchObject({ made: true });
  });

  it('remakes a stale file after an article was corrected, still placing it, and names one never printed', async () => {
    const content = archiveWithOriginal();
    const issueFile = path.join(content, 'nlzf/2022/59.md');
    await remakeYuanban((await yuanbanTasks(content)).tasks[0]!, { force: false });
    // The editor corrects a title, renames its id, and adds a note that was never printed.
    const text = readFileSync(issueFile, 'utf8')
      .replace(
        '### 市教育局联合多部门突击抽检校外培训机构疫情防控工作 {#choujian}',
        '### 市教育局等五部门突击抽检校外培训机构 {#choujian-2}',
      )
      .replace(/(## 学校动态\n)/u, '$1\n### 编后补记 {#buji}\n\n此文为网络版增补，印发时并无此篇，用于核对未能定位的文章。\n');
    writeFileSync(issueFile, text);
    const checked = await loadArchive(content);
    expect(checked.problems.map((problem) => problem.field)).toContainEqual(expect.stringMatching(/^regions\[\d+\]\.article$/));
    const { tasks } = await yuanbanTasks(content);
    expect(tasks[0]!.madeFrom).toBeUndefined();
    const made = await remakeYuanban(tasks[0]!, { force: false });
    expect(made).toMatchObject({ made: true, unplaced: [{ id: 'buji', title: '编后补记' }] });
    const yuanban = (await loadArchive(content)).issues[0]!.yuanban!;
    expect(articlePages(yuanban, 'choujian-2').length).toBeGreaterThan(0);
  });
});
