/**
 * `npm run build`: content check, `astro build`, the Pagefind index of the published articles,
 * security headers and a check of every internal link, each step timed. OUT_DIR is a link to the
 * live site, one of two folders (lib/build/site-slots.ts); the build brings the other to the live
 * state, builds into it — Astro finds every unchanged page in place — removes what this build did
 * not make, and publishes it by replacing the link only when every step succeeded: a failed or
 * killed build leaves the live site as it was, byte for byte. One build at a time per site.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { existsSync } from 'node:fs';
import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { Archive } from '../src/lib/archive/check.ts';
import { contentDir, loadArchive } from '../src/lib/archive/content-dir.ts';
import { tallyPage, type PageTally } from '../src/lib/build/astro-log.ts';
import { takeBuildLock } from '../src/lib/build/build-lock.ts';
import { buildCaches } from '../src/lib/build/caches.ts';
import { precompress } from '../src/lib/build/precompress.ts';
import { pruneOutput } from '../src/lib/build/prune-output.ts';
import { liveSlot, publishSlot, siteSlots, spareSlot } from '../src/lib/build/site-slots.ts';
import { syncTree } from '../src/lib/build/sync-tree.ts';
import { withHeapLimit } from '../src/lib/build/heap-limit.ts';
import { contentSecurityPolicy, headersFile, nginxSnippet } from '../src/lib/build/csp.ts';
import { readFactCache, writeFactCache } from '../src/lib/build/fact-cache.ts';
import { checkLinks, readBuiltSite, type BuiltSite } from '../src/lib/build/link-check.ts';
import { isPublished } from '../src/lib/build/publish.ts';
import { publishAssets } from '../src/lib/build/publish-assets.ts';
import { makePageImages, pageImagesMade, StaleYuanbanError } from '../src/lib/build/page-images.ts';
import { issueFolder } from '../src/lib/archive/content-assets.ts';
import { YUANBAN_ORIGINAL } from '../src/schemas/yuanban.ts';
import { compareLedger, LEDGER_FILE, pagePath, readLedger, writeLedger } from '../src/lib/build/url-ledger.ts';
import { indexShards, MAX_SHARD, shardRecords, shardsToWrite, type ShardSummary } from '../src/lib/search/shards.ts';
import { articleRecordSources } from '../src/lib/search/records.ts';
import { sourceDigest } from '../src/lib/source-digest.ts';
import { prepareFolding } from '../src/lib/search/fold.ts';
import { outputDir, siteConfig } from '../src/lib/site-config.ts';
import { reportContent } from './check-content.ts';

const dist = path.resolve(outputDir());
const slots = siteSlots(dist);
const site = siteConfig();
try {
  takeBuildLock(`${dist}.lock`);
} catch (error) {
  console.error(`build: ${(error as Error).message}`);
  process.exit(1);
}
// What the last build of this folder left to reuse: rendered content and pages, index shards, page checks.
const caches = buildCaches(dist, site.base);
// --force: a clean build, every cache of this folder emptied first (Astro is told too).
const force = process.argv.slice(2).includes('--force');
if (force) await rm(caches.root, { recursive: true, force: true });

/** Articles the search index may write beside Astro (each costs ~0.19 MB while written). */
const INDEX_BESIDE_ASTRO = 3_000;
/** Beyond this many issues the records themselves are too large to hold beside Astro: the index waits for it. */
const INDEX_BESIDE_ASTRO_ISSUES = 3_000;

/** What a step returns when it failed (and has said why). */
const FAILED = Symbol('failed');

/** For the tests only: the step at whose start (for astro build: while it renders) the build kills itself. */
const KILL_AT = process.env.BUILD_TEST_KILL_AT;
const killHere = (name: string) => {
  if (KILL_AT === name) process.kill(process.pid, 'SIGKILL');
};

/** Runs one timed step and gives back its value; a failed step ends the build with nothing published. */
async function step<T>(name: string, work: () => Promise<T | typeof FAILED> | T | typeof FAILED): Promise<T> {
  if (name !== 'astro build') killHere(name);
  const started = performance.now();
  const value = await work();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (value === FAILED) {
    console.log(`${name}: FAILED in ${seconds} s`);
    console.error(`build: nothing was published; ${path.relative(process.cwd(), dist) || '.'} is as it was`);
    process.exit(1);
  }
  console.log(`${name}: done in ${seconds} s`);
  return value;
}

