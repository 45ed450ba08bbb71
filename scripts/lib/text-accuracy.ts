/**
 * How much of a text OCR got right: its Han characters and digits aligned with the true text's by
 * their longest common subsequence, counted both ways (how many of the true characters were read,
 * how many of those read are true), and the lines read that are not in the true text.
 */

/** The Han characters and digits of a text, in order: what the accuracy counts. */
export function countedCharacters(text: string): string[] {
  return [...text.normalize('NFKC')].filter((char) => /[\p{Script=Han}0-9]/u.test(char));
}

/** Length of the longest common subsequence of two character arrays (two rows of the table, so memory stays small). */
export function commonSubsequence(a: readonly string[], b: readonly string[]): number {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** Recall (true characters read) and precision (characters read that are true), 0–1. */
export function characterAccuracy(truth: string, read: string): { recall: number; precision: number; truth: number; read: number } {
  const expected = countedCharacters(truth);
  const found = countedCharacters(read);
  const common = commonSubsequence(expected, found);
  return { recall: common / expected.length, precision: common / found.length, truth: expected.length, read: found.length };
}

/** The lines read whose characters do not stand, in that order, in the true text: the misread lines. */
export function misreadLines<L extends { text: string }>(truth: string, lines: readonly L[]): L[] {
  const whole = countedCharacters(truth).join('');
  return lines.filter((line) => {
    const counted = countedCharacters(line.text).join('');
    return counted.length > 0 && !whole.includes(counted);
  });
}
