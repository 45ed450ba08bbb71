import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/lib/archive/check.ts';
import { comparePrintText, normalizePrintText, printText } from '../../src/lib/archive/print-text.ts';
import { archiveWith, ISSUE_59, issue59With, SEED_59 } from '../support/fixtures.ts';

function printed(issueText: string): string {
  const archive = checkArchive(archiveWith({ 'nlzf/2022/59.md': issueText }));
  expect(archive.problems).toEqual([]);
  const [issue] = archive.issues;
  return printText({ issue: issue!.data, series: issue!.series, sections: issue!.sections });
}

describe('print text round trip', () => {
  it('renders 第59期 back to the seed text, not a character lost', () => {
    expect(comparePrintText(SEED_59, printed(ISSUE_59))).toBeUndefined();
  });

  it('prints the masthead, run-in lead phrases, closing block and print line as printed', () => {
    const text = printed(ISSUE_59);
    expect(
      text.startsWith(
        '内部刊物 注意保存\n\n郑州市教育局“能力作风建设年”活动\n\n简 报\n\n第59期\n\n领导小组办公室\n\n2022年7月28日\n\n【市局工作】\n\n',
      ),
    ).toBe(true);
    expect(text).toContain('\n\n国防教育，入脑入行。为增强学生的国防观念');
    expect(text).toContain('发：局直属学校（单位）党组织、市属各民办学校党组织、市教育局机关各党支部');
    expect(text.endsWith('郑州市教育局“能力作风建设年”活动领导小组办公室 2022年7月28日印发\n')).toBe(true);
  });

  it('notices one lost character and says where', () => {
    const difference = comparePrintText(SEED_59, printed(issue59With('垌头村举行', '垌头举行')));
    expect(difference?.expected).toContain('垌头村举行');
    expect(difference?.found).toContain('垌头举行');
    expect(normalizePrintText(SEED_59).slice(0, difference?.offset)).toMatch(/登封市大冶镇垌头$/);
  });

  it('notices a lost article, distribution line and print line', () => {
    const where = (text: string) => comparePrintText(SEED_59, printed(text))?.expected;
    expect(where(issue59With(/### 校园防汛[\s\S]*$/, ''))).toMatch(/校园防汛/);
    expect(where(issue59With(/ {2}- label: 送\n {4}recipients:\n {6}- .*\n/, ''))).toMatch(/送:市教育局/);
    expect(where(issue59With(/printed:\n.*\n.*\n/, ''))).toBe('织、市教育局机关各党支部郑州市教育局“能力作风建设年”活动领');
  });

  it('normalises only white space and full/half width', () => {
    expect(normalizePrintText('我市是全\n\n国九个（A）：１')).toBe('我市是全国九个(A):1');
    expect(normalizePrintText('双减')).not.toBe(normalizePrintText('雙減'));
  });
});
