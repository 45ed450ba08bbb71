import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/lib/import/decode.ts';
import { recognizeBulletin, type Recognition } from '../../src/lib/import/recognize/index.ts';
import { SEED_59 } from '../support/fixtures.ts';

/** What a recognition says about the body and closing block, for comparing two readings of one bulletin. */
function structure(recognition: Recognition) {
  const { issue } = recognition;
  return {
    sections: issue.sections.map((s) => ({
      name: s.name,
      articles: s.articles.map((a) => ({ kind: a.kind, title: a.title, paragraphs: a.paragraphs })),
    })),
    distribution: issue.distribution,
    printed: issue.printed,
  };
}

const seed = recognizeBulletin(SEED_59);
const SEED_STRUCTURE = structure(seed);
const paragraphs = SEED_STRUCTURE.sections.flatMap((s) => s.articles.flatMap((a) => a.paragraphs));

/** The seed's lines with the masthead replaced. */
function withMasthead(masthead: string): string {
  return SEED_59.replace(/^[\s\S]*?2022年7月28日\n/, masthead);
}

describe('recognising the seed (第59期)', () => {
  it('finds the masthead', () => {
    expect(seed.issue).toMatchObject({
      classification: '内部刊物 注意保存',
      mastheadLines: ['郑州市教育局“能力作风建设年”活动', '简 报'],
      number: 59,
      supplement: false,
      office: '领导小组办公室',
      date: '2022-07-28',
    });
  });
  it('finds both sections, two titled and three lead-phrase articles, with page breaks healed', () => {
    expect(SEED_STRUCTURE.sections.map((s) => [s.name, s.articles.map((a) => `${a.kind}:${a.title}`)])).toEqual([
      ['市局工作', ['titled:郑州市教育局开展“一把手”民情体验活动', 'titled:市教育局联合多部门突击抽检校外培训机构疫情防控工作']],
      ['学校动态', ['lead:国防教育，入脑入行。', 'lead:重温誓词，不忘初心。', 'lead:校园防汛，尽显担当。']],
    ]);
    expect(paragraphs).toHaveLength(10);
    expect(paragraphs[1]).toContain('我市是全国九个“双减”工作试点城市之一');
    expect(paragraphs[4]).toContain('7月26日上午，市教育局联合');
    expect(paragraphs[9]).toContain('学校领导班子带领党员干部');
    expect(seed.decisions.filter((d) => d.startsWith('joined a paragraph split by a page break'))).toHaveLength(3);
    expect(seed.warnings).toEqual([]);
    expect(seed.unplaced).toEqual([]);
  });
  it('reads the closing block with its wrapped line, and the print line', () => {
    expect(SEED_STRUCTURE.distribution).toEqual([
      { label: '报', recipients: ['市“能力作风建设年”活动领导小组办公室'] },
      { label: '送', recipients: ['市教育局“能力作风建设年”活动领导小组领导'] },
      { label: '发', recipients: ['局直属学校（单位）党组织', '市属各民办学校党组织', '市教育局机关各党支部'] },
    ]);
    expect(SEED_STRUCTURE.printed).toEqual({ by: '郑州市教育局“能力作风建设年”活动领导小组办公室', date: '2022-07-28' });
  });
});

