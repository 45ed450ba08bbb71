import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import type { Redirect } from '../../schemas/redirect.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readKept, writeKept } from '../kept-file.ts';
import { sourceDigest } from '../source-digest.ts';
import { checkArchive, isContentText, parseRedirects, type Archive, type CheckedIssue, type ContentFile } from './check.ts';
import { ContentError } from './problems.ts';

/** The content folder: CONTENT_DIR if set (relative to the working directory), else ./content. */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.CONTENT_DIR || 'content');
}

/** Every file below a folder (following links), relative paths with "/", text read for content files. */
export async function readContentFiles(dir: string): Promise<ContentFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() || entry.isSymbolicLink());
  return Promise.all(
    files.map(async (entry) => {
      const full = path.join(entry.parentPath, entry.name);
      const relative = path.relative(dir, full).split(path.sep).join('/');
      return { path: relative, text: isContentText(relative) ? await readFile(full, 'utf8') : undefined };
    }),
  );
}

/** Where the content check keeps its results between runs, and whether it writes them back. */
export interface CheckCacheFile {
  file: string;
  /** False for a reader that must not write (Astro's loaders read what the build's own check wrote). */
  write: boolean;
}

/** The digest of the content check's own code (this module and all it imports): results of other code are not reused. */
function checkCode(): string {
  const here = fileURLToPath(import.meta.url);
  return sourceDigest(path.dirname(here), [here]);
}

/**
 * Reads and checks the archive in a content folder; problems name files relative to the working
 * directory. With a cache file, issue files whose text, place and series are as when last checked (by
 * the same code) are not checked again; the file then keeps this run's results only.
 */
export async function loadArchive(dir: string = contentDir(), cache?: CheckCacheFile): Promise<Archive> {
  const shown = (path.relative(process.cwd(), dir) || '.').split(path.sep).join('/');
  const files = await readContentFiles(dir);
  if (!cache) return checkArchive(files, shown);
  const code = checkCode();
  const kept = await readKept<CheckedIssue>(cache.file, code);
  const used = new Map<string, CheckedIssue>();
  const archive = checkArchive(files, shown, {
    get: (digest) => {
      const checked = kept.get(digest);
      if (checked) used.set(digest, checked);
      return checked;
    },
    set: (digest, checked) => used.set(digest, checked),
  });
  if (cache.write) await writeKept(cache.file, code, used);
  return archive;
}

/**
 * The redirects of a content folder (redirects.yaml), read synchronously for the redirect pages;
 * an invalid file stops the build with the same problems the content check reports.
 */
export function readRedirects(dir: string = contentDir()): Redirect[] {
  const file = path.join(dir, 'redirects.yaml');
  if (!existsSync(file)) return [];
  const { redirects, problems } = parseRedirects(readFileSync(file, 'utf8'), path.relative(process.cwd(), file) || file);
  if (problems.length) throw new ContentError(problems);
  return redirects;
}
