/**
 * The digest of the code that turns content into what the content store holds: the loaders, the
 * rehype plugins and every project module they import, the content and Astro configuration, and the
 * lockfile (the versions of remark, rehype and the rest). Astro's own hashes cover the code of the
 * pages, not this code, which runs while content syncs: mixed into each entry's digest, it makes an
 * edited plugin render every article again instead of leaving stale HTML in the store.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Relative imports and re-exports, static and dynamic: `from './x.ts'`, `import('./x.ts')`, `import './x.ts'`. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

/** The files reached from `entries` by relative imports, each once, in the order found. */
export function importedFiles(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = entries.map((entry) => path.resolve(entry));
  for (const file of queue) {
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) queue.push(path.resolve(path.dirname(file), match[1]!));
  }
  return [...seen];
}

/** The digest of the files reached from `entries` (their paths relative to `root` and their bytes) and of `extra` files. */
export function sourceDigest(root: string, entries: readonly string[], extra: readonly string[] = []): string {
  const hash = createHash('sha256');
  const files = [...importedFiles(entries.map((entry) => path.resolve(root, entry))), ...extra.map((file) => path.resolve(root, file))];
  for (const file of files.sort()) {
    hash.update(path.relative(root, file)).update('\0');
    if (existsSync(file)) hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}
