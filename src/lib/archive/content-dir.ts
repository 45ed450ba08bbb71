import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import type { Redirect } from '../../schemas/redirect.ts';
import path from 'node:path';
import { checkArchive, isContentText, parseRedirects, type Archive, type ContentFile } from './check.ts';
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

/** Reads and checks the archive in a content folder; problems name files relative to the working directory. */
export async function loadArchive(dir: string = contentDir()): Promise<Archive> {
  const shown = path.relative(process.cwd(), dir) || '.';
  return checkArchive(await readContentFiles(dir), shown.split(path.sep).join('/'));
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
