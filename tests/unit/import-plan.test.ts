import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, ImageRun, Packer, Paragraph } from 'docx';
import iconv from 'iconv-lite';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/lib/archive/check.ts';
import { readContentFiles } from '../../src/lib/archive/content-dir.ts';
import { importAll, importOne, type ImportOutcome } from '../../src/lib/import/run-import.ts';
import { ISSUE_59, SEED_59, SERIES_YAML } from '../support/fixtures.ts';

let work: string;
let out: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'jianbao-import-'));
  out = path.join(work, 'content');
});

function input(name: string, data: string | Uint8Array): string {
  const file = path.join(work, 'inbox', name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, data);
  return file;
}

function withBundledSeries() {
  mkdirSync(path.join(out, 'nlzf'), { recursive: true });
  writeFileSync(path.join(out, 'nlzf/series.yaml'), SERIES_YAML);
}

function ok(outcome: ImportOutcome) {
  if ('error' in outcome) throw new Error(`import failed: ${outcome.error}`);
  return outcome;
}

/** The parsed structure of an issue file, without article ids. */
async function structureOf(dir: string, file: string) {
  const archive = checkArchive(await readContentFiles(dir));
  expect(archive.problems).toEqual([]);
  const issue = archive.issues.find((i) => i.file.endsWith(file))!;
  return {
    data: issue.data,
    sections: issue.sections.map((s) => ({
      name: s.name,
      articles: s.articles.map(({ kind, printedTitle, blocks }) => ({ kind, printedTitle, blocks })),
    })),
  };
}

describe('importing the seed', () => {
  it('gives the same issue as the hand-checked 第59期, ids aside', async () => {
    withBundledSeries();
    const outcome = ok(await importOne(input('59.txt', SEED_59), { out, dryRun: false, force: false }));
    expect(outcome.output.endsWith('nlzf/2022/59.md')).toBe(true);
    expect(outcome.warnings).toEqual([]);
    const handChecked = mkdtempSync(path.join(tmpdir(), 'jianbao-hand-'));
    mkdirSync(path.join(handChecked, 'nlzf/2022'), { recursive: true });
    writeFileSync(path.join(handChecked, 'nlzf/series.yaml'), SERIES_YAML);
    writeFileSync(path.join(handChecked, 'nlzf/2022/59.md'), ISSUE_59);
    expect(await structureOf(out, 'nlzf/2022/59.md')).toEqual(await structureOf(handChecked, 'nlzf/2022/59.md'));
    expect(readFileSync(path.join(out, 'nlzf/2022/59/original.txt'), 'utf8')).toBe(SEED_59);
  });

  it('reports the issue as the --json line describes it', async () => {
    withBundledSeries();
    const outcome = ok(await importOne(input('59.txt', SEED_59), { out, dryRun: true, force: false }));
    expect(outcome.issue).toEqual({
      number: 59,
      date: '2022-07-28',
      classification: '内部刊物 注意保存',
      office: '领导小组办公室',
      seriesTitle: '郑州市教育局“能力作风建设年”活动简报',
      sections: [
        {
          name: '市局工作',
          articles: [
            { id: 'a1', kind: 'titled', title: '郑州市教育局开展“一把手”民情体验活动' },
            { id: 'a2', kind: 'titled', title: '市教育局联合多部门突击抽检校外培训机构疫情防控工作' },
          ],
        },
        {
          name: '学校动态',
          articles: [
            { id: 'a3', kind: 'lead', title: '国防教育，入脑入行' },
            { id: 'a4', kind: 'lead', title: '重温誓词，不忘初心' },
            { id: 'a5', kind: 'lead', title: '校园防汛，尽显担当' },
          ],
        },
      ],
      distribution: [
        { label: '报', recipients: ['市“能力作风建设年”活动领导小组办公室'] },
        { label: '送', recipients: ['市教育局“能力作风建设年”活动领导小组领导'] },
        { label: '发', recipients: ['局直属学校（单位）党组织', '市属各民办学校党组织', '市教育局机关各党支部'] },
      ],
      printed: { by: '郑州市教育局“能力作风建设年”活动领导小组办公室', date: '2022-07-28' },
    });
    expect(outcome.written).toBe(false);
    expect(existsSync(path.join(out, 'nlzf/2022'))).toBe(false);
  });

  it('writes a new series record from the masthead when none matches', async () => {
    const outcome = ok(await importOne(input('59.txt', iconv.encode(SEED_59, 'gbk')), { out, dryRun: false, force: false }));
    expect(outcome.decisions).toContain(
      `new series record ${path.relative(process.cwd(), out)}/zzsjyjnl/series.yaml (slug "zzsjyjnl") made from the masthead`,
    );
    const series = readFileSync(path.join(out, 'zzsjyjnl/series.yaml'), 'utf8');
    expect(series).toContain('title: 郑州市教育局“能力作风建设年”活动简报');
    expect(series).toContain('  - name: 市局工作\n    slug: shijugongzuo');
    await structureOf(out, 'zzsjyjnl/2022/59.md');
    // The GBK original is kept as the same text in UTF-8, marked so for browsers.
    expect(outcome.decisions).toContain('kept the GB18030 original as UTF-8 (with a byte-order mark), so that browsers show it right');
    expect(readFileSync(path.join(out, 'zzsjyjnl/2022/59/original.txt'), 'utf8')).toBe(`\uFEFF${SEED_59}`);
  });

  it('adds new sections to an existing series record, keeping its comments', async () => {
    withBundledSeries();
    const text = SEED_59.replace('【学校动态】', '【基层动态】');
    const outcome = ok(await importOne(input('59.txt', text), { out, dryRun: false, force: false, series: 'nlzf' }));
    expect(outcome.decisions.at(-1)).toMatch(/sections added to .*nlzf\/series\.yaml: 基层动态 \(jicengdongtai\)$/);
    const series = readFileSync(path.join(out, 'nlzf/series.yaml'), 'utf8');
    expect(series.startsWith('# Series record: one per bulletin title.')).toBe(true);
    expect(series).toContain('  - name: 基层动态\n    slug: jicengdongtai');
  });

  it('never overwrites an issue unless forced, and then keeps the old file outside the content folder', async () => {
    withBundledSeries();
    const file = input('59.txt', SEED_59);
    ok(await importOne(file, { out, dryRun: false, force: false }));
    const again = await importOne(file, { out, dryRun: false, force: false });
    expect(again).toEqual({
      source: file,
      error: `${path.relative(process.cwd(), out)}/nlzf/2022/59.md exists already; --force replaces it and keeps the old file as a backup outside the content folder`,
    });
    writeFileSync(path.join(out, 'nlzf/2022/59.md'), ISSUE_59);
    const forced = ok(await importOne(file, { out, dryRun: false, force: true, now: new Date('2026-01-02T03:04:05Z') }));
    expect(forced.backup).toBe(path.relative(process.cwd(), path.join(work, '.import-backups/2026-01-02T03-04-05-000Z/nlzf/2022/59.md')));
    expect(readFileSync(path.join(work, '.import-backups/2026-01-02T03-04-05-000Z/nlzf/2022/59.md'), 'utf8')).toBe(ISSUE_59);
    expect(readFileSync(path.join(out, 'nlzf/2022/59.md'), 'utf8')).toContain('{#a1}');
  });

  it('keeps < > & as text in the written file', async () => {
    const text = SEED_59.replace('会后，楚惠东一行', '会后<script>alert(1)</script>&amp; *楚惠东* 一行');
    ok(await importOne(input('59.txt', text), { out, dryRun: false, force: false }));
    const markdown = readFileSync(path.join(out, 'zzsjyjnl/2022/59.md'), 'utf8');
    expect(markdown).toContain('会后\\<script\\>alert(1)\\</script\\>\\&amp; \\*楚惠东\\* 一行');
    const { sections } = await structureOf(out, 'zzsjyjnl/2022/59.md');
    expect(sections[0]!.articles[0]!.blocks[3]).toBe(
      '会后<script>alert(1)</script>&amp; *楚惠东* 一行还深入郑州师范学院附属小学少年农科院、美好阅读中心和致远楼功能教室等地进行实地调研。',
    );
  });
});

