/**
 * The facts of built pages (links, ids, inline-script hashes) kept between builds under each page's
 * path, size and modification time, so that a build reads only the pages it wrote. The file is
 * written only when a build is published, so a failed build leaves the last good one.
 */
import { readKept, writeKept } from '../kept-file.ts';
import type { BuiltSite, PageFacts } from './link-check.ts';

/** Changes whenever PageFacts does: an older file is then ignored. */
const VERSION = 2;

/** The facts kept by the last published build, by page path, size and time; none when the file is missing, old or unreadable. */
export function readFactCache(file: string): Promise<Map<string, PageFacts>> {
  return readKept<PageFacts>(file, VERSION);
}

/** Keeps the facts of this site's pages (and only those) for the next build. */
export function writeFactCache(file: string, site: BuiltSite): Promise<void> {
  return writeKept(file, VERSION, new Map([...site.keys].map(([page, key]) => [key, site.pages.get(page)!])));
}
