/**
 * `npm run bench -- --issues 100,1000,10000 [--runs K]`: for each size, generates a synthetic archive
 * (scripts/bench/generate-corpus.ts), builds it clean K times, then adds one issue and rebuilds, and reports
 * wall time by step (content check, Astro, search index, …), peak memory (largest process and the
 * whole process tree, sampled every 200 ms), pages, output size and file count, index size, and for
 * the update how many index files and pages were rewritten. Prints a table and writes
 * .cache/bench/build.json. Reproduce a figure with `/usr/bin/time -v npm run build`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.ts';
import { median } from './stats.ts';
import { fileHashes, writeContentFiles } from '../../src/lib/build/site-files.ts';
import { loadProse } from './prose.ts';

const { values } = parseArgs({ options: { issues: { type: 'string', default: '100,1000' }, runs: { type: 'string', default: '1' } } });
const sizes = values.issues.split(',').map(Number);
const runs = Number(values.runs);
const sentences = loadProse();

/** Resident memory of every process, by pid, with parents (Linux ps). */
function processTable(): { pid: number; ppid: number; rss: number }[] {
  const out = spawnSync('ps', ['-e', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' }).stdout;
  return out
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .map(([pid = 0, ppid = 0, rss = 0]) => ({ pid, ppid, rss: rss * 1024 }));
}

/** A line of the build's output that ends a step: its name and seconds. */
const STEP_DONE = /^([a-z ]+): done in ([\d.]+) s$/;

/** Runs the build, sampling the memory of its whole process tree (per step, too). */
async function measuredBuild(env: Record<string, string>) {
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/build.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  // Steps finished so far: a memory sample belongs to the step after them.
  let finished = 0;
  let partial = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    stdout += text;
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    finished += lines.filter((line) => STEP_DONE.test(line)).length;
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peakTree = 0;
  let peakProcess = 0;
  const treeByStep: number[] = [];
  const sample = setInterval(() => {
    const table = processTable();
    const tree = new Set([child.pid!]);
    for (let grew = true; grew;) {
      grew = false;
      for (const row of table) {
        if (!tree.has(row.pid) && tree.has(row.ppid)) {
          tree.add(row.pid);
          grew = true;
        }
      }
    }
    const rows = table.filter((row) => tree.has(row.pid));
    const treeBytes = rows.reduce((sum, row) => sum + row.rss, 0);
    peakTree = Math.max(peakTree, treeBytes);
    treeByStep[finished] = Math.max(treeByStep[finished] ?? 0, treeBytes);
    peakProcess = Math.max(peakProcess, ...rows.map((row) => row.rss));
  }, 200);
  const status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  clearInterval(sample);
  if (status !== 0) throw new Error(`build failed:\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`);
  const done = [...stdout.matchAll(new RegExp(STEP_DONE.source, 'gm'))];
  const steps = Object.fromEntries(done.map((m) => [m[1]!, Number(m[2])]));
  const peakTreeByStep = Object.fromEntries(done.map((m, i) => [m[1]!, treeByStep[i] ?? 0]));
  return { seconds: (performance.now() - started) / 1000, steps, peakTree, peakProcess, peakTreeByStep };
}

function size(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

const spread = (xs: number[]) => (xs.length ? Math.max(...xs) - Math.min(...xs) : 0);

const results = [];
for (const issues of sizes) {
  const root = path.resolve(`.cache/bench/build-${issues}`);
  const content = path.join(root, 'content');
  const dist = path.join(root, 'site', 'dist');
  const env = { CONTENT_DIR: content, OUT_DIR: dist };
  const clean: Awaited<ReturnType<typeof measuredBuild>>[] = [];
  for (let run = 0; run < runs; run++) {
    rmSync(root, { recursive: true, force: true });
    // Astro keeps rendered content between builds; a clean build starts without it.
    rmSync('node_modules/.astro', { recursive: true, force: true });
    writeContentFiles(content, generateCorpus({ issues, seed: 1, sentences }).files);
    console.log(`bench: ${issues} issues, clean build ${run + 1}/${runs}`);
    clean.push(await measuredBuild(env));
  }
  const built = fileHashes(dist);
  const pages = [...built.keys()].filter((file) => file.endsWith('.html')).length;
  const index = [...built.keys()].filter((file) => file.startsWith('pagefind/'));
  const figures = {
    outputBytes: size(dist),
    files: built.size,
    pages,
    indexBytes: size(path.join(dist, 'pagefind')),
    indexFiles: index.length,
  };

  const next = generateCorpus({ issues: issues + 1, seed: 1, sentences, layoutFor: issues }).files;
  writeContentFiles(
    content,
    next.filter((file) => !existsIn(content, file.path)),
  );
  console.log(`bench: ${issues} issues, adding one issue and rebuilding`);
  const update = await measuredBuild(env);
  const after = fileHashes(dist);
  const rewritten = (filter: (file: string) => boolean) =>
    [...after].filter(([file, hash]) => filter(file) && built.has(file) && built.get(file) !== hash).length;
  const added = (filter: (file: string) => boolean) => [...after.keys()].filter((file) => filter(file) && !built.has(file)).length;
  const isIndex = (file: string) => file.startsWith('pagefind/');
  const isPage = (file: string) => file.endsWith('.html');
  results.push({
    issues,
    clean: {
      seconds: median(clean.map((r) => r.seconds)),
      spread: spread(clean.map((r) => r.seconds)),
      steps: Object.fromEntries(Object.keys(clean[0]!.steps).map((step) => [step, median(clean.map((r) => r.steps[step] ?? 0))])),
      peakTreeBytes: median(clean.map((r) => r.peakTree)),
      peakProcessBytes: median(clean.map((r) => r.peakProcess)),
      peakTreeBytesByStep: Object.fromEntries(
        Object.keys(clean[0]!.steps).map((step) => [step, median(clean.map((r) => r.peakTreeByStep[step] ?? 0))]),
      ),
      ...figures,
    },
    update: {
      seconds: update.seconds,
      steps: update.steps,
      peakTreeBytes: update.peakTree,
      peakTreeBytesByStep: update.peakTreeByStep,
      shareOfClean: update.seconds / median(clean.map((r) => r.seconds)),
      indexFilesRewritten: rewritten(isIndex),
      indexFilesAdded: added(isIndex),
      indexFilesUnchanged: [...after].filter(([file, hash]) => isIndex(file) && built.get(file) === hash).length,
      pagesRewritten: rewritten(isPage),
      pagesAdded: added(isPage),
    },
  });
}

function existsIn(dir: string, file: string): boolean {
  try {
    statSync(path.join(dir, file));
    return true;
  } catch {
    return false;
  }
}

mkdirSync('.cache/bench', { recursive: true });
writeFileSync('.cache/bench/build.json', JSON.stringify(results, null, 2));
const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;
console.log(`\nbuild benchmark (${runs} clean run${runs > 1 ? 's' : ''} each; median)`);
for (const r of results) {
  const steps = Object.entries(r.clean.steps)
    .map(([step, s]) => `${step} ${s.toFixed(1)} s (${gb(r.clean.peakTreeBytesByStep[step] ?? 0)})`)
    .join(', ');
  console.log(
    `${String(r.issues).padStart(6)} issues: clean ${r.clean.seconds.toFixed(1)} s (±${r.clean.spread.toFixed(1)}) — ${steps}; peak memory ${gb(r.clean.peakTreeBytes)} tree, ${gb(r.clean.peakProcessBytes)} largest process; ` +
      `${r.clean.pages} pages, ${r.clean.files} files, ${mb(r.clean.outputBytes)} output, index ${mb(r.clean.indexBytes)} in ${r.clean.indexFiles} files`,
  );
  console.log(
    `${''.padStart(6)}  +1 issue: ${r.update.seconds.toFixed(1)} s (${(r.update.shareOfClean * 100).toFixed(0)}% of clean), peak ${gb(r.update.peakTreeBytes)}; ` +
      `index files ${r.update.indexFilesRewritten} rewritten, ${r.update.indexFilesAdded} added, ${r.update.indexFilesUnchanged} unchanged; pages ${r.update.pagesRewritten} rewritten, ${r.update.pagesAdded} added`,
  );
}
console.log('JSON: .cache/bench/build.json');
