/**
 * `npm run bench:import -- [--issues N] [--skip-scan]`: writes N synthetic text bulletins in four
 * layouts (prose from Debian's Chinese documentation), imports them in one run into an empty content
 * folder, and prints the time, the rate, the outcomes and the peak memory. Then the bulletins made in
 * Word (tests/fixtures/office), field by field; then 第59期 set in print and scanned five ways, each
 * imported by OCR: seconds a page, characters right both ways and on the whole written issue, fields
 * right, misread lines flagged. A benchmark, not a test: it asserts nothing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkArchive } from '../../src/lib/archive/check.ts';
import { readContentFiles } from '../../src/lib/archive/content-dir.ts';
import { importAll } from '../../src/lib/import/run-import.ts';
import { bulletinSpecs, syntheticBulletin } from './bulletins.ts';
import { loadProse } from './prose.ts';
import { benchOffice, benchScan } from './scan.ts';

const { values } = parseArgs({
  options: { issues: { type: 'string', default: '1000' }, 'skip-scan': { type: 'boolean', default: false } },
});
const count = Number(values.issues);
const sentences = loadProse().filter((sentence) => /[\u4e00-\u9fff]{6}/u.test(sentence) && sentence.length <= 80);
const work = mkdtempSync(path.join(tmpdir(), 'jianbao-bench-import-'));
const inbox = path.join(work, 'inbox');
const specs = bulletinSpecs(count);
const files = specs.map((spec, index) => {
  const file = path.join(inbox, spec.layout, `${String(index).padStart(5, '0')}.txt`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, syntheticBulletin(spec, sentences));
  return file;
});
// Import in the order an office would: oldest first, all layouts mixed.

const started = performance.now();
const outcomes = await importAll(files, { out: path.join(work, 'content'), dryRun: false, force: false });
const seconds = (performance.now() - started) / 1000;

const failed = outcomes.filter((outcome) => 'error' in outcome);
const warned = outcomes.filter((outcome) => !('error' in outcome) && outcome.warnings.length);
const archive = checkArchive(await readContentFiles(path.join(work, 'content')));
console.log(`bench:import: ${count} bulletins (4 layouts) imported in one run`);
console.log(`  time            ${seconds.toFixed(1)} s (${(count / seconds).toFixed(0)} bulletins/s)`);
console.log(`  outcomes        ${count - failed.length} imported (${warned.length} with warnings), ${failed.length} failed`);
console.log(
  `  archive         ${archive.issues.length} issues in ${archive.series.length} series, ${archive.problems.length} content-check problems`,
);
console.log(`  peak memory     ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
for (const outcome of failed.slice(0, 5)) console.log(`  ✗ ${outcome.source}: ${'error' in outcome ? outcome.error : ''}`);
for (const outcome of warned.slice(0, 5)) if (!('error' in outcome)) console.log(`  ! ${outcome.source}: ${outcome.warnings[0]}`);
await benchOffice();
if (!values['skip-scan']) await benchScan(path.join(work, 'scan'));
rmSync(work, { recursive: true, force: true });