const archive: Archive = await step('content check', async () => {
  const read = await loadArchive(contentDir(), { file: caches.content, write: true });
  return reportContent(read) ? read : FAILED;
});
if (!site.urlIsSet) {
  console.log(
    `content check: no QR codes on issue and article pages: SITE_URL is not set, and a code of ${site.url} would lead nowhere; set SITE_URL to the address readers use`,
  );
}
const live = await liveSlot(slots);
const staging = spareSlot(slots, live);
await step('staging', async () => {
  // The spare folder brought to the live site: unchanged pages, photos and originals stay where they are.
  if (force || !live) await rm(staging, { recursive: true, force: true });
  // Not walked: Vite's assets, made anew below, and pagefind/, which the search index step keeps up to date itself.
  const synced = live && !force ? await syncTree(live, staging, ['_astro', 'pagefind']) : undefined;
  // What every build makes anew: Vite's assets, the sitemaps, the headers files.
  const rebuilt = ['_astro', '_headers', 'nginx-security-headers.conf'];
  const sitemaps = (await readdir(staging).catch(() => [])).filter((name) => /^sitemap.*\.xml$/.test(name));
  for (const name of [...rebuilt, ...sitemaps]) await rm(path.join(staging, name), { recursive: true, force: true });
  await rm(caches.routeOutputs, { force: true });
  // Astro trusts a page in the folder whose key its manifest holds: the manifest the live site was built with, never a failed build's.
  const manifest = path.join(caches.astro, 'incremental-build.json');
  if (existsSync(caches.publishedManifest)) await copyFile(caches.publishedManifest, manifest);
  else await rm(manifest, { force: true });
  console.log(
    synced
      ? `staging: ${path.relative(process.cwd(), staging)} brought to the live site (${synced.copied} files copied, ${synced.deleted} deleted)`
      : `staging: ${path.relative(process.cwd(), staging)} emptied for a clean build`,
  );
});
/**
 * The search index of the published articles, into the spare folder's pagefind/. A shard is reused
 * only where its records and the code that makes their words are as they were.
 */
function indexArchive(): { run: () => Promise<ShardSummary>; pending: number } {
  const records = archive.issues.filter(isPublished).flatMap((issue) => articleRecordSources(issue, site.base));
  const code = sourceDigest(
    process.cwd(),
    ['src/lib/search/shards.ts', 'src/lib/search/bundle.ts', 'src/lib/search/cbor.ts'],
    ['package-lock.json'],
  );
  const shards = shardRecords(records, Number(process.env.SEARCH_SHARD_SIZE) || MAX_SHARD);
  const pending = shardsToWrite(shards, caches.search, code).reduce((sum, shard) => sum + shard.records.length, 0);
  return {
    pending,
    run: async () => {
      await prepareFolding();
      return indexShards(staging, shards, caches.search, code);
    },
  };
}

/**
 * Starts the search index at once, beside Astro, when both fit in memory together: an archive small
 * enough for its records to be held beside Astro, and few articles to index (Pagefind holds about
 * 0.19 MB an article while it writes). Otherwise it runs when its step asks for it, after Astro.
 */
function startIndexing(): { summary: () => Promise<ShardSummary>; beside: boolean } {
  const later = (index?: ReturnType<typeof indexArchive>) => {
    let summary: Promise<ShardSummary> | undefined;
    return () => (summary ??= (index ?? indexArchive()).run());
  };
  // A large archive's records alone take hundreds of MB: made after Astro has ended.
  if (archive.issues.length > INDEX_BESIDE_ASTRO_ISSUES) return { summary: later(), beside: false };
  const index = indexArchive();
  if (index.pending > INDEX_BESIDE_ASTRO) return { summary: later(index), beside: false };
  const summary = index.run();
  // Awaited in its own step; a failure before then is not an unhandled one.
  summary.catch(() => undefined);
  return { summary: () => summary, beside: true };
}
/** Printed pages whose images a build may make beside Astro (each page holds ~0.1 GB while it is made, and takes a second). */
const PAGE_IMAGES_BESIDE_ASTRO = 40;

/**
 * Makes the printed pages' images the cache lacks (a newly imported issue's): at once, beside Astro,
 * when they are few; when Astro is done, two originals at a time, when they are many (a clean build of
 * a large archive), within its memory.
 */
