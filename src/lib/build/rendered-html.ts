/**
 * Each article's rendered HTML, kept out of Astro's content data store: Astro inlines the whole store
 * into the bundle it builds pages with, so every byte of it is parsed by Vite and held by every build,
 * however few pages change. The article loader writes an article's HTML to a file named by its entry's
 * digest (which covers its Markdown, its data, its files and the code that renders it), and pages read
 * it while they render. The files live in Astro's cache folder, beside the store they stand in for.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildCaches } from './caches.ts';
import { outputDir, siteConfig } from '../site-config.ts';

/** Astro's cache folder for this output folder and base path (ASTRO_CACHE_DIR where the build names it). */
export function astroCacheDir(env: Record<string, string | undefined> = process.env): string {
  return env.ASTRO_CACHE_DIR || buildCaches(path.resolve(outputDir(env)), siteConfig(env).base).astro;
}

/** The folder of rendered HTML files in an Astro cache folder. */
export function renderedFolder(cacheDir: string): string {
  return path.join(cacheDir, 'rendered-html');
}

/** The file holding the HTML of the entry with this digest. */
export function renderedFile(cacheDir: string, digest: string | number): string {
  return path.join(renderedFolder(cacheDir), `${digest}.html`);
}

/** An article entry's rendered HTML, as its loader wrote it. */
export function renderedHtml(entry: { id: string; digest?: string | number }): string {
  if (entry.digest === undefined) throw new Error(`article ${entry.id}: no digest, so no rendered HTML to read`);
  return readFileSync(renderedFile(astroCacheDir(), entry.digest), 'utf8');
}
