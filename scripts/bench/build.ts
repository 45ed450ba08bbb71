/**
 * `npm run bench -- --issues 100,1000,10000 [--runs K]`: for each size, generates a synthetic archive
 * (scripts/bench/generate-corpus.ts) and builds it K times each way: clean (`--force`, every cache
 * emptied), again with nothing changed, after adding one issue to the newest year (K issues added one
 * at a time), after adding one to a closed year, and after correcting an old issue.
 * Reports the median wall time and each step's (content check, Astro, search index, …), peak memory
 * (largest process and the whole process tree, sampled every 200 ms), pages Astro rendered and copied
 * from the last build, output size and file count, index size, and for the first added issue how
 * many index files and pages were rewritten. Prints a table and writes .cache/bench/build.json.
 * Reproduce a figure with `/usr/bin/time -v npm run build`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import { generateCorpus } from './corpus.ts';
import { PRINTED_EVERY, printedIssues, writePrintedOriginals } from './printed-corpus.ts';
import { median } from './stats.ts';
import { fileHashes, writeContentFiles } from '../../src/lib/build/site-files.ts';
import type { ContentFile } from '../../src/lib/archive/check.ts';
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
async function measuredBuild(env: Record<string, string>, args: string[] = []) {
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/build.ts', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
  const tally = /^astro build: (\d+) pages rendered, (\d+) kept/m.exec(stdout);
  const pages = { rendered: Number(tally?.[1] ?? 0), copied: Number(tally?.[2] ?? 0) };
  return { seconds: (performance.now() - started) / 1000, steps, astro: astroPhases(stdout), peakTree, peakProcess, peakTreeByStep, pages };
}

/** A duration as Astro prints it (850ms, 1.62s, 1m 5s), in seconds. */
const DURATION = /(?:(\d+)m )?([\d.]+)(m?s)/;
const seconds = (match: RegExpExecArray | RegExpMatchArray | null) =>
  match ? Number(match[1] ?? 0) * 60 + Number(match[2]) / (match[3] === 'ms' ? 1000 : 1) : 0;

/** The phases of `astro build` from its log: content sync and type generation, Vite's bundling, page generation. */
function astroPhases(stdout: string): Record<string, number> {
  const log = stripVTControlCharacters(stdout);
  const after = (label: RegExp) => new RegExp(`${label.source}${DURATION.source}`, 'g');
  return {
    'content sync and types': seconds(after(/\[types\] Generated /).exec(log)),
    vite: [...log.matchAll(after(/\[vite\] ✓ built in /))].reduce((sum, match) => sum + seconds(match), 0),
    'page generation': seconds(after(/generating static routes[\s\S]*?✓ Completed in /).exec(log)),
  };
}