describe('recognising the same bulletin in other forms', () => {
  it('CRLF line ends and a BOM', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${SEED_59.replace(/\n/g, '\r\n')}`);
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe('utf-8');
    expect(structure(recognizeBulletin(text))).toEqual(SEED_STRUCTURE);
  });
  it('GB18030 (GBK) bytes', () => {
    const { text, encoding } = decodeText(iconv.encode(SEED_59.replace(/\n/g, '\r\n'), 'gb18030'));
    expect(encoding).toBe('gb18030');
    expect(structure(recognizeBulletin(text))).toEqual(SEED_STRUCTURE);
  });
  it('ASCII punctuation in the masthead and closing block', () => {
    const text = SEED_59.replace('第59期', '第59期(总第120期)').replace('报：', '报:').replace('发：', '发: ');
    const recognition = recognizeBulletin(text);
    expect(recognition.issue.totalNumber).toBe(120);
    expect(structure(recognition)).toEqual(SEED_STRUCTURE);
  });
  it('the spacing PDF extraction leaves: 第 59 期, 2022 年 7 月 28 日, letter-spaced titles', () => {
    const text = withMasthead(
      '内部刊物  注意保存\n\n郑 州 市 教 育 局 “能力作风建设年” 活 动\n\n简    报\n\n第 59 期\n\n领导小组办公室\n\n2022 年 7 月 28 日\n',
    );
    const recognition = recognizeBulletin(text);
    expect(recognition.issue).toMatchObject({ number: 59, date: '2022-07-28', office: '领导小组办公室' });
    expect(recognition.issue.mastheadLines).toEqual(['郑 州 市 教 育 局 “能力作风建设年” 活 动', '简    报']);
    expect(structure(recognition)).toEqual(SEED_STRUCTURE);
  });
  it('page breaks moved elsewhere, with page-number lines', () => {
    const text = SEED_59.replace('我市是全\n\n国九个', '我市是全国九个')
      .replace('郑州师范学院附属小学，围绕', '郑州师范学院附属\n\n— 2 —\n\n小学，围绕')
      .replace('严格落实《校外培训', '严格落实《校外\n\n- 3 -\n\n培训');
    const recognition = recognizeBulletin(text);
    expect(structure(recognition)).toEqual(SEED_STRUCTURE);
    expect(recognition.decisions).toContain('dropped 2 page-number lines');
  });
  it('hard-wrapped paragraphs (blank lines between paragraphs)', () => {
    const wrapped = SEED_59.split('\n\n')
      .map((block) => (block.length > 40 ? (block.match(/[\s\S]{1,28}/g) ?? []).join('\n') : block))
      .join('\n\n');
    expect(structure(recognizeBulletin(wrapped))).toEqual(SEED_STRUCTURE);
  });
  it('one paragraph a line, no blank lines (as Word gives it)', () => {
    const compact = SEED_59.replace(/\n+/g, '\n');
    expect(structure(recognizeBulletin(compact))).toEqual(SEED_STRUCTURE);
  });
  it('a title printed over two lines, in both layouts', () => {
    const twoLines = SEED_59.replace('郑州市教育局开展“一把手”民情体验活动', '郑州市教育局开展“一把手”\n民情体验活动');
    expect(structure(recognizeBulletin(twoLines))).toEqual(SEED_STRUCTURE);
    expect(structure(recognizeBulletin(twoLines.replace(/\n+/g, '\n')))).toEqual(SEED_STRUCTURE);
  });
});

/** A small hand-written bulletin around a body. */
function bulletin(masthead: string, body: string, closing: string): string {
  return `${masthead}\n\n${body}\n\n${closing}\n`;
}
const BODY = '【工作动态】\n\n区教育局召开会议\n\n会议部署了工作。';

describe('recognising other mastheads and closing blocks', () => {
  it('内部资料 注意保管, a combined issue, office and date on one line', () => {
    const r = recognizeBulletin(
      bulletin('内部资料 注意保管\n\n某区教育工作\n\n简报\n\n第12-13期\n\n区教育局办公室          2023年3月15日', BODY, '发：各中小学校'),
    );
    expect(r.issue).toMatchObject({
      classification: '内部资料 注意保管',
      mastheadLines: ['某区教育工作', '简报'],
      number: 12,
      numberEnd: 13,
      office: '区教育局办公室',
      date: '2023-03-15',
    });
  });
  it('a supplement and a running total on its own line', () => {
    const r = recognizeBulletin(bulletin('教育简报\n\n增刊第2期\n\n（总第88期）\n\n2023年1月5日', BODY, ''));
    expect(r.issue).toMatchObject({ supplement: true, number: 2, totalNumber: 88, date: '2023-01-05' });
    expect(r.issue.office).toBeUndefined();
  });
  it('抄送 with wrapped continuation lines, and 共印N份 on the print line or its own line', () => {
    const closing =
      '报：市委办公室、市政府办公室\n抄送：各县（市、区）教育局，\n各直属学校、\n各民办学校\n区教育局办公室 2023年3月15日印发（共印120份）';
    const r = recognizeBulletin(bulletin('教育简报\n\n第3期\n\n2023年3月15日', BODY, closing));
    expect(r.issue.distribution).toEqual([
      { label: '报', recipients: ['市委办公室', '市政府办公室'] },
      {
        label: '抄送',
        recipients: ['各县（市、区）教育局', '各直属学校', '各民办学校'],
        printedAs: '各县（市、区）教育局，各直属学校、各民办学校',
      },
    ]);
    expect(r.issue.printed).toEqual({ by: '区教育局办公室', date: '2023-03-15', copies: 120 });
    const separate = recognizeBulletin(
      bulletin('教育简报\n\n第3期\n\n2023年3月15日', BODY, '报：市委办公室    送：市政府办公室\n2023年3月15日印发\n(共印 80 份)'),
    );
    expect(separate.issue.distribution.map((d) => d.label)).toEqual(['报', '送']);
    expect(separate.issue.printed).toEqual({ date: '2023-03-15', copies: 80 });
  });
  it('items with no title, and text that looks like markup', () => {
    const body = '【简讯】\n\n某小学举行冬季长跑比赛，全校师生踊跃参加。\n\n比赛设<男子组>与<女子组>，A&B 两队并列第一。';
    const r = recognizeBulletin(bulletin('教育简报\n\n第4期\n\n2023年3月20日', body, ''));
    expect(r.issue.sections[0]!.articles).toEqual([
      {
        kind: 'untitled',
        title: '',
        paragraphs: ['某小学举行冬季长跑比赛，全校师生踊跃参加。', '比赛设<男子组>与<女子组>，A&B 两队并列第一。'],
      },
    ]);
    expect(r.warnings).toEqual(['line 9: an item without a title in 【简讯】: "某小学举行冬季长跑比赛，全校师生…"']);
  });
  it('keeps a lead-like sentence inside a titled article, and says so', () => {
    const body = '【工作动态】\n\n区教育局召开会议\n\n会议部署了工作。\n\n会议强调，要抓落实。各校要认真执行。';
    const r = recognizeBulletin(bulletin('教育简报\n\n第5期\n\n2023年3月21日', body, ''));
    expect(r.issue.sections[0]!.articles).toHaveLength(1);
    expect(r.warnings).toEqual([
      'line 13: "会议强调，要抓落实。" starts like a lead phrase but follows a titled article; kept as a paragraph of "区教育局召开会议"',
    ]);
  });
});

describe('bulletins that cannot be imported', () => {
  it.each([
    ['', 'no text at all'],
    [
      '某某简报\n\n2022年7月28日\n\n【工作】\n\n正文。',
      'no issue number (第N期, 2024年第3期, 第12-13期 or 增刊) in the first lines of the masthead',
    ],
    [
      '某某简报\n\n第5期\n\n【工作】\n\n正文。',
      'no issue date (2022年7月28日 or 二〇二二年七月二十八日) under the issue number in the masthead',
    ],
    ['某某简报\n\n第5期\n\n2022年7月28日\n\n【工作】', 'no article in the body under the masthead'],
  ])('%j → %s', (text, message) => {
    expect(() => recognizeBulletin(text)).toThrow(message);
  });
});
