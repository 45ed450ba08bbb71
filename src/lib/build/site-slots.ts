/**
 * The two folders a site is built into in turn, and the link the web server serves. OUT_DIR (dist)
 * is a symbolic link to one of them, the live site; the build writes only into the other, the
 * spare, brought first to the live state so that Astro finds every unchanged page in place. It
 * publishes by replacing the link with a rename, which is atomic: at every instant OUT_DIR is a
 * whole site, the old or the new. The old live folder is the next build's spare.
 */
import { existsSync, lstatSync, type Stats } from 'node:fs';
import { readlink, rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';

/** The link OUT_DIR and its two folders (siblings of it, named after it). */
export interface SiteSlots {
  link: string;
  slots: readonly [string, string];
}

/** The slots of the site served at `dist` (an absolute path). */
export function siteSlots(dist: string): SiteSlots {
  return { link: dist, slots: [`${dist}.a`, `${dist}.b`] };
}

/**
 * The folder the link names now, or undefined before the first build. A site built before the link
 * existed (OUT_DIR a folder) becomes the first slot, linked in its place.
 */
export async function liveSlot({ link, slots }: SiteSlots): Promise<string | undefined> {
  const entry = lstat(link);
  if (!entry) return undefined;
  if (entry.isDirectory()) {
    await rm(slots[0], { recursive: true, force: true });
    await rename(link, slots[0]);
    await publishSlot({ link, slots }, slots[0]);
    return slots[0];
  }
  if (!entry.isSymbolicLink()) throw new Error(`${link} is a file, not the site's folder or its link: move it away`);
  const target = path.resolve(path.dirname(link), await readlink(link));
  if (!slots.includes(target)) throw new Error(`${link} links to ${target}, not to ${slots.join(' or ')}: remove the link`);
  return existsSync(target) ? target : undefined;
}

/** The folder to build into: the one the link does not name. */
export function spareSlot({ slots }: SiteSlots, live: string | undefined): string {
  return live === slots[0] ? slots[1] : slots[0];
}

/** Makes `slot` the live site: a new link beside the old, renamed over it (one atomic step). */
export async function publishSlot({ link }: SiteSlots, slot: string): Promise<void> {
  const next = `${link}.link-${process.pid}`;
  await rm(next, { force: true });
  // Relative, so the site's folder can be moved or mounted elsewhere with its slots.
  await symlink(path.basename(slot), next);
  await rename(next, link);
}

function lstat(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}
