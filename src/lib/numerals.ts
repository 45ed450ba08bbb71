/** Numbers as bulletins print them: 59, ５９, 二〇二四 (digit by digit), 十八, 一百二十八, 一百零五. */

const DIGITS: Record<string, number> = { 〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** The characters a printed number may be written with. */
export const NUMERAL_CHARACTERS = '0-9０-９〇○零一二两三四五六七八九十百千';

/** The value of a printed number; NaN when the text is not one. */
export function numeralValue(text: string): number {
  const plain = text.normalize('NFKC').trim();
  if (/^\d+$/.test(plain)) return Number(plain);
  if (!plain || ![...plain].every((char) => /\d/.test(char) || char in DIGITS || char in UNITS)) return NaN;
  // Without 十百千 the characters are digits, read one by one (二〇二四, 一〇七).
  if (![...plain].some((char) => char in UNITS)) {
    return Number([...plain].map((char) => (/\d/.test(char) ? char : String(DIGITS[char]))).join(''));
  }
  let total = 0;
  let digit: number | undefined;
  let lastUnit = Infinity;
  for (const char of plain) {
    if (char in UNITS) {
      const unit = UNITS[char]!;
      // Only 十 stands without a digit before it (十八); 百 and 千 need one (一百).
      if (unit >= lastUnit || (digit === undefined && unit !== 10) || (digit === undefined && total > 0)) return NaN;
      total += (digit ?? 1) * unit;
      digit = undefined;
      lastUnit = unit;
    } else {
      // 零 holds the place of a missing unit (一百零五): the digit after it counts.
      if (digit !== undefined && digit !== 0) return NaN;
      digit = /\d/.test(char) ? Number(char) : DIGITS[char]!;
    }
  }
  return total + (digit ?? 0);
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
