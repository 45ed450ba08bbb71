/**
 * `npm run bench:search -- --issues N [--queries K] [--no-defaults]`: builds a synthetic archive of N issues, runs a
 * query set drawn from it (whole words, fragments of longer words, two-word phrases, names) through
 * the real search page in headless Chromium, served by nginx as offices serve it (the build's
 * precompressed Brotli copies), and through Pagefind's defaults
 * (the same articles indexed as Chinese text, queried with the stock API) side by side: precision and
 * recall at 10, and nDCG@10 graded over the whole archive (3: the title holds the query; 2: the text
 * holds it three times or more; 1: once or twice). Prints a table
 * and writes .cache/bench/search-N.json. A benchmark: it prints numbers and asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page, Response } from 'playwright-core';
import { loadArchive } from '../../src/lib/archive/content-dir.ts';
import { isPublished } from '../../src/lib/build/publish.ts';
import * as pagefind from 'pagefind';
import { writeIndex } from '../../src/lib/search/shards.ts';
import { benchQueries, containing, grades, ndcg, scoreQuery, type BenchQuery, type QueryKind } from './search-queries.ts';
import { articleRecords } from '../../src/lib/search/records.ts';
import { foldForSearch, prepareFolding } from '../../src/lib/search/fold.ts';
import { median, quantile } from './stats.ts';
import { launchBrowser } from '../lib/browser.ts';
import { NGINX, startNginx } from '../lib/nginx.ts';
import { serveStatic } from '../lib/static-server.ts';
import { writeCorpus } from './generate-corpus.ts';

/** How many queries of each kind are measured as a first search in a fresh browser. */
const FIRST_SEARCHES_PER_KIND = 3;

const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: '1000' },
    queries: { type: 'string', default: '25' },
    // --no-defaults: no comparison with Pagefind's defaults, whose one index of every article needs ~0.19 MB an article (12 GB at 10,000 issues).
    defaults: { type: 'boolean', default: true },
  },
  allowNegative: true,
});
const issues = Number(values.issues);
const root = path.resolve(`.cache/bench/search-${issues}`);
const content = path.join(root, 'content');
const dist = path.join(root, 'dist');

console.log(`bench:search: generating ${issues} issues`);
const written = await writeCorpus(content, issues);
const started = performance.now();
const build = spawnSync(process.execPath, ['scripts/build.ts'], {
  stdio: 'inherit',
  env: { ...process.env, CONTENT_DIR: content, OUT_DIR: dist, BASE_PATH: '/' },
});
if (build.status !== 0) throw new Error('the benchmark site did not build');
const buildSeconds = (performance.now() - started) / 1000;

// Pagefind's defaults: the same articles as plain Chinese text, segmented by Pagefind itself.
await prepareFolding();
const archive = await loadArchive(content);
const records = archive.issues.filter(isPublished).flatMap((issue) => articleRecords(issue, '/'));
if (values.defaults) {
  await writeIndex(
    records.map((record) => ({ ...record, content: `${record.meta.title}\n${record.meta.text}`, language: 'zh-cn' })),
    path.join(dist, 'default', 'pagefind'),
  );
  await pagefind.close();
}

const texts = new Map(records.map((record) => [record.url, foldForSearch(`${record.meta.title}\n${record.meta.text}`)]));
const titles = new Map(records.map((record) => [record.url, foldForSearch(record.meta.title ?? '')]));
const queries = benchQueries([...texts.values()], [...written.corpus.people, ...written.corpus.places], Number(values.queries));
// Served as offices serve it: nginx with the build's precompressed copies (Node's gzip server where nginx is missing).
const server = existsSync(NGINX) ? await startNginx(dist, '/') : await serveStatic(dist, '/');
console.log(
  `bench:search: served by ${existsSync(NGINX) ? 'nginx (precompressed .br and .gz)' : 'a Node static server (gzip on the fly)'}`,
);
const browser = await launchBrowser();

