/**
 * Numbers folded for search: bulletins print 郑州市第一〇七高级中学, 第二十四中学, 二〇二一级 and
 * 七月二十七日 where readers type 第107高级中学, 24中, 2021级 and 7月27日 (and the other way round). A
 * run of Chinese numerals becomes Arabic digits when it is a number: two or more numerals that read as
 * one (一〇七, 二十四, 一百零五), or one standing next to a word that counts (第一, 十八中, 两个, 十月).
 * Words that merely hold a numeral stay as they are: 一把手, 统一, 两学一做, 万一, 十分, 一是, 两会.
 */
import { chineseNumber } from '../numerals.ts';

const NUMERALS = /[〇零一二两三四五六七八九十百千万]+/gu;
/** Words a single numeral beside them counts for: 第一, 一中, 二小, 三级, 四期, 五年, 六月, 七日, 八号, 九届, 十次, 两名, 两个, 三家. */
const COUNTED = new Set([...'第中小级期年月日号届次名个家']);

/** A number a text prints: its value, and whether it is printed in Chinese numerals (一〇七) or in digits (107). */
export interface PrintedNumber {
  /** Its digits, without leading noughts. */
  value: string;
  chinese: boolean;
}

/** The runs of Chinese numerals in a text that are numbers: where they start and end among its characters, and their value. */
function numeralRuns(chars: readonly string[], text: string): { start: number; end: number; value: number }[] {
  // Character indexes, not UTF-16 ones: the run's place among `chars`.
  const places: number[] = [];
  let offset = 0;
  for (const [index, char] of chars.entries()) {
    places[offset] = index;
    offset += char.length;
  }
  const runs: { start: number; end: number; value: number }[] = [];
  for (const match of text.matchAll(NUMERALS)) {
    const start = places[match.index]!;
    const end = start + [...match[0]].length;
    const value = chineseNumber(match[0]);
    const counted = COUNTED.has(chars[start - 1] ?? '') || COUNTED.has(chars[end] ?? '');
    if (value === undefined || (end - start === 1 && !counted)) continue;
    runs.push({ start, end, value });
  }
  return runs;
}

/** The text with its numbers in Arabic digits, and for each of its characters the index of the character of `text` it comes from. */
export function foldNumbersWithPlaces(text: string): { text: string; from: number[] } {
  const chars = [...text];
  let folded = '';
  const from: number[] = [];
  let at = 0;
  const keep = (end: number) => {
    for (; at < end; at++) {
      folded += chars[at];
      from.push(at);
    }
  };
  for (const { start, end, value } of numeralRuns(chars, text)) {
    keep(start);
    for (const digit of String(value)) {
      folded += digit;
      from.push(start);
    }
    at = end;
  }
  keep(chars.length);
  return { text: folded, from };
}

/** The text with its numbers in Arabic digits. */
export function foldNumbers(text: string): string {
  return foldNumbersWithPlaces(text).text;
}

/**
 * The numbers a text prints, each once, in the form it prints them (a text already folded to half
 * width, as fold.ts does before numbers): 第一〇七高级中学 prints 107 in Chinese numerals, 18中 prints 18 in digits.
 */
export function printedNumbers(text: string): PrintedNumber[] {
  const found = new Map<string, PrintedNumber>();
  const add = (number: PrintedNumber) => found.set(`${number.chinese}:${number.value}`, number);
  for (const { value } of numeralRuns([...text], text)) add({ value: String(value), chinese: true });
  for (const [digits] of text.matchAll(/[0-9]+/g)) add({ value: digits.replace(/^0+(?=[0-9])/, ''), chinese: false });
  return [...found.values()];
}
