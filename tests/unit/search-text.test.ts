import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { searchExcerpt } from '../../src/lib/search/excerpt.ts';
import { foldForSearch, mayHoldTraditional, parseCharacterTable, prepareFolding, uroBitmap } from '../../src/lib/search/fold.ts';
import { encodeWord, indexContent, indexWords, pagefindQuery, queryTerms, rankingQuery } from '../../src/lib/search/text.ts';
import { TRADITIONAL_URO } from '../../src/lib/search/traditional-chars.ts';

beforeAll(() => prepareFolding());

/** The marks of a digit that begins a number and of one that ends it (text.ts). */
const B = '\uE000';
const E = '\uE001';

describe('index words', () => {
  it('pairs Han characters and digits, keeps Latin words, ends each run with its last character', () => {
    expect(indexWords('垌头村举行')).toEqual(['垌头', '头村', '村举', '举行', '行']);
    expect(indexWords('2021级学生，COVID-19。')).toEqual([
      `${B}20`,
      '02',
      `21${E}`,
      `1${E}级`,
      '级学',
      '学生',
      '生',
      'covid',
      `${B}19${E}`,
      `9${E}`,
    ]);
    expect(indexWords('垌')).toEqual(['垌']);
    expect(indexContent('双减 Go')).toBe('0gjw0g5r 0g5r go');
  });
  it('folds Traditional to Simplified and full width to half width', () => {
    expect(foldForSearch('雙減 ＡＢＣ（１）')).toBe('双减 abc(1)');
    expect(indexWords('雙減')).toEqual(indexWords('双减'));
  });
});

describe('the Traditional table, loaded when needed', () => {
  it('is the bitmap of the OpenCC table (run scripts/generate-traditional-chars.ts after upgrading opencc-js)', () => {
    expect(TRADITIONAL_URO).toBe(uroBitmap(parseCharacterTable(TS_CHARACTERS).keys()));
  });
  it('tells texts that may need the table from texts that do not', () => {
    const table = parseCharacterTable(TS_CHARACTERS);
    for (const from of table.keys()) expect(mayHoldTraditional(from), from).toBe(true);
    expect(mayHoldTraditional('落实双减工作，垌头村 COVID-19')).toBe(false);
    expect(mayHoldTraditional('雙減')).toBe(true);
    // Outside the common block (here Extension A), the table itself decides.
    expect(mayHoldTraditional('㐀')).toBe(true);
  });
  it('is not loaded for Simplified text, and folding without it refuses Traditional text', async () => {
    vi.resetModules();
    const fresh = await import('../../src/lib/search/fold.ts');
    await fresh.prepareFolding(['双减']);
    expect(fresh.foldForSearch('双减 ＡＢＣ')).toBe('双减 abc');
    expect(() => fresh.foldForSearch('雙減')).toThrow(/prepareFolding/);
    await fresh.prepareFolding(['双减', '雙減']);
    expect(fresh.foldForSearch('雙減')).toBe('双减');
  });
});

describe('queries', () => {
  it('asks for each term as a phrase of its pairs, or a single word by prefix', () => {
    expect(queryTerms('垌头村')).toEqual([{ text: '垌头村', words: ['垌头', '头村'], forms: [] }]);
    expect(queryTerms('雙減  "主题 党日" 垌').map((term) => term.words)).toEqual([['双减'], ['主题', '题党', '党日'], ['垌']]);
    expect(queryTerms('第59期').map((term) => term.words)).toEqual([[`第${B}5`, `${B}59${E}`, `9${E}期`]]);
    expect(queryTerms('雙減 垌头村').map(pagefindQuery)).toEqual(['0gjw0g5r', `"${encodeWord('垌头')} ${encodeWord('头村')}"`]);
    // The phrase's results are ranked by its words searched loose; one word needs no second search.
    expect(queryTerms('雙減 垌头村').map(rankingQuery)).toEqual([undefined, `${encodeWord('垌头')} ${encodeWord('头村')}`]);
    expect(encodeWord('垌')).toBe('0hak');
    expect(encodeWord('school')).toBe('school');
    expect(queryTerms('，。 ')).toEqual([]);
  });
  it('finds every fragment of a word: the pairs of a fragment are pairs of the word, in a row', () => {
    const text = indexWords('全国人民代表大会');
    for (const fragment of ['民代表', '代表大会', '人民代表大会', '表大']) {
      const words = queryTerms(fragment)[0]!.words;
      const at = text.indexOf(words[0]!);
      expect(text.slice(at, at + words.length)).toEqual(words);
    }
  });
});

describe('excerpts', () => {
  it('shows the text around the first match with every match marked', () => {
    const text = '为更好发挥基层党组织作用，党员同赴登封市大冶镇垌头村举行主题党日活动。了解垌头村在暴雨中受灾的过程。';
    expect(searchExcerpt(text, ['垌头村'], 5, 40)).toEqual([
      { text: '…', mark: false },
      { text: '封市大冶镇', mark: false },
      { text: '垌头村', mark: true },
      { text: '举行主题党日活动。了解', mark: false },
      { text: '垌头村', mark: true },
      { text: '在暴雨中受灾的过程。', mark: false },
    ]);
  });
  it('marks a match typed in Traditional characters, and starts at the top when nothing matches', () => {
    expect(searchExcerpt('落实双减工作', ['雙減'])).toEqual([
      { text: '落实', mark: false },
      { text: '双减', mark: true },
      { text: '工作', mark: false },
    ]);
    expect(searchExcerpt('一二三', [])).toEqual([{ text: '一二三', mark: false }]);
  });
});
