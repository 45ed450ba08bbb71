/**
 * The facts of built pages (links, ids, inline-script hashes) kept between builds under the SHA-1 of
 * each page's bytes, so that a build parses only the pages whose bytes changed. Facts depend on the
 * bytes alone, so a kept fact is never stale; the file is written only when a build is published, so
 * a failed build leaves the last good one.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuiltSite, PageFacts } from './link-check.ts';

/** Changes whenever PageFacts does: an older file is then ignored. */
const VERSION = 1;

/** The facts kept by the last published build, by page hash; none when the file is missing, old or unreadable. */
export async function readFactCache(file: string): Promise<Map<string, PageFacts>> {
  try {
    const kept = JSON.parse(await readFile(file, 'utf8')) as { version: number; pages: Record<string, PageFacts> };
    return kept.version === VERSION ? new Map(Object.entries(kept.pages)) : new Map();
  } catch {
    return new Map();
  }
}

/** Keeps the facts of this site's pages (and only those) for the next build. */
export async function writeFactCache(file: string, site: BuiltSite): Promise<void> {
  const pages: Record<string, PageFacts> = {};
  for (const [page, hash] of site.hashes) pages[hash] = site.pages.get(page)!;
  await mkdir(path.dirname(file), { recursive: true });
  // Written aside and renamed: a build stopped halfway never leaves half a file.
  await writeFile(`${file}.new`, JSON.stringify({ version: VERSION, pages }));
  await rename(`${file}.new`, file);
}
