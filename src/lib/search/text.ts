import { foldCharacters } from './fold.ts';
import { foldNumbers, printedNumbers } from './numbers.ts';

/**
 * The words the search index holds and the words a query asks for. Chinese has no spaces, and
 * Pagefind's own segmentation splits names and new terms into single characters, so the index holds
 * overlapping character pairs instead: 垌头村举行 → 垌头 头村 村举 举行 行. A query becomes the pairs of
 * each of its words, searched as an exact phrase, so 垌头村 finds exactly the texts that contain 垌头村,
 * and a fragment of a longer word (民代表 in 人民代表大会) is found like any word. Both sides are folded
 * first (fold.ts): Traditional to Simplified, full width to half width, Latin to lower case, numbers
 * to digits.
 *
 * A number is found as the number it is, not as a part of a longer one: a digit that begins a
 * number is marked before it and one that ends it after it (郑州318中 → 郑州 州⁽3 ⁽31 18⁾ 8⁾中 中), so
 * 十八中 (⁽18⁾ 8⁾中) finds 郑州18中 and neither 郑州318中 nor 2018年, and 第5 finds 第5期, not 第59期.
 */

// Runs of Han characters and digits are paired; Latin words stay whole.
const RUN = /[\p{Script=Han}〇0-9]+|[\p{L}\p{N}]+/gu;
const HAN_RUN = /^[\p{Script=Han}〇0-9]+$/u;
/** The marks of a digit that begins a number and of one that ends it: private-use characters, which no run holds. */
const BEGINS = '\uE000';
const ENDS = '\uE001';
/** A word made of a run's characters and marks (encoded by code point), as opposed to a Latin word. */
const PAIRED_WORD = /^[\p{Script=Han}〇0-9\uE000\uE001]+$/u;

const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';

/** A run's characters, each digit with the marks of where its number begins and ends. */
function marked(run: string): string[] {
  const chars = [...run];
  return chars.map((char, index) =>
    isDigit(char) ? `${isDigit(chars[index - 1]) ? '' : BEGINS}${char}${isDigit(chars[index + 1]) ? '' : ENDS}` : char,
  );
}

/** The pairs of a run's (marked) characters; a single character stands alone. */
function pairs(chars: readonly string[]): string[] {
  if (chars.length < 2) return [...chars];
  return chars.slice(0, -1).map((char, index) => `${char}${chars[index + 1]}`);
}

/** The words of a text folded for search (fold.ts): each run's pairs, and with `last` its last character too. */
function runWords(folded: string, last: boolean): string[] {
  const words: string[] = [];
  for (const [run] of folded.matchAll(RUN)) {
    if (!HAN_RUN.test(run)) {
      words.push(run);
      continue;
    }
    const chars = marked(run);
    words.push(...pairs(chars));
    if (last && chars.length > 1) words.push(chars.at(-1)!);
  }
  return words;
}

/**
 * Readers shorten school names: 107中 for 第107高级中学, 十八中 for 第十八初级中学. The words of each short
 * name a text's numbered middle schools go by, after its own words (so no phrase of the text runs
 * into them). 第24中学 and 第5小学 hold their short names already (24中, 5小).
 */
const SCHOOL = /第([0-9]+)(?:高级|初级)中学/gu;
function shortNameWords(folded: string): string[] {
  const names = new Set([...folded.matchAll(SCHOOL)].map((match) => `${match[1]}中`));
  return [...names].flatMap((name) => runWords(name, true));
}

/** The words a text is indexed by, its characters folded: its runs' words, then its schools' short names. */
function textWords(characters: string): string[] {
  const folded = foldNumbers(characters);
  return [...runWords(folded, true), ...shortNameWords(folded)];
}

/** The index words of a text: each run's character pairs and its last character (so one character finds it by prefix). */
export function indexWords(text: string): string[] {
  return textWords(foldCharacters(text));
}

/**
 * A word as Pagefind stores it. Pagefind splits Chinese text into single characters whatever the
 * language, so each Han character or digit is written as four base-36 digits of its code point
 * (双 → 0gjw): pairs stay whole words, and a character stays a prefix of every pair it starts. Code
 * points of Han characters begin with a digit in this form, Latin words with a letter: they never meet.
 */
export function encodeWord(word: string): string {
  if (!PAIRED_WORD.test(word)) return word;
  return [...word].map((char) => char.codePointAt(0)!.toString(36).padStart(4, '0')).join('');
}

/**
 * The words that say in which form a text prints its numbers: 9zzc107x for 107 printed in Chinese
 * numerals (一〇七), 9zza18x for 18 printed in digits. Numbers are folded (numbers.ts), so 十八中 and
 * 18中 find the same texts; these words put the texts that print the number as the reader typed it
 * first. They begin with a code point no text holds (9zz… is beyond Unicode's assigned planes, in the
 * form of encodeWord), so no query word is a prefix of one, and end with x, so that 9zza18x is not a
 * prefix of 9zza180x.
 */
export function numberForms(text: string): string[] {
  return formsOf(foldCharacters(text));
}

/** The number forms of a text whose characters are folded (numbers as printed). */
function formsOf(characters: string): string[] {
  return printedNumbers(characters).map(({ value, chinese }) => `9zz${chinese ? 'c' : 'a'}${value}x`);
}

/** The text Pagefind indexes for a text: its index words, encoded, space-separated, then the forms of its numbers (after the words: no phrase runs into them). */
export function indexContent(text: string): string {
  // Characters folded once, for the words and for the forms.
  const characters = foldCharacters(text);
  return [...textWords(characters).map(encodeWord), ...formsOf(characters)].join(' ');
}

/** One term of a query: as typed, the index words it needs, and the forms of the numbers it types. */
export interface QueryTerm {
  text: string;
  words: string[];
  forms: string[];
}

/** The terms of a query: "quoted phrases" whole (spaces inside Chinese dropped), other words split on spaces; each as the words it needs. */
export function queryTerms(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const match of query.matchAll(/"([^"]+)"|“([^”]+)”|(\S+)/gu)) {
    const text = (match[1] ?? match[2] ?? match[3] ?? '').replace(/(?<=[\p{Script=Han}])\s+(?=[\p{Script=Han}])/gu, '');
    const characters = foldCharacters(text);
    const words = runWords(foldNumbers(characters), false);
    if (words.length) terms.push({ text, words, forms: formsOf(characters) });
  }
  return terms;
}

/** The Pagefind query for the texts that print a term's numbers as it types them, if it types any. */
export function formQuery(term: Pick<QueryTerm, 'forms'>): string | undefined {
  return term.forms.length ? term.forms.join(' ') : undefined;
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