describe('importing a back catalogue in one run', () => {
  it('plans every file against the archive read once, so issues of the same run see each other', async () => {
    const first = input('a/59.txt', SEED_59);
    const second = input('b/59.txt', SEED_59.replace('第59期', '第60期').replace(/2022年7月28日/g, '2022年8月4日'));
    const again = input('c/59.txt', SEED_59);
    const outcomes = await importAll([first, second, again], { out, dryRun: false, force: false });
    expect(outcomes.map((outcome) => ('error' in outcome ? outcome.error.split('; ')[0] : outcome.output))).toEqual([
      path.relative(process.cwd(), path.join(out, 'zzsjyjnl/2022/59.md')),
      path.relative(process.cwd(), path.join(out, 'zzsjyjnl/2022/60.md')),
      `${path.relative(process.cwd(), out)}/zzsjyjnl/2022/59.md exists already`,
    ]);
    // The second issue went into the series record the first one created.
    expect(readdirSync(out)).toEqual(['zzsjyjnl']);
    expect(checkArchive(await readContentFiles(out)).problems).toEqual([]);
  });
});

describe('importing old Word files', () => {
  const DOC = new Uint8Array(readFileSync(new URL('../fixtures/word/nlzf-2022-59.doc', import.meta.url)));
  async function handChecked() {
    const dir = mkdtempSync(path.join(tmpdir(), 'jianbao-hand-'));
    mkdirSync(path.join(dir, 'nlzf/2022'), { recursive: true });
    writeFileSync(path.join(dir, 'nlzf/series.yaml'), SERIES_YAML);
    writeFileSync(path.join(dir, 'nlzf/2022/59.md'), ISSUE_59);
    return structureOf(dir, 'nlzf/2022/59.md');
  }
  // 第59期 saved as Word 97–2003 by LibreOffice; WPS Office saves .wps in the same format.
  it.each(['59.doc', '59.wps'])('%s gives the hand-checked 第59期, curly quotes and all, and keeps the original', async (name) => {
    withBundledSeries();
    const outcome = ok(await importOne(input(name, DOC), { out, dryRun: false, force: false }));
    expect(outcome.warnings).toEqual([]);
    expect(await structureOf(out, 'nlzf/2022/59.md')).toEqual(await handChecked());
    expect(readFileSync(path.join(out, `nlzf/2022/59/original${path.extname(name)}`))).toEqual(Buffer.from(DOC));
  });
  it('refuses a .wps it cannot read, saying how to fix it, and writes nothing', async () => {
    const file = input('old.wps', new Uint8Array(4096).fill(7));
    expect(await importOne(file, { out, dryRun: false, force: false })).toEqual({
      source: file,
      error:
        'the .wps file could not be read as a Word 97–2003 document (Unable to read this type of file): open it in WPS Office and save it as Word (.docx), then import that',
    });
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});

describe('importing Word files', () => {
  it('reads paragraphs and keeps images beside the issue, referenced from their article', async () => {
    // A 1×1 PNG.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const lines = SEED_59.split('\n').filter((line) => line.trim());
    const children = lines.flatMap((line) => {
      const paragraph = new Paragraph(line);
      // A photo under the 垌头村 article, as bulletins print them.
      return line.startsWith('重温誓词')
        ? [paragraph, new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: 40, height: 30 } })] })]
        : [paragraph];
    });
    const docx = await Packer.toBuffer(new Document({ sections: [{ children }] }));
    withBundledSeries();
    const outcome = ok(await importOne(input('59.docx', new Uint8Array(docx)), { out, dryRun: false, force: false }));
    expect(readdirSync(path.join(out, 'nlzf/2022/59')).sort()).toEqual(['image1.png', 'original.docx']);
    const markdown = readFileSync(path.join(out, 'nlzf/2022/59.md'), 'utf8');
    expect(markdown).toMatch(/### 重温誓词，不忘初心。 \{#a4 \.lead\}\n\n为更好发挥[^\n]*\n\n!\[\]\(\.\/59\/image1\.png\)\n\n### 校园防汛/);
    expect(outcome.issue.sections.flatMap((s) => s.articles.map((a) => a.kind))).toEqual(['titled', 'titled', 'lead', 'lead', 'lead']);
  });
});

