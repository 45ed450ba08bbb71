import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRedirects } from '../../src/lib/archive/content-dir.ts';
import { compareIssues } from '../../src/lib/navigation.ts';
import { checkArchive } from '../../src/lib/archive/check.ts';
import { formatProblem, formatProblems } from '../../src/lib/archive/problems.ts';
import { archiveWith, ISSUE_59, issue59With, SERIES_YAML } from '../support/fixtures.ts';

function messages(issues: Record<string, string>, seriesYaml?: string): string[] {
  return checkArchive(archiveWith(issues, seriesYaml)).problems.map(formatProblem);
}

describe('content check', () => {
  it('accepts the bundled archive', () => {
    const archive = checkArchive(archiveWith({ 'nlzf/2022/59.md': ISSUE_59 }));
    expect(archive.problems).toEqual([]);
    expect(archive.issues.map((i) => `${i.series.slug}/${i.year}/${i.slug}`)).toEqual(['nlzf/2022/59']);
    expect(archive.issues[0]!.sections.map((s) => s.articles.map((a) => `${a.id}:${a.kind}`))).toEqual([
      ['minqing:titled', 'choujian:titled'],
      ['guofang:lead', 'shici:lead', 'fangxun:lead'],
    ]);
  });

  it('reports YAML syntax errors with line and column', () => {
    expect(messages({ 'nlzf/2022/59.md': issue59With('number: 59', 'number: [59') })).toEqual([
      expect.stringMatching(
        /^content\/nlzf\/2022\/59\.md:\d+ {2}YAML \(column \d+\) {2}expected valid YAML, found .+ {2}→ correct the YAML syntax/,
      ),
    ]);
  });

  it('reports every wrong field at once, each with its line', () => {
    const text = issue59With('number: 59', 'number: "59"\nvolume: 3').replace('date: 2022-07-28', 'date: 2022-02-30');
    expect(messages({ 'nlzf/2022/59.md': text })).toEqual([
      'content/nlzf/2022/59.md:2  number  expected a positive whole number such as 59, found "59"  → correct the value of "number"',
      'content/nlzf/2022/59.md:3  volume  expected only the known fields of an issue, found an unknown field "volume"  → remove the field or correct its spelling (the README lists every field)',
      'content/nlzf/2022/59.md:4  date  expected a real calendar date written YYYY-MM-DD, found "2022-02-30"  → correct the value of "date"',
    ]);
  });

  it.each([
    [
      'reports a missing field',
      issue59With('date: 2022-07-28\n', ''),
      ['content/nlzf/2022/59.md:2  date  expected a date written YYYY-MM-DD, found nothing  → add the field "date"'],
    ],
    [
      'requires the front matter sections to equal the headings, in order',
      issue59With('  - 市局工作\n  - 学校动态', '  - 学校动态\n  - 市局工作'),
      [
        'content/nlzf/2022/59.md:26  heading  expected "## 学校动态", section 1 of the "sections" list (line 7), found "## 市局工作"  → make the "sections" list and the ## headings name the same sections in the same order',
        'content/nlzf/2022/59.md:46  heading  expected "## 市局工作", section 2 of the "sections" list (line 8), found "## 学校动态"  → make the "sections" list and the ## headings name the same sections in the same order',
      ],
    ],
    [
      'requires sections to be listed in the series record',
      issue59With('  - 学校动态', '  - 基层动态').replace('## 学校动态', '## 基层动态'),
      [
        'content/nlzf/2022/59.md:8  sections[1]  expected a section of the series (市局工作、学校动态), found "基层动态"  → add { name: 基层动态, slug: … } to nlzf/series.yaml, or correct the name',
      ],
    ],
    [
      'refuses articles outside a section in an issue with sections, and text outside an article',
      issue59With('## 市局工作\n', '前言。\n\n### 开篇 {#kaipian}\n\n正文。\n\n## 市局工作\n\n游离的一段。\n'),
      [
        'content/nlzf/2022/59.md:26  body  expected a section heading (## 〈name〉) or an article heading (###) before any text, found "前言。"  → add an article heading (### 〈title〉 {#id}) above the text',
        'content/nlzf/2022/59.md:32  heading  expected sections (##) for all articles of the issue, or for none, found articles before the first section "市局工作"  → add the section heading (## 〈name〉) above the first article, or remove every ## heading',
        'content/nlzf/2022/59.md:34  body  expected text inside an article (below a ### heading), found "游离的一段。"  → add an article heading (### 〈title〉 {#id}, or ### {#id} for an untitled item) above this text',
      ],
    ],
  ])('%s', (_rule, text, expected) => {
    expect(messages({ 'nlzf/2022/59.md': text })).toEqual(expected);
  });

  it('requires one well-formed, unique id per article', () => {
    const text = issue59With('{#choujian}', '{#minqing}')
      .replace(' {#guofang .lead}', ' {.lead}')
      .replace('{#shici .lead}', '{#Shi_ci .lead}');
    expect(messages({ 'nlzf/2022/59.md': text })).toEqual([
      'content/nlzf/2022/59.md:38  heading  expected article ids unique within the issue, found #minqing again (first at line 28)  → give this article an id of its own; keep the published one where it was',
      'content/nlzf/2022/59.md:48  heading  expected one article id in braces after the title, e.g. ### 标题 {#minqing}, found "国防教育，入脑入行。 {.lead}" without an id  → write one short ASCII id in braces at the end of the heading; never change an id once published',
      'content/nlzf/2022/59.md:52  heading  expected an article id of a-z, 0-9 and "-", starting with a letter (at most 32 characters), found "#Shi_ci"  → choose a short ASCII id such as "minqing" or "a3"',
    ]);
  });

  it('refuses empty sections', () => {
    const text = issue59With(/## 学校动态[\s\S]*$/, '## 学校动态\n');
    expect(messages({ 'nlzf/2022/59.md': text })).toEqual([
      'content/nlzf/2022/59.md:46  body  expected at least one article in section "学校动态", found an empty section  → add its articles (### 〈title〉 {#id}) or remove the section from the body and the "sections" list',
    ]);
  });

  it('requires the file name to agree with the number and the folder with the year', () => {
    expect(messages({ 'nlzf/2021/60.md': ISSUE_59 })).toEqual([
      'content/nlzf/2021/60.md:2  file name  expected 59.md for 第59期, found 60.md  → rename the file to 59.md, or correct "number"',
      'content/nlzf/2021/60.md:3  date  expected a date in 2021, the year of the folder, found 2022-07-28  → move the file to nlzf/2022/, or correct "date"',
    ]);
  });

  it('requires issue numbers unique within a series, per year where numbering restarts', () => {
    const combined = issue59With('number: 59', 'number: 58\nnumberEnd: 59');
    expect(messages({ 'nlzf/2022/59.md': ISSUE_59, 'nlzf/2022/58-59.md': combined })).toEqual([
      'content/nlzf/2022/59.md  number  expected a number not used by another issue of the series, found 第59期, also in content/nlzf/2022/58-59.md  → correct the number of one of the two issues',
    ]);
    const nextYear = issue59With('date: 2022-07-28', 'date: 2023-07-28');
    expect(messages({ 'nlzf/2022/59.md': ISSUE_59, 'nlzf/2023/59.md': nextYear })).toHaveLength(1);
    const yearly = SERIES_YAML.replace('numbering: continuous', 'numbering: yearly');
    expect(messages({ 'nlzf/2022/59.md': ISSUE_59, 'nlzf/2023/59.md': nextYear }, yearly)).toEqual([]);
  });

  it('checks the series record: schema, folder name, reserved paths', () => {
    expect(messages({ 'nlzf/2022/59.md': ISSUE_59 }, SERIES_YAML.replace('slug: nlzf', 'slug: search'))).toEqual([
      'content/nlzf/2022/59.md  series  expected a valid series record nlzf/series.yaml for this folder, found none  → add nlzf/series.yaml (slug, title, masthead, sections), or correct the one there',
      'content/nlzf/series.yaml:2  slug  expected a slug that is not one of the site\'s own paths (404, _astro, api, assets, feeds, pagefind, rss.xml, search, sections, site-map, sitemap-0.xml, sitemap-index.xml), found "search"  → correct the value of "slug"',
    ]);
    expect(messages({}, SERIES_YAML.replace('slug: nlzf', 'slug: other'))).toEqual([
      'content/nlzf/series.yaml:2  slug  expected the folder\'s name "nlzf", found "other"  → rename the folder to "other" or set slug: nlzf',
    ]);
  });

  it('refuses files in the wrong place and files without front matter', () => {
    expect(messages({ 'nlzf/59.md': ISSUE_59, 'nlzf/2022/60.md': '第60期\n' })).toEqual([
      'content/nlzf/2022/60.md:1  front matter  expected a front matter block between two "---" lines at the top of the file, found "第60期"  → start the file with "---", the issue fields (number, date, sections …), and "---"',
      'content/nlzf/59.md  file name  expected a series record <series>/series.yaml or an issue file <series>/<year>/<issue>.md, found a file at nlzf/59.md  → move the file to its place (see README, "Content layout") or remove it',
    ]);
  });

  it("requires images to exist in the issue's own folder", () => {
    const text = issue59With(
      '会后，楚惠东一行',
      '![座谈会](./59/zuotan.jpg)\n\n![](./59/missing.png)\n\n![](../2021/other.png) ![](https://example.org/a.png)\n\n会后，楚惠东一行',
    );
    const files = [...archiveWith({ 'nlzf/2022/59.md': text }), { path: 'nlzf/2022/59/zuotan.jpg', text: undefined }];
    expect(checkArchive(files).problems.map(formatProblem)).toEqual([
      'content/nlzf/2022/59.md:38  image  expected the image file nlzf/2022/59/missing.png, found no such file  → add the file, or correct its name in the issue file',
      'content/nlzf/2022/59.md:40  image  expected an image in the issue\'s folder nlzf/2022/59/, found "../2021/other.png"  → put the image in nlzf/2022/59/ and write ![说明](./59/文件名)',
    ]);
  });

  describe('the 原版 file beside an issue', () => {
    const digest = 'a'.repeat(64);
    const yuanban = (regions: string, extra = '') =>
      `{"digest": "${digest}", "pages": [{"width": 595, "height": 842}], "regions": [${regions}]${extra}}`;
    const region = (article: string, page = 1, y = 0.2) =>
      `{"article": "${article}", "page": ${page}, "x": 0.1, "y": ${y}, "width": 0.8, "height": 0.3}`;
    const withYuanban = (text: string, original = 'nlzf/2022/59/original.pdf') => [
      ...archiveWith({ 'nlzf/2022/59.md': ISSUE_59 }),
      { path: original, text: undefined },
      { path: 'nlzf/2022/59/yuanban.json', text },
    ];

    it('is read into the issue when it names its articles and pages', () => {
      const archive = checkArchive(withYuanban(yuanban(`${region('minqing')}, ${region('choujian', 1, 0.5)}`)));
      expect(archive.problems).toEqual([]);
      expect(archive.issues[0]!.yuanban).toMatchObject({ digest, pages: [{ width: 595, height: 842, turn: 0 }], unplaced: [] });
      expect(archive.issues[0]!.yuanban!.regions.map((r) => r.article)).toEqual(['minqing', 'choujian']);
    });

    it('names an article id or page it does not know, the line, and the command that remakes it', () => {
      const text = yuanban(`\n${region('minqing')},\n${region('gone')},\n${region('choujian', 2)}`, ', "unplaced": ["nope"]');
      expect(checkArchive(withYuanban(text)).problems.map(formatProblem)).toEqual([
        'content/nlzf/2022/59/yuanban.json:3  regions[1].article  expected the id of an article of the issue (minqing, choujian, guofang, shici, fangxun), found "gone"  → an article\'s id changed since the regions were made: remake it: npm run yuanban -- --force content/nlzf/2022/59.md',
        'content/nlzf/2022/59/yuanban.json:4  unplaced[0]  expected the id of an article of the issue (minqing, choujian, guofang, shici, fangxun), found "nope"  → an article\'s id changed since the regions were made: remake it: npm run yuanban -- --force content/nlzf/2022/59.md',
        'content/nlzf/2022/59/yuanban.json:4  regions[2]  expected a region inside one of the 1 pages, found page 2 at x 0.1, y 0.2, 0.8 × 0.3  → remake it: npm run yuanban -- --force content/nlzf/2022/59.md',
      ]);
    });

    it('refuses a file that is not valid, or without the original it was made from', () => {
      expect(checkArchive(withYuanban('{"digest": "x", "pages": []')).problems.map((p) => p.field)).toEqual([
        expect.stringMatching(/^YAML/),
      ]);
      expect(checkArchive(withYuanban(yuanban(region('minqing', 1, 1.5)))).problems.map((p) => `${p.field}: ${p.expected}`)).toEqual([
        'regions[0].y: Too big: expected number to be <=1',
      ]);
      expect(checkArchive(withYuanban(yuanban(region('minqing')), 'nlzf/2022/59/original.docx')).problems.map(formatProblem)).toEqual([
        'content/nlzf/2022/59/yuanban.json  file name  expected the original it was made from, original.pdf, beside it, found original.docx  → put original.pdf back beside it, or delete yuanban.json',
      ]);
    });

    it('keeps the id yuanban for the 原版 page, but lets an article published with it keep its URL', () => {
      const text = issue59With('{#choujian}', '{#yuanban}');
      const files = archiveWith({ 'nlzf/2022/59.md': text });
      expect(checkArchive(files).problems.map(formatProblem)).toEqual([
        expect.stringMatching(
          /^content\/nlzf\/2022\/59\.md:\d+ {2}heading {2}expected an article id other than yuanban: <issue URL>yuanban\/ is the address of the issue's printed pages \(原版\), found #yuanban {2}→ give the article another id, such as #a2$/u,
        ),
      ]);
      const ledger = { path: 'published-urls.txt', text: '/nlzf/2022/59/\n/nlzf/2022/59/yuanban/\n' };
      const published = checkArchive([
        ...files,
        ledger,
        { path: 'nlzf/2022/59/original.pdf', text: undefined },
        { path: 'nlzf/2022/59/yuanban.json', text: yuanban(region('minqing')) },
      ]);
      expect(published.problems).toEqual([]);
      expect(published.issues[0]!.yuanban).toBeUndefined();
      expect(published.notices).toEqual([
        'content/nlzf/2022/59.md: the article #yuanban was published before that id was kept for the printed pages (原版); its URL stays, and this issue has no 原版 page',
      ]);
    });
  });

  it('reads CRLF files with a BOM the same as LF files', () => {
    const crlf = `\uFEFF${ISSUE_59.replace(/\n/g, '\r\n')}`;
    const archive = checkArchive(archiveWith({ 'nlzf/2022/59.md': crlf }));
    expect(archive.problems).toEqual([]);
    expect(archive.issues[0]!.sections[1]!.articles[1]!.printedTitle).toBe('重温誓词，不忘初心。');
  });

  it('sums up every problem of every file', () => {
    const broken = checkArchive(archiveWith({ 'nlzf/2022/59.md': issue59With('number: 59', 'number: x'), 'nlzf/2022/60.md': '' }));
    expect(formatProblems(broken.problems).split('\n').at(-1)).toBe('2 problems in 2 files');
  });
});

describe('content check: issues of other layouts', () => {
  const SECTIONLESS = [
    '---',
    'number: 3',
    'numberLabel: 2024年第3期（总第128期）',
    'totalNumber: 128',
    'date: 2024-03-12',
    'dateLabel: 二〇二四年三月十二日',
    'officeRole: 主办',
    'credits:',
    '  - （责任编辑：李华）',
    'distribution:',
    '  - label: 主送',
    '    recipients: [区委办公室, 区政府办公室]',
    '    printedAs: 区委办公室，区政府办公室',
    '---',
    '',
    '> 编者按：现将做法刊发。',
    '',
    '### 区教育局召开会议 {#a1}',
    '',
    '会议部署了工作。',
    '',
    '（区教育局） {.source}',
    '',
    '### {#a2}',
    '',
    '★3月5日，某小学开展活动。',
    '',
  ].join('\n');
  const series = 'slug: nlzf\ntitle: 某区教育工作简报\nmasthead: [某区教育工作简报]\nnumbering: yearly\n';

  it('accepts an issue without sections, with notes, sources, credits and printed forms', () => {
    const archive = checkArchive(archiveWith({ 'nlzf/2024/3.md': SECTIONLESS }, series));
    expect(archive.problems.map(formatProblem)).toEqual([]);
    const [run] = archive.issues[0]!.sections;
    expect(run!.name).toBe('');
    expect(run!.articles.map((a) => [a.id, a.note, a.noteBefore, a.source, a.blocks])).toEqual([
      ['a1', '编者按：现将做法刊发。', true, '（区教育局）', ['会议部署了工作。']],
      ['a2', undefined, false, undefined, ['★3月5日，某小学开展活动。']],
    ]);
  });

  it('says where printed forms disagree with the fields, a label keeps its colon or a source is not last', () => {
    const misplaced =
      'content/nlzf/2024/3.md:22  body  expected one source paragraph ({.source}) as the last paragraph of its article, found "（区教育局） {.source}"  → move the source to the end of its article, or drop {.source}';
    const text = SECTIONLESS.replace('numberLabel: 2024年第3期', 'numberLabel: 2024年第4期')
      .replace('dateLabel: 二〇二四年三月十二日', 'dateLabel: 二〇二四年三月十三日')
      .replace('printedAs: 区委办公室，区政府办公室', 'printedAs: 区委办公室')
      .replace('（区教育局） {.source}', '（区教育局） {.source}\n\n又一段。');
    // A wrong front-matter field does not hide the problems of the body.
    expect(messages({ 'nlzf/2024/3.md': text.replace('label: 主送', 'label: 主送：') }, series)).toEqual([
      'content/nlzf/2024/3.md:11  distribution[0].label  expected the label without its colon (送, not 送：): the site prints the colon, found "主送："  → correct the value of "distribution[0].label"',
      misplaced,
    ]);
    expect(messages({ 'nlzf/2024/3.md': text }, series)).toEqual([
      'content/nlzf/2024/3.md:3  numberLabel  expected the number as printed, saying 第3期（总第128期） in 2024, found "2024年第4期（总第128期）"  → correct numberLabel, or number / numberEnd / supplement / totalNumber, so that they agree',
      'content/nlzf/2024/3.md:6  dateLabel  expected the date 2024-03-12 as printed (2022年7月28日 or 二〇二二年七月二十八日), found "二〇二四年三月十三日"  → correct dateLabel or the date beside it, so that they name the same day',
      'content/nlzf/2024/3.md:13  distribution[0].printedAs  expected the recipients as printed, listing 区委办公室、区政府办公室, found "区委办公室"  → make printedAs and recipients name the same recipients in the same order, or remove printedAs',
      misplaced,
    ]);
  });

  it('points at the heading that disagrees with the sections list, and says to drop brackets', () => {
    expect(messages({ 'nlzf/2022/59.md': issue59With('## 市局工作', '## 【市局工作】') })).toEqual([
      'content/nlzf/2022/59.md:26  heading  expected the section name without its brackets, found "## 【市局工作】"  → write "## 市局工作" (the site prints the 【】)',
    ]);
    expect(messages({ 'nlzf/2022/59.md': issue59With('## 学校动态', '## 学校新闻') })).toEqual([
      'content/nlzf/2022/59.md:46  heading  expected "## 学校动态", section 2 of the "sections" list (line 8), found "## 学校新闻"  → make the "sections" list and the ## headings name the same sections in the same order',
    ]);
  });
});

describe('one order of issues, one reading of redirects', () => {
  it('orders issues of a day as the site does: regular issues before supplements', () => {
    const supplement = issue59With('number: 59', 'number: 1\nsupplement: true');
    const archive = checkArchive(archiveWith({ 'nlzf/2022/zk1.md': supplement, 'nlzf/2022/59.md': ISSUE_59 }));
    expect(archive.problems).toEqual([]);
    expect(archive.issues.map((issue) => issue.slug)).toEqual(['59', 'zk1']);
    expect(
      archive.issues
        .map((issue) => issue.data)
        .sort(compareIssues)
        .map((data) => data.number),
    ).toEqual([59, 1]);
  });
  it('refuses an invalid redirects.yaml where the redirect pages read it, with the content check’s own problems', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jianbao-redirects-'));
    writeFileSync(path.join(dir, 'redirects.yaml'), '- from: /nlzf/2022/59/old/\n');
    const problem = '[0].to  expected a site path such as /nlzf/2022/59/minqing/, found nothing  → add the field "[0].to"';
    expect(checkArchive([{ path: 'redirects.yaml', text: '- from: /nlzf/2022/59/old/\n' }]).problems.map(formatProblem)).toEqual([
      `content/redirects.yaml:1  ${problem}`,
    ]);
    expect(() => readRedirects(dir)).toThrow(`redirects.yaml:1  ${problem}`);
  });
});

describe('every problem of a file at once', () => {
  it('lists the body’s problems beside a wrong front-matter field', () => {
    const text = issue59With('number: 59', 'number: fifty-nine').replace('{#choujian}', '{#minqing}');
    expect(messages({ 'nlzf/2022/59.md': text })).toEqual([
      'content/nlzf/2022/59.md:2  number  expected a positive whole number such as 59, found "fifty-nine"  → correct the value of "number"',
      'content/nlzf/2022/59.md:38  heading  expected article ids unique within the issue, found #minqing again (first at line 28)  → give this article an id of its own; keep the published one where it was',
    ]);
  });
});
