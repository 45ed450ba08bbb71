/**
 * `npm run build`: content check, then `astro build`, then the Pagefind index of the published
 * articles, each step timed. A failing step stops the build with a non-zero exit.
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Archive } from '../src/lib/archive.ts';
import { loadArchive } from '../src/lib/content-dir.ts';
import { contentSecurityPolicy, headersFile, inlineScriptHashes, nginxSnippet } from '../src/lib/csp.ts';
import { isPublished } from '../src/lib/publish.ts';
import { indexRecords } from '../src/lib/search-index.ts';
import { articleRecords } from '../src/lib/search-records.ts';
import { outputDir, siteConfig } from '../src/lib/site-config.ts';
import { reportContent } from './check-content.ts';

const dist = path.resolve(outputDir());

async function step(name: string, work: () => Promise<boolean> | boolean): Promise<void> {
  const started = performance.now();
  const ok = await work();
  console.log(`${name}: ${ok ? 'done' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (!ok) process.exit(1);
}

let archive: Archive | undefined;
await step('content check', async () => {
  archive = await loadArchive();
  return reportContent(archive);
});
await step('astro build', () => spawnSync('astro', ['build'], { stdio: 'inherit' }).status === 0);
await step('search index', async () => {
  const base = siteConfig().base;
  const records = archive!.issues.filter(isPublished).flatMap((issue) => articleRecords(issue, base));
  const summary = await indexRecords(dist, records);
  console.log(`search index: ${summary.pages} articles indexed into ${path.relative(process.cwd(), summary.outputPath)}`);
  return true;
});
await step('security headers', async () => {
  const pages = (await readdir(dist, { recursive: true })).filter((file) => file.endsWith('.html'));
  const hashes = new Set<string>();
  for (const page of pages) for (const hash of inlineScriptHashes(await readFile(path.join(dist, page), 'utf8'))) hashes.add(hash);
  const policy = contentSecurityPolicy([...hashes]);
  await writeFile(path.join(dist, '_headers'), headersFile(policy, siteConfig().base));
  await writeFile(path.join(dist, 'nginx-security-headers.conf'), nginxSnippet(policy));
  console.log(
    `security headers: ${hashes.size} inline script${hashes.size === 1 ? '' : 's'} allowed by hash in _headers and nginx-security-headers.conf`,
  );
  return true;
});
