import { describe, expect, it } from 'vitest';
import { searchExcerpt } from '../../src/lib/search/excerpt.ts';
import { foldForSearch } from '../../src/lib/search/fold.ts';
import { chineseNumber } from '../../src/lib/numerals.ts';
import { foldNumbers, printedNumbers } from '../../src/lib/search/numbers.ts';
import { encodeWord, formQuery, indexContent, indexWords, numberForms, queryTerms } from '../../src/lib/search/text.ts';

/** Whether a query finds a text: every word of every term among the text's index words, in order (as Pagefind's phrase search asks). */
function finds(query: string, text: string): boolean {
  const words = indexWords(text).join(' ');
  return queryTerms(query).every((term) => ` ${words} `.includes(` ${term.words.join(' ')} `));
}

describe('numbers in search', () => {
  it('reads Chinese numerals as numbers, digit by digit or by their units', () => {
    expect(['十', '二十', '十八', '二十四', '一百零五', '一〇七', '二〇二一', '两', '三万五千', '一万零一'].map(chineseNumber)).toEqual([
      10, 20, 18, 24, 105, 107, 2021, 2, 35000, 10001,
    ]);
    expect(['万一', '一两', '二十百', '零', '万', '百'].map(chineseNumber)).toEqual([
      undefined,
      undefined,
      undefined,
      0,
      undefined,
      undefined,
    ]);
  });

  it('folds the numbers a bulletin prints, and leaves words that only hold a numeral', () => {
    expect(foldNumbers('郑州市第一〇七高级中学、第二十四中学2021级、二〇二一级，七月二十七日，两个班，十月')).toBe(
      '郑州市第107高级中学、第24中学2021级、2021级，7月27日，2个班，10月',
    );
    for (const word of ['一把手', '统一', '两学一做', '万一', '十分', '一是', '两会', '十']) expect(foldNumbers(word)).toBe(word);
    // Full-width digits are digits too.
    expect(foldForSearch('１０７中')).toBe('107中');
  });

  it('finds a number however it is written, and no word that merely holds a numeral', () => {
    expect(finds('第107高级中学', '郑州市第一〇七高级中学校园周边内涝严重')).toBe(true);
    expect(finds('第一〇七高级中学', '郑州市第107高级中学')).toBe(true);
    expect(finds('十八中', '和郑州18中四名党员同赴登封市')).toBe(true);
    expect(finds('24中', '郑州市第二十四中学在郑州市中小学校外教育基地')).toBe(true);
    // Short school names: 107中 for 第一〇七高级中学, 十八中 for 第十八初级中学, and not for another number.
    expect(finds('107中', '郑州市第一〇七高级中学校园周边内涝严重')).toBe(true);
    expect(finds('一〇七中', '郑州市第107高级中学')).toBe(true);
    expect(finds('十八中', '第十八初级中学开展活动')).toBe(true);
    expect(finds('107中', '郑州市第1107高级中学')).toBe(false);
    expect(finds('107中', '郑州市第一〇七小学')).toBe(false);
    expect(finds('5小', '第五小学')).toBe(true);
    expect(finds('二〇二一级', '举行2021级学生国防教育暨社会实践活动')).toBe(true);
    expect(finds('7月27日', '在七月二十七日下午的暴雨中')).toBe(true);
    // Another number is not the same number, nor is a longer one that holds its digits.
    expect(finds('25中', '郑州市第二十四中学')).toBe(false);
    expect(finds('十八中', '郑州318中')).toBe(false);
    expect(finds('十八', '2018年')).toBe(false);
    expect(finds('第5', '第59期')).toBe(false);
    expect(finds('第5', '第5期')).toBe(true);
    // One character is searched by prefix: 8 finds the number 8 wherever it stands, and not 18.
    const byPrefix = (query: string, text: string) => indexWords(text).some((word) => word.startsWith(queryTerms(query)[0]!.words[0]!));
    expect(byPrefix('8', '郑州8中')).toBe(true);
    expect(byPrefix('8', '郑州18中')).toBe(false);
    expect(finds('两会', '在2会议室召开')).toBe(false);
    expect(finds('统一', '统1思想')).toBe(false);
  });

  it('says in which form a text prints each of its numbers, and a query asks for the form it types', () => {
    expect(printedNumbers('郑州18中、第一〇七高级中学、十八中、2021级、二〇二一级、第007号')).toEqual([
      { value: '107', chinese: true },
      { value: '18', chinese: true },
      { value: '2021', chinese: true },
      { value: '18', chinese: false },
      { value: '2021', chinese: false },
      { value: '7', chinese: false },
    ]);
    // Words that hold a numeral print no number.
    expect(printedNumbers('一把手统一两学一做万一十分')).toEqual([]);
    expect(numberForms('郑州１８中')).toEqual(['9zza18x']);
    expect(queryTerms('十八中 第107高级中学 垌头村').map(formQuery)).toEqual(['9zzc18x', '9zza107x', undefined]);
    // The forms follow the words, so that no phrase runs into them; no form is a prefix of another.
    expect(indexContent('18中')).toBe([...indexWords('18中').map(encodeWord), '9zza18x'].join(' '));
  });

  it('marks the number as printed where a query wrote it otherwise', () => {
    expect(searchExcerpt('郑州市第二十四中学举行活动', ['24中'])).toEqual([
      { text: '郑州市第', mark: false },
      { text: '二十四中', mark: true },
      { text: '学举行活动', mark: false },
    ]);
    expect(searchExcerpt('和郑州18中四名党员', ['十八中'])).toEqual([
      { text: '和郑州', mark: false },
      { text: '18中', mark: true },
      { text: '四名党员', mark: false },
    ]);
  });
});