/** Bytes on the wire (compressed) while `work` runs. */
async function transferred(page: Page, work: () => Promise<void>): Promise<number> {
  const sizes: Promise<number>[] = [];
  const listener = (response: Response) =>
    sizes.push(
      response
        .request()
        .sizes()
        .then((s) => s.responseBodySize + s.responseHeadersSize),
    );
  page.on('response', listener);
  await work();
  page.off('response', listener);
  return (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
}

async function ours(page: Page, query: string): Promise<{ urls: string[]; ms: number }> {
  await page.evaluate(() => performance.clearMeasures('search'));
  await page.locator('#search-q').fill(query);
  await page.locator('#search-q').press('Enter');
  await page.waitForFunction(() => performance.getEntriesByName('search', 'measure').length > 0);
  const ms = await page.evaluate(() => performance.getEntriesByName('search', 'measure')[0]!.duration);
  const urls = await page
    .locator('.search-result h2 a')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return { urls, ms };
}

async function defaults(page: Page, query: string): Promise<string[] | undefined> {
  if (!values.defaults) return undefined;
  return page.evaluate(
    async ({ q, bundle }) => {
      const pagefind = (await import(bundle)) as {
        options: (o: Record<string, string>) => Promise<void>;
        search: (q: string) => Promise<{ results: { data: () => Promise<{ url: string }> }[] }>;
      };
      // Result URLs are the records' own; without this Pagefind puts its folder in front of them.
      await pagefind.options({ baseUrl: '/' });
      const found = await pagefind.search(q);
      return Promise.all(found.results.slice(0, 10).map(async (result) => (await result.data()).url));
    },
    { q: query, bundle: '/default/pagefind/pagefind.js' },
  );
}

// First searches, each in a fresh browser context (nothing cached), for the first queries of each kind.
const firstSearches: number[] = [];
const firstQueries = [...new Set(queries.map((query) => query.kind))].flatMap((kind) =>
  queries.filter((query) => query.kind === kind).slice(0, FIRST_SEARCHES_PER_KIND),
);
for (const query of firstQueries) {
  const fresh = await browser.newContext();
  const page = await fresh.newPage();
  firstSearches.push(
    await transferred(page, async () => {
      await page.goto(`${server.url}search/`);
      await ours(page, query.text);
    }),
  );
  await fresh.close();
}
// Then every query as a follow-up on one page: bytes and times.
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(`${server.url}search/`);
await ours(page, queries[0]!.text);
const followBytes: number[] = [];
type Scores = ReturnType<typeof scoreQuery> & { ndcg: number };
const rows: { query: BenchQuery; ours: Scores; defaults: Scores | undefined; ms: number }[] = [];
for (const query of queries) {
  let result: { urls: string[]; ms: number } = { urls: [], ms: 0 };
  followBytes.push(await transferred(page, async () => void (result = await ours(page, query.text))));
  const truth = containing(texts, query.text);
  // Graded over the whole archive: the articles about the query (its title holds it) should come first.
  const graded = grades(titles, texts, query.text);
  const score = (urls: string[]) => ({ ...scoreQuery(urls, truth), ndcg: ndcg(urls, graded) });
  const theirs = await defaults(page, query.text);
  rows.push({ query, ours: score(result.urls), defaults: theirs && score(theirs), ms: result.ms });
}
await browser.close();
await server.close();

const mean = (xs: (number | undefined)[]) => {
  const defined = xs.filter((x): x is number => x !== undefined);
  return defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : NaN;
};
const kinds: QueryKind[] = ['word', 'fragment', 'phrase', 'name'];
const table = kinds.map((kind) => {
  const of = rows.filter((row) => row.query.kind === kind);
  return {
    kind,
    queries: of.length,
    ours: {
      precision: mean(of.map((r) => r.ours.precision)),
      recall: mean(of.map((r) => r.ours.recall)),
      ndcg: mean(of.map((r) => r.ours.ndcg)),
      zero: mean(of.map((r) => Number(r.ours.empty))),
    },
    defaults: {
      precision: mean(of.map((r) => r.defaults?.precision)),
      recall: mean(of.map((r) => r.defaults?.recall)),
      ndcg: mean(of.map((r) => r.defaults?.ndcg)),
      zero: mean(of.map((r) => r.defaults && Number(r.defaults.empty))),
    },
  };
});
const times = rows.map((row) => row.ms);
const summary = {
  issues,
  articles: records.length,
  corpus: { megabytes: written.bytes / 1024 / 1024, proseSentences: written.sentences, vocabulary: written.vocabulary },
  buildSeconds,
  table,
  bytes: {
    firstSearchMedian: median(firstSearches),
    firstSearchMax: Math.max(...firstSearches),
    firstSearches: firstQueries.map((query, i) => ({ text: query.text, kind: query.kind, bytes: firstSearches[i] })),
    followUpMedian: median(followBytes),
    followUpP95: quantile(followBytes, 0.95),
  },
  milliseconds: { median: median(times), p95: quantile(times, 0.95), debounce: 150 },
  queries: rows.map((row) => ({ ...row.query, ours: row.ours, defaults: row.defaults, ms: row.ms })),
};
mkdirSync('.cache/bench', { recursive: true });
writeFileSync(`.cache/bench/search-${issues}.json`, JSON.stringify(summary, null, 2));

const f = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(2));
console.log(`\nsearch quality at ${issues} issues (${records.length} articles; vocabulary ${written.vocabulary} words)`);
console.log('kind      queries | ours P@10 R@10 nDCG@10 zero | Pagefind defaults P@10 R@10 nDCG@10 zero');
for (const row of table) {
  console.log(
    `${row.kind.padEnd(9)} ${String(row.queries).padStart(7)} |      ${f(row.ours.precision)} ${f(row.ours.recall)}    ${f(row.ours.ndcg)} ${f(row.ours.zero)} |                    ${f(row.defaults.precision)} ${f(row.defaults.recall)}    ${f(row.defaults.ndcg)} ${f(row.defaults.zero)}`,
  );
}
console.log(
  `first search: median ${(summary.bytes.firstSearchMedian / 1024).toFixed(0)} KB, max ${(summary.bytes.firstSearchMax / 1024).toFixed(0)} KB on the wire over ${firstSearches.length} queries, each in a fresh browser (search page code, index, fragments); follow-up median ${(summary.bytes.followUpMedian / 1024).toFixed(1)} KB, p95 ${(summary.bytes.followUpP95 / 1024).toFixed(1)} KB`,
);
console.log(
  `results in the page after the query reaches the search code: median ${summary.milliseconds.median.toFixed(0)} ms, p95 ${summary.milliseconds.p95.toFixed(0)} ms (typing debounce 150 ms, not included)`,
);
console.log(`build: ${buildSeconds.toFixed(1)} s; JSON: .cache/bench/search-${issues}.json`);
