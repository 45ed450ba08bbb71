/**
 * `npm run bench:lighthouse -- [--issues N]`: builds a synthetic archive of N issues (default 1,000),
 * serves it gzip-compressed with its security headers, and prints Lighthouse's four scores
 * (performance, accessibility, best practices, SEO) for the home, issue, article, 原版, search and site map pages,
 * in Debian's Chromium. Writes .cache/bench/lighthouse-N.json. Prints numbers; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM } from '../lib/browser.ts';
import { serveStatic } from '../lib/static-server.ts';
import { writeCorpus } from './generate-corpus.ts';

const { values } = parseArgs({ options: { issues: { type: 'string', default: '1000' } } });
const issues = Number(values.issues);
const root = path.resolve(`.cache/bench/lighthouse-${issues}`);
const content = path.join(root, 'content');
const dist = path.join(root, 'dist');

if (!existsSync(path.join(dist, 'index.html'))) {
  console.log(`bench:lighthouse: generating and building ${issues} issues`);
  await writeCorpus(content, issues);
  const build = spawnSync(process.execPath, ['scripts/build.ts'], {
    stdio: 'inherit',
    env: { ...process.env, CONTENT_DIR: content, OUT_DIR: dist },
  });
  if (build.status !== 0) throw new Error('the benchmark site did not build');
}

const server = await serveStatic(dist, '/');
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
// The newest issue on the home page, and its first article.
const home = readFileSync(path.join(dist, 'index.html'), 'utf8');
const issue = /href="\/([a-z0-9-]+\/\d{4}\/[a-z0-9-]+\/)"/.exec(home)?.[1];
if (!issue) throw new Error('no issue linked from the home page');
const article = /href="\/([a-z0-9-]+\/\d{4}\/[a-z0-9-]+\/[a-z0-9-]+\/)"/.exec(
  readFileSync(path.join(dist, issue, 'index.html'), 'utf8'),
)?.[1];
// The first issue with printed pages (原版).
const printed = readdirSync(content, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('/yuanban.json'))
  .sort()[0]
  ?.replace(/yuanban\.json$/, 'yuanban/');
if (!printed) throw new Error('no issue with printed pages in the archive');
const pages: Record<string, string> = {
  home: '',
  issue,
  article: article ?? issue,
  原版: printed,
  search: 'search/?q=%E8%B0%83%E7%A0%94',
  'site map': 'site-map/',
};
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const scores: Record<string, Record<string, number>> = {};
try {
  for (const [name, url] of Object.entries(pages)) {
    const result = await lighthouse(`${server.url}${url}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...categories],
    });
    const lhr = result!.lhr;
    scores[name] = Object.fromEntries(categories.map((category) => [category, Math.round((lhr.categories[category]?.score ?? 0) * 100)]));
    const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];
    console.log(`${name}: ${metrics.map((id) => `${id} ${lhr.audits[id]?.displayValue ?? '-'}`).join(', ')}`);
    const failing = Object.values(lhr.audits).filter(
      (audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode === 'binary',
    );
    if (failing.length) console.log(`${name}: audits below par: ${failing.map((audit) => audit.id).join(', ')}`);
  }
} finally {
  chrome.kill();
  await server.close();
}
mkdirSync('.cache/bench', { recursive: true });
writeFileSync(`.cache/bench/lighthouse-${issues}.json`, JSON.stringify(scores, null, 2));
console.log(`\nLighthouse at ${issues} issues (mobile, simulated throttling)`);
console.log(`page      ${categories.map((c) => c.padStart(15)).join('')}`);
for (const [name, row] of Object.entries(scores))
  console.log(`${name.padEnd(9)} ${categories.map((c) => String(row[c]).padStart(15)).join('')}`);
