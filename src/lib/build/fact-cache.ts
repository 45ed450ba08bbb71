/**
 * The facts of built pages (links, ids, inline-script hashes) kept between builds under the SHA-1 of
 * each page's bytes, so that a build parses only the pages whose bytes changed. Facts depend on the
 * bytes alone, so a kept fact is never stale; the file is written only when a build is published, so
 * a failed build leaves the last good one.
 */
import { readKept, writeKept } from '../kept-file.ts';
import type { BuiltSite, PageFacts } from './link-check.ts';

/** Changes whenever PageFacts does: an older file is then ignored. */
const VERSION = 1;

/** The facts kept by the last published build, by page hash; none when the file is missing, old or unreadable. */
export function readFactCache(file: string): Promise<Map<string, PageFacts>> {
  return readKept<PageFacts>(file, VERSION);
}

/** Keeps the facts of this site's pages (and only those) for the next build. */
export function writeFactCache(file: string, site: BuiltSite): Promise<void> {
  return writeKept(file, VERSION, new Map([...site.hashes].map(([page, hash]) => [hash, site.pages.get(page)!])));
}
