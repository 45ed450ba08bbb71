/**
 * What one output folder keeps between builds, so that a build redoes only what changed: Astro's
 * cache (the rendered content and the incremental build's pages), the search index shards, the
 * checks of the built pages and of the content files. One set per output folder and base path, in
 * `.cache/` beside the output folder: archives built on one machine (the bundled one, the tests',
 * the benchmarks') never evict each other's, and two builds of different folders never share one.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';

/** The cache folders and files of one output folder built under one base path. */
export interface BuildCaches {
  /** The folder holding all of them: removing it makes the next build a clean one. */
  root: string;
  /** Astro's `cacheDir`: its content data store and the incremental build's manifest and pages. */
  astro: string;
  /** The search index shards, each under the digest of its records. */
  search: string;
  /** Links, ids and inline-script hashes of each built page, by the hash of its bytes. */
  pages: string;
  /** The content check's result for each file, by the hash of its text. */
  content: string;
  /** Astro's incremental-build manifest as the published site was built with it (a failed build writes its own). */
  publishedManifest: string;
  /** Where Astro writes the files its routes wrote or kept in this build (see integrations/build-outputs.ts). */
  routeOutputs: string;
  /**
   * The images of printed pages (原版), by the digest of the original they were made from: shared by
   * every output folder beside this one, and kept by a clean build, as they depend on that file alone.
   */
  pageImages: string;
}

/** The caches of the site built into `dist` (an absolute path) under `base`. */
export function buildCaches(dist: string, base: string): BuildCaches {
  const tag = createHash('sha256').update(base).digest('hex').slice(0, 8);
  const root = path.join(path.dirname(dist), '.cache', `${path.basename(dist)}-${tag}`);
  return {
    root,
    astro: path.join(root, 'astro'),
    search: path.join(root, 'search-shards'),
    pages: path.join(root, 'page-checks.json'),
    content: path.join(root, 'content-check.json'),
    publishedManifest: path.join(root, 'published-build.json'),
    routeOutputs: path.join(root, 'route-outputs.json'),
    pageImages: path.join(path.dirname(dist), '.cache', 'page-images'),
  };
}