function size(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

const spread = (xs: number[]) => (xs.length ? Math.max(...xs) - Math.min(...xs) : 0);

type Measured = Awaited<ReturnType<typeof measuredBuild>>;

/** Medians over runs: seconds (with the spread), each step's seconds and peak memory, pages rendered and copied. */
function summary(runs: Measured[]) {
  const stepNames = Object.keys(runs[0]!.steps);
  return {
    seconds: median(runs.map((r) => r.seconds)),
    spread: spread(runs.map((r) => r.seconds)),
    steps: Object.fromEntries(stepNames.map((step) => [step, median(runs.map((r) => r.steps[step] ?? 0))])),
    peakTreeBytes: median(runs.map((r) => r.peakTree)),
    peakProcessBytes: median(runs.map((r) => r.peakProcess)),
    peakTreeBytesByStep: Object.fromEntries(stepNames.map((step) => [step, median(runs.map((r) => r.peakTreeByStep[step] ?? 0))])),
    astro: Object.fromEntries(Object.keys(runs[0]!.astro).map((phase) => [phase, median(runs.map((r) => r.astro[phase] ?? 0))])),
    pagesRendered: median(runs.map((r) => r.pages.rendered)),
    pagesCopied: median(runs.map((r) => r.pages.copied)),
  };
}

const results = [];
for (const issues of sizes) {
  const root = path.resolve(`.cache/bench/build-${issues}`);
  const content = path.join(root, 'content');
  const dist = path.join(root, 'site', 'dist');
  const env = { CONTENT_DIR: content, OUT_DIR: dist };
  rmSync(root, { recursive: true, force: true });
  const generated = generateCorpus({ issues, seed: 1, sentences }).files;
  writeContentFiles(content, generated);
  const printed = await writePrintedOriginals(content, printedIssues(generated, PRINTED_EVERY));
  console.log(`bench: ${issues} issues, ${printed} with printed pages (原版)`);
  const clean: Measured[] = [];
  for (let run = 0; run < runs; run++) {
    // A clean build: no site and no cache of it (--force empties them).
    rmSync(path.join(root, 'site'), { recursive: true, force: true });
    console.log(`bench: ${issues} issues, clean build ${run + 1}/${runs}`);
    clean.push(await measuredBuild(env, ['--force']));
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

  const unchanged: Measured[] = [];
  for (let run = 0; run < runs; run++) {
    console.log(`bench: ${issues} issues, rebuilding with nothing changed ${run + 1}/${runs}`);
    unchanged.push(await measuredBuild(env));
  }

  // Issues added one at a time, each one more than the last; the series and years stay laid out for `issues`.
  const adding: Measured[] = [];
  let firstAdded: Map<string, string> | undefined;
  for (let run = 0; run < runs; run++) {
    const next = generateCorpus({ issues: issues + run + 1, seed: 1, sentences, layoutFor: issues }).files;
    const fresh = next.filter((file) => !existsIn(content, file.path));
    writeContentFiles(content, fresh);
    // The newest issue as imported from a PDF: with its printed pages, the most an update makes.
    await writePrintedOriginals(
      content,
      fresh.filter((file) => file.path.endsWith('.md')),
    );
    console.log(`bench: ${issues} issues, adding one issue and rebuilding ${run + 1}/${runs}`);
    adding.push(await measuredBuild(env));
    firstAdded ??= fileHashes(dist);
  }
  // An issue added to a closed year: the next generated issue, numbered and dated into the oldest year of its series.
  const closedYear: Measured[] = [];
  for (let run = 0; run < runs; run++) {
    const next = generateCorpus({ issues: issues + runs + run + 1, seed: 1, sentences, layoutFor: issues }).files;
    const file = next.find((candidate) => candidate.path.endsWith('.md') && !existsIn(content, candidate.path))!;
    writeContentFiles(content, [intoOldestYear(content, file)]);
    console.log(`bench: ${issues} issues, adding one issue to a closed year and rebuilding ${run + 1}/${runs}`);
    closedYear.push(await measuredBuild(env));
  }
  // A correction to an old issue: a few words put before the first paragraph of an article in the oldest year.
  const corrected: Measured[] = [];
  for (let run = 0; run < runs; run++) {
    correctOldIssue(content, run);
    console.log(`bench: ${issues} issues, correcting an old issue and rebuilding ${run + 1}/${runs}`);
    corrected.push(await measuredBuild(env));
  }
  const after = firstAdded!;
  const rewritten = (filter: (file: string) => boolean) =>
    [...after].filter(([file, hash]) => filter(file) && built.has(file) && built.get(file) !== hash).length;
  const added = (filter: (file: string) => boolean) => [...after.keys()].filter((file) => filter(file) && !built.has(file)).length;
  const isIndex = (file: string) => file.startsWith('pagefind/');
  const isPage = (file: string) => file.endsWith('.html');
  const cleanSummary = summary(clean);
  results.push({
    issues,
    clean: { ...cleanSummary, ...figures },
    unchanged: { ...summary(unchanged), shareOfClean: summary(unchanged).seconds / cleanSummary.seconds },
    update: {
      ...summary(adding),
      shareOfClean: summary(adding).seconds / cleanSummary.seconds,
      indexFilesRewritten: rewritten(isIndex),
      indexFilesAdded: added(isIndex),
      indexFilesUnchanged: [...after].filter(([file, hash]) => isIndex(file) && built.get(file) === hash).length,
      pagesRewritten: rewritten(isPage),
      pagesAdded: added(isPage),
    },
    closedYear: { ...summary(closedYear), shareOfClean: summary(closedYear).seconds / cleanSummary.seconds },
    correction: { ...summary(corrected), shareOfClean: summary(corrected).seconds / cleanSummary.seconds },
  });
}

/** The oldest year's folder of an issue file's series, and the issues in it by number. */
function oldestYear(content: string, series: string): { year: string; numbers: number[] } {
  const year = readdirSync(path.join(content, series))
    .filter((name) => /^\d{4}$/.test(name))
    .sort()[0]!;
  const numbers = readdirSync(path.join(content, series, year))
    .map((name) => /^(\d+)\.md$/.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  return { year, numbers };
}

/** A generated issue file moved into its series' oldest year: the next number there, dated as that year's last issue. */
function intoOldestYear(content: string, file: ContentFile): ContentFile {
  const series = file.path.split('/')[0]!;
  const { year, numbers } = oldestYear(content, series);
  const last = numbers.at(-1)!;
  const lastText = readFileSync(path.join(content, series, year, `${last}.md`), 'utf8');
  const date = /^date: (\S+)$/m.exec(lastText)![1]!;
  const text = file
    .text!.replace(/^number: .*$/m, `number: ${last + 1}`)
    .replace(/^date: .*$/m, `date: ${date}`)
    .replace(/^(printed:\n(?: {2}.*\n)*? {2}date: ).*$/m, `$1${date}`);
  return { path: `${series}/${year}/${last + 1}.md`, text };
}

/** Puts a few words before the first paragraph of an article of an issue in the oldest year (a different issue each run). */
function correctOldIssue(content: string, run: number): void {
  const series = readdirSync(content).filter((name) => statSync(path.join(content, name)).isDirectory())[0]!;
  const { year, numbers } = oldestYear(content, series);
  const file = path.join(content, series, year, `${numbers[run % numbers.length]}.md`);
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/(\n### [^\n]*\n\n)/, '$1经核实更正，'));
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
const stepsOf = (r: ReturnType<typeof summary>) =>
  Object.entries(r.steps)
    .map(([step, s]) => {
      const phases =
        step === 'astro build'
          ? ` [${Object.entries(r.astro)
              .map(([phase, p]) => `${phase} ${p.toFixed(1)} s`)
              .join(', ')}]`
          : '';
      return `${step} ${s.toFixed(1)} s${phases} (${gb(r.peakTreeBytesByStep[step] ?? 0)})`;
    })
    .join(', ');
console.log(`\nbuild benchmark (${runs} run${runs > 1 ? 's' : ''} of each; medians)`);
for (const r of results) {
  const steps = stepsOf(r.clean);
  console.log(
    `${String(r.issues).padStart(6)} issues: clean ${r.clean.seconds.toFixed(1)} s (±${r.clean.spread.toFixed(1)}) — ${steps}; peak memory ${gb(r.clean.peakTreeBytes)} tree, ${gb(r.clean.peakProcessBytes)} largest process; ` +
      `${r.clean.pages} pages, ${r.clean.files} files, ${mb(r.clean.outputBytes)} output, index ${mb(r.clean.indexBytes)} in ${r.clean.indexFiles} files`,
  );
  for (const [name, run] of [
    ['no change', r.unchanged],
    ['+1 issue', r.update],
    ['+1 issue, closed year', r.closedYear],
    ['correction, old issue', r.correction],
  ] as const) {
    console.log(
      `${''.padStart(6)}  ${name}: ${run.seconds.toFixed(1)} s (±${run.spread.toFixed(1)}; ${(run.shareOfClean * 100).toFixed(0)}% of clean) — ${stepsOf(run)}; peak ${gb(run.peakTreeBytes)} tree; pages ${run.pagesRendered} rendered, ${run.pagesCopied} kept`,
    );
  }
  console.log(
    `${''.padStart(6)}  first +1 issue: index files ${r.update.indexFilesRewritten} rewritten, ${r.update.indexFilesAdded} added, ${r.update.indexFilesUnchanged} unchanged; pages ${r.update.pagesRewritten} rewritten, ${r.update.pagesAdded} added`,
  );
}
console.log('JSON: .cache/bench/build.json');