describe('inputs that cannot be imported', () => {
  it.each([
    ['empty.txt', '', 'the file is empty'],
    [
      'binary.txt',
      new Uint8Array([0, 1, 2, 3, 255, 0, 7]),
      'the file is not text (it holds binary data); expected a bulletin as UTF-8 or GB18030 text',
    ],
    ['notes.rtf', '{\\rtf1 第59期}', 'unsupported file type ".rtf": expected .txt, .docx, .doc, .wps, .pdf'],
    ['broken.docx', 'PK not really a zip', 'not a readable Word .docx file'],
    ['broken.pdf', '%PDF-1.7 truncated', 'not a readable PDF'],
    [
      'no-number.txt',
      SEED_59.replace('第59期', ''),
      'no issue number (第N期, 2024年第3期, 第12-13期 or 增刊) in the first lines of the masthead',
    ],
    [
      'no-date.txt',
      SEED_59.replace('2022年7月28日\n\n【市局工作】', '【市局工作】'),
      'no issue date (2022年7月28日 or 二〇二二年七月二十八日) under the issue number in the masthead',
    ],
  ])('%s fails with a clear message and writes nothing', async (name, data, message) => {
    const outcome = await importOne(input(name, data), { out, dryRun: false, force: false });
    expect('error' in outcome && outcome.error).toContain(message);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('refuses a huge file unread', async () => {
    const outcome = await importOne(input('huge.txt', new Uint8Array(50 * 1024 * 1024).fill(0x41)), { out, dryRun: false, force: false });
    expect(outcome).toEqual({
      source: path.join(work, 'inbox/huge.txt'),
      error: 'too large (50.0 MB): a bulletin file is at most 30 MB; import its text or a smaller export',
    });
  });

  it('reads a long odd text without hanging: one huge line, thousands of sections, deep brackets', async () => {
    const odd = ['第1期\n2022年1月1日\n' + '【'.repeat(5000), '第1期\n2022年1月1日\n' + '【栏目】\n'.repeat(20000), 'x'.repeat(3_000_000)];
    const outcomes = [];
    for (const [index, text] of odd.entries())
      outcomes.push(await importOne(input(`odd${index}.txt`, text), { out, dryRun: true, force: false }));
    expect(outcomes.map((outcome) => ('error' in outcome ? outcome.error : outcome.output))).toEqual([
      'no series title above the issue number, so no series to import into: name one with --series SLUG',
      'no article in the body under the masthead',
      'no issue number (第N期, 2024年第3期, 第12-13期 or 增刊) in the first lines of the masthead',
    ]);
  }, 60_000);

  it('names a missing file', async () => {
    expect(await importOne(path.join(work, 'nope.txt'), { out, dryRun: false, force: false })).toEqual({
      source: path.join(work, 'nope.txt'),
      error: 'no such file',
    });
  });
});
