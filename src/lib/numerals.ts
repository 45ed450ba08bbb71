/** Numbers as bulletins print them: 59, ５９, 二〇二四 (digit by digit), 十八, 一百二十八, 一百零五. */

/** Digits, with 〇 and 零 for nought and 两 for two. */
const DIGIT: Readonly<Record<string, number>> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** Units, each ten times or more the one below it. */
const UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 万: 10_000 };

/** The characters a printed number may be written with. */
export const NUMERAL_CHARACTERS = '0-9０-９〇○零一二两三四五六七八九十百千';

/** The value of a printed number (59, ５９, 二〇二四, 二0二四, 一百零五); NaN when the text is not one. */
export function numeralValue(text: string): number {
  const plain = text.normalize('NFKC').trim();
  if (/^\d+$/u.test(plain)) return Number(plain);
  // Digits typed among numerals (二0二四) and ○ for 〇 read as the numerals they stand for.
  const numerals = plain.replace(/\d/gu, (digit) => DIGIT_CHARACTERS[Number(digit)]!).replace(/○/gu, '〇');
  return chineseNumber(numerals) ?? NaN;
}

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

const DIGIT_CHARACTERS = '〇一二三四五六七八九';

/** A count as Chinese prints it: 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (up to 9,999). */
export function chineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 9999) return String(value);
  if (value < 10) return DIGIT_CHARACTERS[value]!;
  const places: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
    [1, ''],
  ];
  let text = '';
  let gap = false;
  for (const [place, unit] of places) {
    const digit = Math.floor(value / place) % 10;
    if (!digit) {
      gap = text !== '';
      continue;
    }
    if (gap) text += '零';
    gap = false;
    // 十二, not 一十二: a leading ten stands alone.
    text += (digit === 1 && place === 10 && !text ? '' : DIGIT_CHARACTERS[digit]) + unit;
  }
  return text;
}
