/**
 * Removes from a site folder built over the last site every file this build did not make: the
 * pages of deleted issues and articles, photos taken out of an issue. Empty folders go too.
 */
import { readdir, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Deletes each file below `site` that is not in `made` (relative paths), not below one of the
 * folders `fresh` (made anew by this build) and not at the top with a name matching `top`. Returns
 * the deleted files, relative.
 */
export async function pruneOutput(site: string, made: readonly string[], fresh: readonly string[], top: RegExp): Promise<string[]> {
  const keep = new Set(made.map((file) => path.normalize(file)));
  const root = path.resolve(site);
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const removed: string[] = [];
  const folders: string[] = [];
  for (const entry of entries) {
    // By string, not path.relative (which resolves both paths for each file).
    const relative = `${entry.parentPath}${path.sep}${entry.name}`.slice(root.length + 1);
    const [first] = relative.split(path.sep);
    if (fresh.includes(first!)) continue;
    if (entry.isDirectory()) folders.push(relative);
    else if (!keep.has(relative) && !(path.dirname(relative) === '.' && top.test(entry.name))) {
      await rm(path.join(site, relative), { force: true });
      removed.push(relative);
    }
  }
  // Deepest first; a folder still holding files stays.
  for (const folder of folders.sort((a, b) => b.length - a.length)) await rmdir(path.join(site, folder)).catch(() => undefined);
  return removed.sort();
}
