import { foldNumbersWithPlaces } from './numbers.ts';
import { TRADITIONAL_URO } from './traditional-chars.ts';

/**
 * Folding for search: NFKC (full width → half width), lower case, Traditional → Simplified by
 * character (OpenCC's TSCharacters table), the same for the index and for queries, so that 雙減
 * finds 双减. The table is 18 KB compressed, so the search page loads it only when a query or a
 * result holds a character it might fold: a bitmap of the table's characters in the common Han
 * block (traditional-chars.ts, 1.7 KB) tells, and any Han character outside that block loads it.
 */

/** The start of the CJK Unified Ideographs block, where the bitmap begins. */
const URO_START = 0x4e00;
const URO_END = 0x9fff;
const HAN = /\p{Script=Han}/u;

let table: ReadonlyMap<string, string> | undefined;
let bitmap: Uint8Array | undefined;

/** Parses OpenCC's character table ("雙 双|減 减|…"). */
export function parseCharacterTable(source: string): Map<string, string> {
  return new Map(
    source.split('|').map((pair) => {
      const [from = '', to = ''] = pair.split(' ');
      return [from, to];
    }),
  );
}

/** The bitmap of a table's characters in U+4E00–U+9FFF, base64: bit i of byte i >> 3 is U+4E00 + i. */
export function uroBitmap(characters: Iterable<string>): string {
  const bits = new Uint8Array((URO_END - URO_START + 1) / 8);
  for (const char of characters) {
    const code = char.codePointAt(0)!;
    if (code < URO_START || code > URO_END) continue;
    const i = code - URO_START;
    bits[i >> 3]! |= 1 << (i & 7);
  }
  let binary = '';
  for (const byte of bits) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Whether a (normalized) text holds a character the table might fold. */
export function mayHoldTraditional(text: string): boolean {
  bitmap ??= Uint8Array.from(atob(TRADITIONAL_URO), (char) => char.charCodeAt(0));
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x3400) continue;
    if (code >= URO_START && code <= URO_END) {
      const i = code - URO_START;
      if (bitmap[i >> 3]! & (1 << (i & 7))) return true;
    } else if (HAN.test(char)) return true;
  }
  return false;
}

/**
 * Loads the Traditional → Simplified table if any of the texts may need it (all texts, when none
 * are given). In the browser the table is a chunk of its own, fetched on the first such text.
 */
export async function prepareFolding(texts?: Iterable<string>): Promise<void> {
  if (table) return;
  if (texts) {
    let needed = false;
    for (const text of texts) if ((needed = mayHoldTraditional(text.normalize('NFKC')))) break;
    if (!needed) return;
  }
  const { default: source } = await import('opencc-js/dict/TSCharacters');
  table ??= parseCharacterTable(source);
}

/** Folds text for searching: NFKC, lower case, Traditional → Simplified by character, numbers to Arabic digits (numbers.ts). */
export function foldForSearch(text: string): string {
  return foldNumbersWithPlaces(foldCharacters(text)).text;
}

/**
 * Folds text for searching as `foldForSearch` does, and says for each character of the folded text
 * the index of the character of `text` it comes from, so that a match in the folded text can be
 * marked in the original.
 */
export function foldWithPlaces(text: string): { text: string; from: number[] } {
  const chars = [...text];
  const from: number[] = [];
  let folded = '';
  chars.forEach((char, index) => {
    for (const piece of foldCharacters(char)) {
      folded += piece;
      from.push(index);
    }
  });
  const numbers = foldNumbersWithPlaces(folded);
  return { text: numbers.text, from: numbers.from.map((place) => from[place]!) };
}

/** NFKC, lower case, Traditional → Simplified by character (numbers as printed). */
export function foldCharacters(text: string): string {
  const normal = text.normalize('NFKC').toLowerCase();
  if (!table) {
    if (mayHoldTraditional(normal))
      throw new Error(`foldForSearch: "${normal}" may hold Traditional characters; await prepareFolding() first`);
    return normal;
  }
  const map = table;
  return [...normal].map((char) => map.get(char) ?? char).join('');
}
