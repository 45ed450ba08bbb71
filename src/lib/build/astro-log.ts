/**
 * What `astro build` says of each page it generates: a line `├─ /path/ (+12ms)` for a page rendered,
 * `├─ /path/ (restored)` or `(cached)` for one its incremental build copied from the last build
 * (coloured where Astro thinks a terminal or CI reads it).
 */
import { stripVTControlCharacters } from 'node:util';

/** Pages rendered and pages copied from the last build, counted from Astro's log. */
export interface PageTally {
  rendered: number;
  copied: number;
}

const PAGE_LINE = /[├└]─ (\/\S*)(?:.*\((restored|cached)\))?/u;

/** The page a line of Astro's log names, and whether it was copied; undefined for other lines. */
export function pageOfLine(line: string): { page: string; copied: boolean } | undefined {
  const match = PAGE_LINE.exec(stripVTControlCharacters(line));
  return match ? { page: match[1]!, copied: match[2] !== undefined } : undefined;
}

/** Counts one line of Astro's log into the tally (lines that name no page are passed over). */
export function tallyPage(line: string, tally: PageTally): void {
  const page = pageOfLine(line);
  if (page?.copied) tally.copied++;
  else if (page) tally.rendered++;
}