function startPageImages(): { beside: boolean; made: () => Promise<number> } {
  const originals = archive.issues
    .filter((issue) => isPublished(issue) && issue.yuanban && !pageImagesMade(issue.yuanban, caches.pageImages))
    .map((issue) => ({
      original: path.join(contentDir(), issueFolder(issue), YUANBAN_ORIGINAL),
      yuanban: issue.yuanban!,
    }));
  const pages = originals.reduce((sum, { yuanban }) => sum + yuanban.pages.length, 0);
  if (pages > PAGE_IMAGES_BESIDE_ASTRO) return { beside: false, made: () => makePageImages(originals, caches.pageImages, 2) };
  const made = makePageImages(originals, caches.pageImages);
  return { beside: true, made: () => made };
}
let indexing: ReturnType<typeof startIndexing> | undefined;
let pageImagesMaking: ReturnType<typeof startPageImages> | undefined;
await step('astro build', async () => {
  indexing = startIndexing();
  pageImagesMaking = startPageImages();
  const child = spawn('astro', ['build', ...(force ? ['--force'] : [])], {
    stdio: ['ignore', 'pipe', 'inherit'],
    // Astro's loaders read the content check's results just written instead of checking every file again.
    env: {
      ...process.env,
      OUT_DIR: staging,
      KEEP_OUT_DIR: '1',
      BUILD_OUTPUTS_FILE: caches.routeOutputs,
      ASTRO_CACHE_DIR: caches.astro,
      CONTENT_CHECK_CACHE: caches.content,
      // The child ends with this build, killed or not: it never writes on into the spare folder.
      NODE_OPTIONS: `${withHeapLimit(process.env.NODE_OPTIONS, archive.issues.length)} --import=${pathToFileURL(path.resolve(import.meta.dirname, 'lib/exit-with-parent.ts')).href}`,
    },
  });
  // Astro's log passes through as it comes; its page lines are counted on the way.
  const pages: PageTally = { rendered: 0, copied: 0 };
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    console.log(line);
    tallyPage(line, pages);
    if (pages.rendered + pages.copied > 0) killHere('astro build');
  });
  const [status] = (await once(child, 'close').catch((error: Error) => {
    console.error(`astro build: could not run astro (${error.message}); run the build through npm: npm run build`);
    return [1];
  })) as [number | null];
  console.log(`astro build: ${pages.rendered} pages rendered, ${pages.copied} kept from the last build`);
  return status === 0 ? true : FAILED;
});
await step('photos and originals', async () => {
  const made = await pageImagesMaking!.made();
  if (made) {
    console.log(
      `photos and originals: images of ${made} printed originals made${pageImagesMaking!.beside ? ' while Astro rendered' : ', two at a time'}`,
    );
  }
  // The archive read by the content check is used again here, not read a third time.
  const published = await publishAssets(archive, contentDir(), staging, caches.pageImages).catch((error: unknown): typeof FAILED => {
    if (!(error instanceof StaleYuanbanError)) throw error;
    const issueFile = `${path.relative(process.cwd(), path.dirname(error.original))}.md`;
    console.error(`photos and originals: ${error.message}: make the 原版 file anew from it: npm run yuanban -- --force ${issueFile}`);
    return FAILED;
  });
  if (published === FAILED) return FAILED;
  console.log(
    `photos and originals: files beside ${published.issues} issues published, ${published.copies} smaller photo copies, images of ${published.pages} printed pages (原版); ${published.written} files written, the rest already in place`,
  );
  // What this build did not make goes: pages of deleted issues and articles, photos taken out.
  const outputs = JSON.parse(await readFile(caches.routeOutputs, 'utf8')) as string[];
  const removed = await pruneOutput(staging, [...outputs, ...published.files], ['_astro', 'pagefind'], /^sitemap.*\.xml$/);
  console.log(
    `photos and originals: ${removed.length} files no longer made removed${removed.length ? ` (${removed.slice(0, 5).join(', ')}${removed.length > 5 ? ', …' : ''})` : ''}`,
  );
});
await step('search index', async () => {
  const summary = await indexing!.summary();
  console.log(
    `search index: ${summary.pages} articles in ${summary.written.length + summary.reused.length} shards, ${summary.written.length} indexed (${summary.written.join(', ') || 'none'}), ${summary.reused.length} unchanged; published as ${summary.shards.length} bundles, ${summary.merged.length} merged anew (${summary.merged.join(', ') || 'none'})${indexing!.beside ? '; indexed while Astro rendered' : ''}`,
  );
});
await step('compress', async () => {
  const { files, written } = await precompress(staging, path.join(caches.root, 'compressed'));
  console.log(
    `compress: ${files} shared files (Vite's, Pagefind's) served precompressed (.br, .gz), ${written} copies written, the rest up to date`,
  );
});
// The finished site, listed and its pages read once for the three checks that follow, and let go after them.
const ledger = await checkBuiltSite();
async function checkBuiltSite() {
  const built: BuiltSite = await step('security headers', async () => {
    const read = await readBuiltSite(staging, await readFactCache(caches.pages));
    const hashes = new Set<string>();
    for (const facts of read.pages.values()) for (const hash of facts.scripts) hashes.add(hash);
    const policy = contentSecurityPolicy([...hashes]);
    await writeFile(path.join(staging, '_headers'), headersFile(policy, site.base));
    const snippet = nginxSnippet(policy);
    await writeFile(path.join(staging, 'nginx-security-headers.conf'), snippet);
    // nginx reads the file it includes only when it starts or reloads.
    const served = live ? await readFile(path.join(live, 'nginx-security-headers.conf'), 'utf8').catch(() => undefined) : undefined;
    if (served !== undefined && served !== snippet) {
      console.log('security headers: nginx-security-headers.conf changed; once this build is published, reload nginx (nginx -s reload)');
    }
    console.log(
      `security headers: ${hashes.size} inline script${hashes.size === 1 ? '' : 's'} allowed by hash in _headers and nginx-security-headers.conf (${read.read} of ${read.pages.size} pages read anew)`,
    );
    return read;
  });
  await step('link check', () => {
    const { pages, links, broken } = checkLinks(built, site.base, site.url);
    for (const link of broken.slice(0, 50)) console.error(`broken link on ${link.page}: ${link.target} (${link.reason})`);
    if (broken.length > 50) console.error(`… and ${broken.length - 50} more broken links`);
    console.log(`link check: ${links} internal links and assets on ${pages} pages, ${broken.length} broken`);
    return broken.length === 0 ? true : FAILED;
  });
  return step('permanent links', async () => {
    const file = path.join(contentDir(), LEDGER_FILE);
    const urls = existsSync(file) ? readLedger(await readFile(file, 'utf8')) : [];
    const served = new Set([...built.pages.keys()].map(pagePath).filter((url): url is string => url !== undefined));
    const { missing, added } = compareLedger(urls, served);
    for (const url of missing) {
      console.error(
        `published URL no longer served: ${url} → restore its issue or article, keep a withdrawn article as withdrawn (撤稿), or add { from: ${url}, to: … } to ${path.relative(process.cwd(), path.join(contentDir(), 'redirects.yaml'))}`,
      );
    }
    console.log(`permanent links: ${urls.length} published URLs checked, ${missing.length} missing, ${added.length} new`);
    return missing.length === 0 ? { file, urls, added, built } : FAILED;
  });
}
await step('publish', async () => {
  // The link replaced in one rename: at every instant it names a whole site. The old one is the next build's spare.
  await publishSlot(slots, staging);
  // Only a published build's manifest and page facts are kept: a failed one never leaves its own for the next.
  await copyFile(path.join(caches.astro, 'incremental-build.json'), caches.publishedManifest);
  await writeFactCache(caches.pages, ledger.built);
  // Folders earlier builds of this site left (a staging folder, old sites) go in the background, after the build.
  const leftovers = (await readdir(path.dirname(dist))).filter(
    (name) => name === `${path.basename(dist)}.staging` || name.startsWith(`${path.basename(dist)}.old-`),
  );
  if (leftovers.length) {
    spawn('rm', ['-rf', ...leftovers.map((name) => path.join(path.dirname(dist), name))], { detached: true, stdio: 'ignore' }).unref();
  }
  console.log(`publish: the site is in ${path.relative(process.cwd(), dist) || '.'} (→ ${path.basename(staging)})`);
  if (ledger.added.length) {
    await writeFile(ledger.file, writeLedger([...ledger.urls, ...ledger.added]));
    console.log(
      `publish: ${ledger.added.length} new URLs recorded in ${path.relative(process.cwd(), ledger.file)}; commit it with the content`,
    );
  }
});
