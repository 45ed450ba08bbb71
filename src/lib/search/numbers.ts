/**
 * Numbers folded for search: bulletins print 郑州市第一〇七高级中学, 第二十四中学, 二〇二一级 and
 * 七月二十七日 where readers type 第107高级中学, 24中, 2021级 and 7月27日 (and the other way round). A
 * run of Chinese numerals becomes Arabic digits when it is a number: two or more numerals that read as
 * one (一〇七, 二十四, 一百零五), or one standing next to a word that counts (第一, 十八中, 两个, 十月).
 * Words that merely hold a numeral stay as they are: 一把手, 统一, 两学一做, 万一, 十分, 一是, 两会.
 */

/** Digits, with 〇 and 零 for nought and 两 for two. */
const DIGIT: Readonly<Record<string, number>> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** Units, each ten times or more the one below it. */
const UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 万: 10_000 };
const NUMERALS = /[〇零一二两三四五六七八九十百千万]+/gu;
/** Words a single numeral beside them counts for: 第一, 一中, 二小, 三级, 四期, 五年, 六月, 七日, 八号, 九届, 十次, 两名, 两个, 三家. */
const COUNTED = new Set([...'第中小级期年月日号届次名个家']);

/** The value of a run of Chinese numerals, or undefined where it reads as no one number (万一, 一两, 二十百). */
export function chineseNumber(run: string): number | undefined {
  const chars = [...run];
  if (!chars.length) return undefined;
  // Digits one by one, as years and school numbers are printed: 二〇二一, 一〇七 (两 is never one of them).
  if (chars.every((char) => char in DIGIT)) {
    if (chars.length > 1 && chars.includes('两')) return undefined;
    return Number(chars.map((char) => DIGIT[char]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let below = Infinity;
  for (const [index, char] of chars.entries()) {
    if (char === '零' || char === '〇') {
      // A nought fills a gap between a unit and a digit (一百零五), never follows a digit.
      if (digit !== undefined || index === 0) return undefined;
      continue;
    }
    if (char in DIGIT) {
      if (digit !== undefined) return undefined;
      digit = DIGIT[char];
      continue;
    }
    const unit = UNIT[char]!;
    if (unit === 10_000) {
      section += digit ?? 0;
      if (!section || total) return undefined;
      total = section * 10_000;
      section = 0;
      digit = undefined;
      below = Infinity;
      continue;
    }
    // Units fall from left to right (二十百 is none); 十 alone stands for 一十 at the start (十八).
    if (unit >= below) return undefined;
    if (digit === undefined) {
      if (unit !== 10 || index !== 0) return undefined;
      digit = 1;
    }
    section += digit * unit;
    digit = undefined;
    below = unit;
  }
  return total + section + (digit ?? 0);
}

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
