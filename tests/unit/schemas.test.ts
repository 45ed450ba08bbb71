import { describe, expect, it } from 'vitest';
import { IssueSchema } from '../../src/schemas/issue.ts';
import { SeriesSchema } from '../../src/schemas/series.ts';

const issue = {
  number: 59,
  date: '2022-07-28',
  sections: ['市局工作'],
};
const series = {
  slug: 'nlzf',
  title: '郑州市教育局“能力作风建设年”活动简报',
  masthead: ['简 报'],
  sections: [{ name: '市局工作', slug: 'shiju' }],
};
const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('IssueSchema', () => {
  it('fills defaults and keeps dates as strings', () => {
    const parsed = IssueSchema.parse(issue);
    expect(parsed).toEqual({
      ...issue,
      supplement: false,
      mastheadOrder: ['number', 'office', 'date'],
      creditsLast: false,
      credits: [],
      distribution: [],
      draft: false,
      corrections: [],
      withdrawn: [],
    });
    expect(typeof parsed.date).toBe('string');
  });
  it('refuses unknown keys, Date objects, impossible dates and bad numbers', () => {
    expect(messages(IssueSchema.safeParse({ ...issue, issue: 59 }))).toEqual([': Unrecognized key: "issue"']);
    expect(messages(IssueSchema.safeParse({ ...issue, date: new Date('2022-07-28') }))).toEqual([
      'date: expected a date written YYYY-MM-DD',
    ]);
    expect(messages(IssueSchema.safeParse({ ...issue, date: '2022-02-29' }))).toEqual([
      'date: expected a real calendar date written YYYY-MM-DD',
    ]);
    expect(messages(IssueSchema.safeParse({ ...issue, number: 0 }))).toEqual(['number: expected a positive whole number such as 59']);
    expect(messages(IssueSchema.safeParse({ ...issue, number: 12, numberEnd: 12 }))).toEqual([
      'numberEnd: expected numberEnd to be greater than number (第12-13期 has number 12, numberEnd 13)',
    ]);
  });
  it('validates the closing block and print line', () => {
    expect(IssueSchema.safeParse({ ...issue, distribution: [{ label: '报', recipients: [] }] }).success).toBe(false);
    expect(IssueSchema.safeParse({ ...issue, distribution: [{ label: '抄送', recipients: ['甲'] }] }).success).toBe(true);
    expect(messages(IssueSchema.safeParse({ ...issue, printed: { by: '办公室', date: '2022-07-28', copies: 1.5 } }))).toEqual([
      'printed.copies: Invalid input: expected int, received number',
    ]);
    expect(messages(IssueSchema.safeParse({ ...issue, classification: ' 内部刊物' }))).toEqual([
      'classification: expected text without leading or trailing spaces',
    ]);
  });
});

describe('SeriesSchema', () => {
  it('accepts a series record and defaults to continuous numbering', () => {
    expect(SeriesSchema.parse(series).numbering).toBe('continuous');
  });
  it('refuses non-ASCII and reserved slugs, and duplicate sections', () => {
    expect(messages(SeriesSchema.safeParse({ ...series, slug: '能力作风' }))[0]).toMatch(/^slug: expected a short ASCII slug/);
    expect(messages(SeriesSchema.safeParse({ ...series, slug: 'pagefind' }))[0]).toMatch(
      /^slug: expected a slug that is not one of the site's own paths/,
    );
    expect(messages(SeriesSchema.safeParse({ ...series, sections: [...series.sections, { name: '学校动态', slug: 'shiju' }] }))).toEqual([
      'sections: expected every section slug to be different',
    ]);
  });
});
