import { foldForSearch } from './fold.ts';

/**
 * The words the search index holds and the words a query asks for. Chinese has no spaces, and
 * Pagefind's own segmentation splits names and new terms into single characters, so the index holds
 * overlapping character pairs instead: 垌头村举行 → 垌头 头村 村举 举行 行. A query becomes the pairs of
 * each of its words, searched as an exact phrase, so 垌头村 finds exactly the texts that contain 垌头村,
 * and a fragment of a longer word (民代表 in 人民代表大会) is found like any word. Both sides are folded
 * first (fold.ts): Traditional to Simplified, full width to half width, Latin to lower case.
 */

// Runs of Han characters and digits are paired; Latin words stay whole.
const RUN = /[\p{Script=Han}〇0-9]+|[\p{L}\p{N}]+/gu;
const HAN_RUN = /^[\p{Script=Han}〇0-9]+$/u;

function pairs(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  return chars.slice(0, -1).map((char, index) => `${char}${chars[index + 1]}`);
}

/** The index words of a text: each run's character pairs and its last character (so one character finds it by prefix). */
export function indexWords(text: string): string[] {
  const words: string[] = [];
  for (const [run] of foldForSearch(text).matchAll(RUN)) {
    if (!HAN_RUN.test(run)) {
      words.push(run);
      continue;
    }
    words.push(...pairs(run));
    if ([...run].length > 1) words.push([...run].at(-1)!);
  }
  return words;
}

/**
 * A word as Pagefind stores it. Pagefind splits Chinese text into single characters whatever the
 * language, so each Han character or digit is written as four base-36 digits of its code point
 * (双 → 0gjw): pairs stay whole words, and a character stays a prefix of every pair it starts. Code
 * points of Han characters begin with a digit in this form, Latin words with a letter: they never meet.
 */
export function encodeWord(word: string): string {
  if (!HAN_RUN.test(word)) return word;
  return [...word].map((char) => char.codePointAt(0)!.toString(36).padStart(4, '0')).join('');
}

/** The text Pagefind indexes for a text: its index words, encoded, space-separated. */
export function indexContent(text: string): string {
  return indexWords(text).map(encodeWord).join(' ');
}

/** The terms of a query: "quoted phrases" whole (spaces inside Chinese dropped), other words split on spaces; each as the words it needs. */
export function queryTerms(query: string): { text: string; words: string[] }[] {
  const terms: { text: string; words: string[] }[] = [];
  for (const match of query.matchAll(/"([^"]+)"|“([^”]+)”|(\S+)/gu)) {
    const text = (match[1] ?? match[2] ?? match[3] ?? '').replace(/(?<=[\p{Script=Han}])\s+(?=[\p{Script=Han}])/gu, '');
    const words = [...foldForSearch(text).matchAll(RUN)].flatMap(([run]) => (HAN_RUN.test(run) ? pairs(run) : [run]));
    if (words.length) terms.push({ text, words });
  }
  return terms;
}

/** The Pagefind query for one term: a single word as it is (matching by prefix), several as an exact phrase. */
export function pagefindQuery(term: { words: string[] }): string {
  const words = term.words.map(encodeWord);
  return words.length === 1 ? words[0]! : `"${words.join(' ')}"`;
}

/**
 * The same words unquoted, for ranking the exact phrase's results: Pagefind scores an exact phrase
 * with little regard to how often and where it occurs, and the words alone by their weighted
 * frequency (the title's words count several times over, records.ts). The words are those the phrase
 * search loaded already: ranking costs no further index bytes.
 */
export function rankingQuery(term: { words: string[] }): string | undefined {
  return term.words.length > 1 ? term.words.map(encodeWord).join(' ') : undefined;
}
