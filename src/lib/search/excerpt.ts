import { foldForSearch, foldWithPlaces } from './fold.ts';

/** A piece of an excerpt: plain text, or a match to mark. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * An excerpt of an article's text around the first place a query term occurs (compared folded:
 * Traditional as Simplified, full width as half width, numbers as digits), with every occurrence in it marked.
 */
export function searchExcerpt(text: string, terms: readonly string[], before = 30, length = 100): ExcerptPart[] {
  const chars = [...text];
  // A place in the folded text is a place in the original (二十四 folds to 24: both digits point at its start).
  const { text: folded, from } = foldWithPlaces(text);
  const foldedChars = [...folded];
  const marks = new Array<boolean>(chars.length).fill(false);
  let first = -1;
  for (const term of terms.map(foldForSearch).filter(Boolean)) {
    const length = [...term].length;
    for (let at = nextAt(foldedChars, term, 0); at >= 0; at = nextAt(foldedChars, term, at + 1)) {
      const start = from[at]!;
      // The last original character of the match: up to the next folded character's source, where a number folded shorter.
      const last = at + length < from.length ? Math.max(from[at + length - 1]!, from[at + length]! - 1) : chars.length - 1;
      for (let i = start; i <= last; i++) marks[i] = true;
      if (first < 0 || start < first) first = start;
    }
  }
  const start = first < 0 ? 0 : Math.max(0, first - before);
  const end = Math.min(chars.length, start + length);
  const parts: ExcerptPart[] = [];
  if (start > 0) parts.push({ text: '…', mark: false });
  for (let i = start; i < end; i++) {
    const char = chars[i] === '\n' ? ' ' : chars[i]!;
    const last = parts.at(-1);
    if (last && last.mark === marks[i] && last.text !== '…') last.text += char;
    else parts.push({ text: char, mark: marks[i]! });
  }
  if (end < chars.length) parts.push({ text: '…', mark: false });
  return parts;
}

/** Whether the characters hold `term` at `at`. */
function starts(chars: readonly string[], term: string, at: number): boolean {
  let i = at;
  for (const char of term) if (chars[i++] !== char) return false;
  return true;
}

/** The next place from `at` on where the characters hold `term`, or -1. */
function nextAt(chars: readonly string[], term: string, at: number): number {
  for (let i = at; i < chars.length; i++) if (starts(chars, term, i)) return i;
  return -1;
}
