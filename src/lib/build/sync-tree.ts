/**
 * Brings a folder to the state of another by the files' size and modification time: a file that
 * differs is replaced by a copy written beside it and renamed over it (never rewritten in place, so
 * nothing else that shares its inode changes), its time set to the source's; what the source lacks
 * goes. Walking two sites of 7,600 pages this way takes about 0.1 s.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { eachAtMost } from '../concurrency.ts';
import { settle } from './stamped-file.ts';

/** Files and folders below `dir` by relative path, with size and mtime (whole ms) for files; top-level names in `skip` not entered. */
function listTree(folder: string, skip: ReadonlySet<string>): Map<string, { size: number; mtime: number } | 'dir'> {
  const dir = path.resolve(folder);
  const found = new Map<string, { size: number; mtime: number } | 'dir'>();
  let top: Dirent[];
  try {
    top = readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  const entries = top
    .filter((entry) => !skip.has(entry.name))
    .flatMap((entry) => [
      entry,
      ...(entry.isDirectory() ? readdirSync(path.join(dir, entry.name), { recursive: true, withFileTypes: true }) : []),
    ]);
  // Synchronous calls: tens of thousands of quick ones, each not worth a trip to the thread pool.
  for (const entry of entries) {
    // By string, not path.relative: it resolves both paths against the working folder, for each of a hundred thousand files.
    const file = `${entry.parentPath}${path.sep}${entry.name}`;
    const relative = file.slice(dir.length + 1);
    if (entry.isDirectory()) found.set(relative, 'dir');
    else if (entry.isFile()) {
      const facts = statSync(file);
      // Whole milliseconds: a time set from a float of seconds may come back a hair off.
      found.set(relative, { size: facts.size, mtime: Math.floor(facts.mtimeMs) });
    }
  }
  return found;
}

/**
 * Makes `to` hold exactly what `from` holds, but for the top-level folders or files named in `skip`
 * (left as they are in `to`); returns how many files were copied and deleted.
 */
export async function syncTree(from: string, to: string, skip: readonly string[] = []): Promise<{ copied: number; deleted: number }> {
  const [source, target] = [listTree(from, new Set(skip)), listTree(to, new Set(skip))];
  let deleted = 0;
  // Deepest first, so a folder is emptied before it goes.
  for (const [relative, facts] of [...target].sort(([a], [b]) => b.length - a.length)) {
    const wanted = source.get(relative);
    if (wanted === undefined || (wanted === 'dir') !== (facts === 'dir')) {
      await rm(path.join(to, relative), { recursive: true, force: true });
      if (facts !== 'dir') deleted++;
    }
  }
  await mkdir(to, { recursive: true });
  let copied = 0;
  const folders = [...source].filter(([, facts]) => facts === 'dir').map(([relative]) => relative);
  for (const folder of folders.sort()) await mkdir(path.join(to, folder), { recursive: true });
  const files = [...source].filter((entry): entry is [string, { size: number; mtime: number }] => entry[1] !== 'dir');
  // A few at a time: a first spare copies every file of the site.
  await eachAtMost(files, 16, async ([relative, facts]) => {
    const had = target.get(relative);
    if (had !== undefined && had !== 'dir' && had.size === facts.size && had.mtime === facts.mtime) return;
    const file = path.join(to, relative);
    const temporary = `${file}.sync-${process.pid}`;
    await copyFile(path.join(from, relative), temporary);
    await settle(temporary, file, await stat(path.join(from, relative)));
    copied++;
  });
  return { copied, deleted };
}
