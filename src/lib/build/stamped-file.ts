/**
 * Files a build derives from another file (a copy, a WebP copy, a compressed copy) carry that file's
 * modification time: a derived file with its source's time is up to date. Each is written beside its
 * place and renamed over it, never rewritten in place, so nothing that shares the old inode changes.
 */
import { rename, stat, utimes } from 'node:fs/promises';

/** Two modification times, in whole milliseconds: a time set from a float of seconds may come back a hair off. */
export function sameTime(a: { mtimeMs: number }, b: { mtimeMs: number }): boolean {
  return Math.floor(a.mtimeMs) === Math.floor(b.mtimeMs);
}

/** True when `file` exists with the source's time (and, when given, the size `size`). */
export async function upToDate(file: string, source: { mtimeMs: number }, size?: number): Promise<boolean> {
  const facts = await stat(file).catch(() => undefined);
  return facts !== undefined && (size === undefined || facts.size === size) && sameTime(facts, source);
}

/** Gives a finished file (written at `temporary`) the source's time and puts it in place at `file` by rename. */
export async function settle(temporary: string, file: string, source: { mtimeMs: number }): Promise<void> {
  await utimes(temporary, source.mtimeMs / 1000, source.mtimeMs / 1000);
  await rename(temporary, file);
}
