import { describe, expect, it } from 'vitest';
import { parseChineseDate } from '../../src/lib/dates.ts';
import { parsePrintedNumber } from '../../src/lib/issue-number.ts';
import { numeralValue } from '../../src/lib/numerals.ts';
import { contentsLength, lineRole, readMarker, wrapWidth } from '../../src/lib/import/recognize/blocks.ts';
import { splitRecipients } from '../../src/lib/archive/print-text.ts';
import { recognizeBulletin } from '../../src/lib/import/recognize/index.ts';
import { toLines } from '../../src/lib/import/recognize/lines.ts';
import { bracketedName } from '../../src/lib/import/recognize/patterns.ts';
import { importTarget } from '../../src/lib/import/import-target.ts';
import { planImport } from '../../src/lib/import/plan-import.ts';
import { SEED_59 } from '../support/fixtures.ts';

// One rule at a time, each with the smallest input that shows it.

describe('numbers and dates as printed', () => {
  it.each([
    ['59', 59],
    ['５９', 59],
    ['二〇二四', 2024],
    ['一〇七', 107],
    ['十', 10],
    ['十八', 18],
    ['二十四', 24],
    ['一百零五', 105],
    ['一百二十八', 128],
    ['两百', 200],
  ])('%s is %i', (text, value) => expect(numeralValue(text)).toBe(value));
  it('refuses what is no number', () => {
    expect([numeralValue('十十'), numeralValue('百十'), numeralValue('一二十'), numeralValue('期')]).toEqual([NaN, NaN, NaN, NaN]);
  });
  it.each([
    ['第59期', { supplement: false, number: 59 }],
    ['第 59 期', { supplement: false, number: 59 }],
    ['（第3期）', { supplement: false, number: 3 }],
    ['第五十九期', { supplement: false, number: 59 }],
    ['第12-13期', { supplement: false, number: 12, numberEnd: 13 }],
    ['增刊', { supplement: true }],
    ['增刊第2期', { supplement: true, number: 2 }],
    ['第3期 总第57期', { supplement: false, number: 3, totalNumber: 57 }],
    ['第3期（总第128期）', { supplement: false, number: 3, totalNumber: 128 }],
    ['2024年第3期（总第128期）', { supplement: false, year: 2024, number: 3, totalNumber: 128 }],
  ])('the number line %s', (text, number) => expect(parsePrintedNumber(text)).toEqual(number));
  it('finds no number in a title that mentions one', () => {
    expect([parsePrintedNumber('第59期培训班开班'), parsePrintedNumber('第0期'), parsePrintedNumber('总第5期')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
  it.each([
    ['2022年7月28日', '2022-07-28'],
    ['2022 年 7 月 28 日', '2022-07-28'],
    ['2022年07月08日', '2022-07-08'],
    ['二〇二四年三月十二日', '2024-03-12'],
    ['二0二四年三月十二日', '2024-03-12'],
    ['二〇二四年十二月三十一日', '2024-12-31'],
    ['2024年3月12日 星期二', '2024-03-12'],
    ['二〇二四年三月十二日（周二）', '2024-03-12'],
    ['二〇二四年二月三十日', undefined],
  ])('the date %s', (text, iso) => expect(parseChineseDate(text)).toBe(iso));
});

describe('what one line shows by itself', () => {
  it.each([
    ['【市局工作】', 'section'],
    ['〔工作动态〕', 'section'],
    ['◆工作动态◆', 'section'],
    ['——经验交流——', 'section'],
    ['（区教育局）', 'source'],
    ['（供稿：某某学校）', 'source'],
    ['来源：教务处', 'source'],
    ['（完）', 'text'],
    ['（责任编辑：李华）', 'credit'],
    ['审核：王强  校对：刘洋', 'credit'],
    ['主题词：教育 简报', 'credit'],
    ['编者按：现将做法刊发。', 'note'],
    ['【编者按】现将做法刊发。', 'note'],
    ['区教育局召开会议', 'text'],
  ])('%s is a %s line', (text, role) => expect(lineRole(text)).toBe(role));
  it('reads markers before titles and items, not numbers in text', () => {
    expect(
      ['◆区教育局召开会议', '一、工作动态', '（二）中原区开展督导', '1．我校召开会议', '（3）某小学', '1.5亿元投入'].map(
        (text) => readMarker(text)?.marker,
      ),
    ).toEqual([
      { text: '◆', type: '◆' },
      { text: '一、', type: 'cn' },
      { text: '（二）', type: 'paren-cn' },
      { text: '1．', type: 'arabic' },
      { text: '（3）', type: 'paren-arabic' },
      undefined,
    ]);
  });
  it('names bracketed sections', () => {
    expect(['【 重点工作 】', '〖基层动态〗', '★学校风采★', '学校风采'].map(bracketedName)).toEqual([
      '重点工作',
      '基层动态',
      '学校风采',
      undefined,
    ]);
  });
  it('sets page numbers and rules aside', () => {
    const { lines, pageNumbers, rules } = toLines('甲\n— 2 —\n乙\n-3-\n第4页\n5/8\n————————\n丙');
    expect([lines.map((l) => l.text), pageNumbers.map((l) => l.raw), rules.map((l) => l.raw)]).toEqual([
      ['甲', '乙', '丙'],
      ['— 2 —', '-3-', '第4页', '5/8'],
      ['————————'],
    ]);
    expect(lines.map((l) => [l.pageBefore, l.breakBefore])).toEqual([
      [false, true],
      [true, true],
      [true, true],
    ]);
  });
  it('finds the wrap width of hard-wrapped prose only', () => {
    const wrapped =
      '各学校要压紧压实管党治党政治责任，聚焦招生入学、食堂管理、校服征订等重点领域，持续开展廉政风险排查，以严的基调强化正风肃纪，推动全面从严治党向纵深发展。'.repeat(
        3,
      );
    expect(wrapWidth(wrapped.match(/.{1,24}/gu)!)).toBe(23);
    expect(wrapWidth(['一行一段，不曾折行。', '又是一段，也是完整的。'])).toBeUndefined();
  });
});

describe('blocks of the body', () => {
  it('takes a table of contents with leaders, or whose entries recur below, and stops at the body', () => {
    const { lines } = toLines('目  录\n1．我校召开分析会 ………… 1\n2．初二开展研学 …… 2\n1．我校召开分析会\n正文。');
    expect(contentsLength(lines, 0)).toBe(3);
    const plain = toLines('本期要目\n区教育局召开会议\n某小学开展活动\n区教育局召开会议\n正文。\n某小学开展活动\n正文。').lines;
    expect(contentsLength(plain, 0)).toBe(3);
    expect(contentsLength(toLines('区教育局召开会议\n正文。').lines, 0)).toBe(0);
  });
  it('splits recipients on 、 and ，, never inside brackets', () => {
    expect(splitRecipients('各县（市、区）教育局，局属各学校、各幼儿园')).toEqual(['各县（市、区）教育局', '局属各学校', '各幼儿园']);
  });
});

/** A small bulletin: masthead, body, closing. */
function bulletin(body: string, closing = '报：市教育局\n\n区教育局办公室 2024年5月20日印发'): string {
  return `教育简报\n\n第五期\n\n2024年5月20日\n\n${body}\n\n${closing}\n`;
}

describe('layout rules, each on a small bulletin', () => {
  it('a number in Chinese numerals keeps its printed form', () => {
    const { issue } = recognizeBulletin(bulletin('区教育局召开会议\n\n会议部署了工作。'));
    expect([issue.number, issue.numberLabel]).toEqual([5, '第五期']);
  });
  it('sections between matching marks are printed back in 【】 and say so', () => {
    const r = recognizeBulletin(
      bulletin('◆工作动态◆\n\n区教育局召开会议\n\n会议部署了工作。\n\n〔学校风采〕\n\n某小学举办运动会\n\n运动会开幕了。'),
    );
    expect(r.issue.sections.map((s) => s.name)).toEqual(['工作动态', '学校风采']);
    expect(r.keptText).toContain('【工作动态】');
    expect(r.keptText).toContain('【学校风采】');
    expect(r.decisions).toContain('took 2 lines printed without 【】 as section headings: 工作动态、学校风采');
  });
  it('a 主题词 line before the closing block is issue data, not the last paragraph', () => {
    const { issue } = recognizeBulletin(bulletin('区教育局召开会议\n\n会议部署了工作。\n\n主题词：教育 简报'));
    expect(issue.credits).toEqual(['主题词：教育 简报']);
    expect(issue.sections[0]!.articles[0]!.paragraphs).toEqual(['会议部署了工作。']);
  });
  it("an editor's note right after a title is the note of that article, printed after it", () => {
    const { issue } = recognizeBulletin(bulletin('区教育局召开会议\n\n编者按：现将做法刊发。\n\n会议部署了工作。'));
    expect(issue.sections[0]!.articles[0]).toEqual({
      kind: 'titled',
      title: '区教育局召开会议',
      note: '编者按：现将做法刊发。',
      paragraphs: ['会议部署了工作。'],
    });
  });
  it('a source closing the last paragraph, but not （完）', () => {
    const [article] = recognizeBulletin(bulletin('区教育局召开会议\n\n会议部署了工作。（区教育局）')).issue.sections[0]!.articles;
    expect([article!.paragraphs, article!.source]).toEqual([['会议部署了工作。'], '（区教育局）']);
    const [done] = recognizeBulletin(bulletin('区教育局召开会议\n\n会议部署了工作。（完）')).issue.sections[0]!.articles;
    expect([done!.paragraphs, done!.source]).toEqual([['会议部署了工作。（完）'], undefined]);
  });
  it('a numbered list after the line that introduces it: each item a paragraph, none joined to the colon', () => {
    const r = recognizeBulletin(bulletin('区教育局召开会议\n\n会议提出两点要求：\n\n1．提高站位，压实责任。\n\n2．严格管理，确保安全。'));
    expect(r.issue.sections[0]!.articles[0]!.paragraphs).toEqual([
      '会议提出两点要求：',
      '1．提高站位，压实责任。',
      '2．严格管理，确保安全。',
    ]);
    expect(r.decisions.filter((decision) => decision.startsWith('joined'))).toEqual([]);
  });
  it('a table of contents that lists the 【sections】 with their titles and leaders is dropped whole', () => {
    const contents = '本期要目\n\n【要闻】\n\n区教育局召开会议……………1\n\n【学校风采】\n\n某小学举办运动会……………2';
    const body = '【要闻】\n\n区教育局召开会议\n\n会议部署了工作。\n\n【学校风采】\n\n某小学举办运动会\n\n运动会开幕了。';
    const r = recognizeBulletin(bulletin(`${contents}\n\n${body}`));
    expect(r.issue.sections.map((section) => [section.name, section.articles.map((article) => article.title)])).toEqual([
      ['要闻', ['区教育局召开会议']],
      ['学校风采', ['某小学举办运动会']],
    ]);
    expect(r.decisions).toContain('dropped the table of contents (5 lines from line 7): the site builds its own');
    expect(r.warnings).toEqual([]);
  });
  it('a masthead title printed over two lines, its quotation open at the break, is one title; two whole title lines stay two', () => {
    const wrapped = recognizeBulletin(SEED_59.replace('郑州市教育局“能力作风建设年”活动', '郑州市教育局“能力作风建设\n\n年”活动'));
    expect(wrapped.issue.mastheadLines).toEqual(['郑州市教育局“能力作风建设年”活动', '简 报']);
    expect(wrapped.decisions).toContain(
      'joined a masthead title printed over two lines, its quotation open at the break: "郑州市教育局“能力作风建设年”活动"',
    );
    expect(wrapped.warnings).toEqual([]);
    expect(recognizeBulletin(SEED_59).issue.mastheadLines).toEqual(['郑州市教育局“能力作风建设年”活动', '简 报']);
  });
  it('a print line with its copies on the next line', () => {
    const { issue } = recognizeBulletin(
      bulletin('区教育局召开会议\n\n会议部署了工作。', '发：各学校\n\n区教育局办公室 二〇二四年五月二十日印发\n\n（共印60份）'),
    );
    expect(issue.printed).toEqual({ by: '区教育局办公室', date: '2024-05-20', dateLabel: '二〇二四年五月二十日', copies: 60 });
  });
  it('numbered headings inside an article titled otherwise stay in it as sub-headings, and it says so', () => {
    const body =
      '【经验交流】\n\n二七区：以督促建提升办学水平\n\n近年来，二七区坚持督政督学。\n\n一、建立问题清单\n\n该区建立了问题清单。\n\n二、实行销号管理\n\n该区实行销号管理。';
    const r = recognizeBulletin(bulletin(body));
    expect(r.issue.sections[0]!.articles.map((a) => [a.title, a.paragraphs.length])).toEqual([['二七区：以督促建提升办学水平', 5]]);
    expect(r.warnings).toEqual([
      'unsure: line 13: "一、建立问题清单" and the headings numbered like it were kept as sub-headings of "二七区：以督促建提升办学水平", not taken as articles',
    ]);
  });
  it('a byline under a title and a photo caption stay text of the article', () => {
    const r = recognizeBulletin(bulletin('区教育局召开会议\n\n（通讯员 张三）\n\n会议部署了工作。\n\n图为会议现场\n\n会议要求各校落实。'));
    expect(r.issue.sections[0]!.articles).toEqual([
      {
        kind: 'titled',
        title: '区教育局召开会议',
        paragraphs: ['（通讯员 张三）', '会议部署了工作。', '图为会议现场', '会议要求各校落实。'],
      },
    ]);
    expect(r.decisions).toEqual(['kept "（通讯员 张三）" under "区教育局召开会议" as its byline, its first paragraph']);
  });
  it('a label letter-spaced as printed, and two labels on one line', () => {
    const { issue } = recognizeBulletin(
      bulletin('区教育局召开会议\n\n会议部署了工作。', '报：市教育局    抄  送：各学校\n\n区教育局办公室 2024年5月20日印发'),
    );
    expect(issue.distribution).toEqual([
      { label: '报', recipients: ['市教育局'] },
      { label: '抄送', recipients: ['各学校'] },
    ]);
  });
  it('page numbers as · 2 · and （3） are page lines', () => {
    const r = recognizeBulletin(bulletin('区教育局召开会议\n\n会议部署了\n\n· 2 ·\n\n工作。\n\n（3）'));
    expect(r.issue.sections[0]!.articles[0]!.paragraphs).toEqual(['会议部署了工作。']);
    expect(r.decisions).toContain('dropped 2 page-number lines');
  });
  it('a short line ending in ？ standing alone is taken as a title, and said unsure', () => {
    const r = recognizeBulletin(bulletin('区教育局召开会议\n\n会议部署了工作。\n\n如何落实“双减”？\n\n各校要减轻学生负担，提高课堂效率。'));
    expect(r.issue.sections[0]!.articles.map((a) => a.title)).toEqual(['区教育局召开会议', '如何落实“双减”？']);
    expect(r.warnings).toEqual([
      'unsure: line 11: "如何落实“双减”？" ends like a sentence but stands alone like a title; it was taken as a title',
    ]);
  });
  it.each([
    ['教育简报\n\n2024年5月20日\n\n第5期', { mastheadOrder: ['date', 'number', 'office'] }],
    ['教育简报\n\n区教育局办公室      2024年5月20日\n\n第5期', { mastheadOrder: ['office', 'date', 'number'], office: '区教育局办公室' }],
    [
      '教育简报\n\n2024年5月20日\n\n第5期\n\n区教育局办公室编',
      { mastheadOrder: ['date', 'number', 'office'], office: '区教育局办公室', officeRole: '编' },
    ],
    [
      '教育简报\n\n第5期\n\n2024年5月20日          区教育局办公室编',
      { mastheadOrder: ['number', 'date', 'office'], office: '区教育局办公室', officeRole: '编' },
    ],
  ])('the masthead in another order: %j', (masthead, fields) => {
    const text = `${masthead}\n\n区教育局召开会议\n\n会议部署了工作。\n\n报：市教育局\n\n区教育局办公室 2024年5月20日印发\n`;
    const { issue, keptText, warnings } = recognizeBulletin(text);
    expect(issue).toMatchObject({ date: '2024-05-20', mastheadLines: ['教育简报'], ...fields });
    expect(warnings).toEqual([]);
    expect(keptText).toContain('区教育局召开会议');
  });
  it.each([
    ['区教育局办公室          2024年5月20日', { by: '区教育局办公室', date: '2024-05-20', verb: '' }],
    ['区教育局办公室 2024年5月20日编印', { by: '区教育局办公室', date: '2024-05-20', verb: '编印' }],
    ['区教育局办公室 2024年5月20日印发', { by: '区教育局办公室', date: '2024-05-20' }],
  ])('the print line %s', (line, printed) => {
    const { issue, unplaced } = recognizeBulletin(bulletin('区教育局召开会议\n\n会议部署了工作。', `报：市教育局\n\n${line}`));
    expect([issue.printed, unplaced]).toEqual([printed, []]);
  });
});

describe('a scan misread: never a cascade, nothing lost', () => {
  const sections = (heading: string, second = '【学校风采】') =>
    bulletin(`${heading}\n\n区教育局召开会议\n\n会议部署了工作。\n\n${second}\n\n某小学举办运动会\n\n运动会开幕了。`);
  it.each([['【工作动态）'], ['（工作动态】'], ['工作动态】'], ['【工作动态'], ['（工作动态）']])(
    'a heading printed %s in an issue with sections is the section, said unsure',
    (heading) => {
      const r = recognizeBulletin(sections(heading));
      expect(r.issue.sections.map((s) => [s.name, s.articles.length])).toEqual([
        ['工作动态', 1],
        ['学校风采', 1],
      ]);
      expect(r.unplaced).toEqual([]);
      expect(r.keptText).toContain('【工作动态】');
      expect(r.warnings).toEqual([
        `unsure: line 7: "${heading}" stands where a section heading stands; it was taken as the section 【工作动态】 (its brackets read otherwise): check it`,
      ]);
    },
  );
  it('a later heading misread likewise does not run its items into the article before it', () => {
    const r = recognizeBulletin(sections('【工作动态】', '【学校风采）'));
    expect(r.issue.sections.map((s) => s.name)).toEqual(['工作动态', '学校风采']);
    expect(r.warnings).toHaveLength(1);
  });
  it('a parenthesised line after an article is still its source, not a section', () => {
    const r = recognizeBulletin(sections('【工作动态】', '（区教育局）'));
    expect(r.issue.sections.map((s) => s.name)).toEqual(['工作动态']);
    expect(r.issue.sections[0]!.articles[0]!.source).toBe('（区教育局）');
  });
  it('a source line under a section heading, before any article, stays where it stood as an item, flagged', () => {
    const r = recognizeBulletin(sections('【工作动态】\n\n（区教育局）'));
    expect(r.unplaced).toEqual([]);
    expect(r.issue.sections[0]!.articles[0]).toEqual({ kind: 'untitled', title: '', paragraphs: ['（区教育局）'] });
    expect(r.warnings).toEqual([
      'unsure: line 9: a line like a source that follows no article text: "（区教育局）" was kept as an item of its own; check it',
    ]);
  });
  it("an editor's note followed by no article stays at the end, flagged", () => {
    const r = recognizeBulletin(bulletin('区教育局召开会议\n\n会议部署了工作。\n\n编者按：以上做法供参考。'));
    expect(r.unplaced).toEqual([]);
    expect(r.issue.sections[0]!.articles.at(-1)).toEqual({ kind: 'untitled', title: '', paragraphs: ['编者按：以上做法供参考。'] });
    expect(r.warnings).toContainEqual(expect.stringMatching(/^unsure: line 11: an editor's note followed by no article: /u));
  });
  it('a line after the print line that is nothing known is kept at the end, flagged', () => {
    const r = recognizeBulletin(
      bulletin('区教育局召开会议\n\n会议部署了工作。', '报：市教育局\n\n区教育局办公室 2024年5月20日印发\n\n请各单位认真学习'),
    );
    expect(r.unplaced).toEqual([]);
    expect([r.issue.credits, r.issue.creditsLast]).toEqual([['请各单位认真学习'], true]);
    expect(r.warnings).toEqual([
      'unsure: line 15: a line after the print line that is no credit or copy count: "请各单位认真学习" was kept at the end of the issue, with its credits; check it',
    ]);
  });
  it('text before the first section heading has no place: it is reported, and the import writes nothing', () => {
    const text = sections('有一行字在这里\n\n【工作动态】');
    const r = recognizeBulletin(text);
    expect(r.unplaced).toEqual(['有一行字在这里']);
    expect(r.warnings).toEqual(['unsure: line 7: "有一行字在这里…" stands before the first section heading and was not placed']);
    const data = new TextEncoder().encode(text);
    expect(() =>
      planImport({ text, images: [], original: { extension: '.txt', data } }, importTarget([], 'content'), { force: false }),
    ).toThrow(
      'nothing written: 1 piece of its text fits no part of an issue file (unsure: line 7: "有一行字在这里…" stands before the first section heading and was not placed); correct the source there and import it again',
    );
  });
});
