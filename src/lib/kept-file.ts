/**
 * Results a build keeps between runs in a JSON file, under a stamp (a format version, a digest of
 * the code that made them): a file with another stamp, missing or unreadable, keeps nothing.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The entries kept in `file` under `stamp`; none when the file is missing, unreadable or of another stamp. */
export async function readKept<T>(file: string, stamp: string | number): Promise<Map<string, T>> {
  try {
    const kept = JSON.parse(await readFile(file, 'utf8')) as { stamp: string | number; entries: Record<string, T> };
    return kept.stamp === stamp ? new Map(Object.entries(kept.entries)) : new Map();
  } catch {
    return new Map();
  }
}

/** Keeps exactly these entries in `file` under `stamp`. */
export async function writeKept<T>(file: string, stamp: string | number, entries: ReadonlyMap<string, T>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  // Written aside and renamed: a run stopped halfway never leaves half a file.
  await writeFile(`${file}.new`, JSON.stringify({ stamp, entries: Object.fromEntries(entries) }));
  await rename(`${file}.new`, file);
}
