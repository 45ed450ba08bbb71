/**
 * `npm run build`: content check, then `astro build`, then the Pagefind index, each step timed.
 * A failing step stops the build with a non-zero exit.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { indexSite } from '../src/lib/search-index.ts';
import { outputDir } from '../src/lib/site-config.ts';
import { checkContent } from './check-content.ts';

const dist = path.resolve(outputDir());

async function step(name: string, work: () => Promise<boolean> | boolean): Promise<void> {
  const started = performance.now();
  const ok = await work();
  console.log(`${name}: ${ok ? 'done' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (!ok) process.exit(1);
}

await step('content check', () => checkContent());
await step('astro build', () => spawnSync('astro', ['build'], { stdio: 'inherit' }).status === 0);
await step('search index', async () => {
  const summary = await indexSite(dist);
  console.log(`search index: ${summary.pages} article pages indexed into ${path.relative(process.cwd(), summary.outputPath)}`);
  return true;
});
