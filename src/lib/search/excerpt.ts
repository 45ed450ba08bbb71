import { foldForSearch } from './fold.ts';

/** A piece of an excerpt: plain text, or a match to mark. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * An excerpt of an article's text around the first place a query term occurs (compared folded:
 * Traditional as Simplified, full width as half width), with every occurrence in it marked.
 */
export function searchExcerpt(text: string, terms: readonly string[], before = 30, length = 100): ExcerptPart[] {
  const chars = [...text];
  // Fold character by character, so that a place in the folded text is a place in the original.
  const folded = chars.map((char) => foldForSearch(char));
  const foldedText = folded.join('');
  const startOf: number[] = [];
  folded.forEach((piece, index) => {
    for (let i = 0; i < piece.length; i++) startOf.push(index);
  });
  const marks = new Array<boolean>(chars.length).fill(false);
  let first = -1;
  for (const term of terms.map(foldForSearch).filter(Boolean)) {
    for (let at = foldedText.indexOf(term); at >= 0; at = foldedText.indexOf(term, at + 1)) {
      const from = startOf[at]!;
      const to = startOf[at + term.length - 1]!;
      for (let i = from; i <= to; i++) marks[i] = true;
      if (first < 0 || from < first) first = from;
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
