import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importTarget } from '../../src/lib/import/import-target.ts';
import { planImport } from '../../src/lib/import/plan-import.ts';
import { recognizeBulletin } from '../../src/lib/import/recognize/index.ts';
import { SEED_59 } from '../support/fixtures.ts';

// Bulletins as other offices print them, each with the recognition it must give (read and checked by hand).
const FIXTURES = new URL('../fixtures/bulletins/', import.meta.url);
const names = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => name.slice(0, -4));

function fixture(name: string, extension: string): string {
  return readFileSync(new URL(`${name}${extension}`, FIXTURES), 'utf8');
}

/** Plans an import of text into an empty content folder. */
function plan(text: string) {
  const data = new TextEncoder().encode(text);
  return planImport({ text, images: [], original: { extension: '.txt', data } }, importTarget([], 'content'), { force: false });
}

describe('bulletins of other offices', () => {
  it('has fixtures of every layout', () => {
    expect(names).toEqual([
      'bracketed-contents',
      'credits-last',
      'guanggongwei-contents',
      'long-title',
      'numbered-sections',
      'office-first',
      'pdf-extracted',
      'pdf-note-first',
      'school-contents',
      'sectionless-yearly',
      'sections-with-symbols',
      'stars-untitled',
      'word-compact',
    ]);
  });
  it.each(names)('%s: every field as checked by hand', (name) => {
    const { keptText: _kept, ...recognition } = recognizeBulletin(fixture(name, '.txt'));
    expect(recognition).toEqual(JSON.parse(fixture(name, '.expected.json')));
  });
  it.each(names)('%s: imports into a new series with nothing unplaced and a clean round trip', (name) => {
    const result = plan(fixture(name, '.txt'));
    expect(result.warnings.filter((w) => w.includes('differs from the source'))).toEqual([]);
    expect(result.series.created).toBe(true);
  });
});

describe('never silently wrong: variants of 第59期', () => {
  it('text hard-wrapped at 28 characters keeps the print line out of the last 发 recipient', () => {
    const wrapped = SEED_59.split('\n\n')
      .map((block) => block.replace(/([^\n]{28})(?=[^\n])/gu, '$1\n'))
      .join('\n\n');
    const { issue, warnings, unplaced } = recognizeBulletin(wrapped);
    expect(issue.distribution.at(-1)).toEqual({
      label: '发',
      recipients: ['局直属学校（单位）党组织', '市属各民办学校党组织', '市教育局机关各党支部'],
    });
    expect(issue.printed).toEqual({ by: '郑州市教育局“能力作风建设年”活动领导小组办公室', date: '2022-07-28' });
    expect(warnings).toEqual([]);
    expect(unplaced).toEqual([]);
  });
  it('a page break right after a short fragment is joined to its paragraph, and says it is unsure', () => {
    const text = SEED_59.replace('“双减”工作是党中央部署', '“双减”工作是党\n\n— 2 —\n\n中央部署').replace(
      '我市是全\n\n国九个',
      '我市是全国九个',
    );
    const { issue, warnings } = recognizeBulletin(text);
    const titles = issue.sections[0]!.articles.map((article) => article.title);
    expect(titles).toEqual(['郑州市教育局开展“一把手”民情体验活动', '市教育局联合多部门突击抽检校外培训机构疫情防控工作']);
    expect(issue.sections[0]!.articles[0]!.paragraphs[1]).toMatch(/^“双减”工作是党中央部署安排的一项重要工作/);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^unsure: line \d+: "“双减”工作是党" stands right before a page number; it was joined to the paragraph after the page break/,
      ),
    ]);
  });
});
