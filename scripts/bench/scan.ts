/**
 * The scan part of `npm run bench:import`: 第59期 printed, scanned badly, imported by OCR, and
 * compared with the import of its text.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importTarget } from '../../src/lib/import/import-target.ts';
import { importOne } from '../../src/lib/import/run-import.ts';
import { extractSource } from '../../src/lib/import/extract.ts';
import { planImport } from '../../src/lib/import/plan-import.ts';
import { recognizeBulletin } from '../../src/lib/import/recognize/index.ts';
import { bulletinHtml, degradedScan, plainHtml, printPdf, structureOf } from '../lib/scan.ts';
import { characterAccuracy, misreadLines } from '../lib/text-accuracy.ts';

const SEED = new URL('../../tests/fixtures/seeds/nlzf-2022-59.txt', import.meta.url);
export const SPOILT = { dpi: 200, tilt: 0.6, specks: 400, quality: 60, seed: 1 };

/** Where two values differ, as JSON paths with both sides. */
function differences(expected: unknown, found: unknown, at = ''): string[] {
  if (JSON.stringify(expected) === JSON.stringify(found)) return [];
  if (expected && found && typeof expected === 'object' && typeof found === 'object') {
    const keys = new Set([...Object.keys(expected), ...Object.keys(found)]);
    return [...keys].flatMap((key) =>
      differences((expected as Record<string, unknown>)[key], (found as Record<string, unknown>)[key], `${at}.${key}`),
    );
  }
  return [`${at || '.'}: expected ${JSON.stringify(expected)}, found ${JSON.stringify(found)}`];
}

/** Two ways an office prints: set as a bulletin (justified, red masthead, GB/T 9704 margins), and the text file as it is (ragged, one font). */
const PRINTS = [
  { name: 'set as a bulletin', html: bulletinHtml },
  { name: 'its text file printed as it is', html: plainHtml },
];

export async function benchScan(work: string): Promise<void> {
  mkdirSync(work, { recursive: true });
  const seed = readFileSync(SEED, 'utf8');
  for (const [index, print] of PRINTS.entries()) {
    const scan = await degradedScan(await printPdf(print.html(seed)), SPOILT);
    const file = path.join(work, `nlzf-59-scan-${index + 1}.pdf`);
    writeFileSync(file, scan);

    const started = performance.now();
    const outcome = await importOne(file, { out: path.join(work, `content-${index + 1}`), dryRun: false, force: false });
    const seconds = (performance.now() - started) / 1000;
    const source = await extractSource(file, new Uint8Array(scan));
    const plan = planImport(source, importTarget([], 'content'), { force: false });
    const accuracy = characterAccuracy(seed, source.text);
    const misread = misreadLines(seed, source.scanLines ?? []);
    const flagged = misread.filter((line) => plan.warnings.some((warning) => warning.startsWith(`${line.name}:`)));
    const structure = differences(structureOf(recognizeBulletin(seed).issue), structureOf(recognizeBulletin(source.text).issue));

    console.log(
      `bench:import scan: 第59期 ${print.name}, ${source.scan?.pages} pages at ${SPOILT.dpi} dpi, tilted ${SPOILT.tilt}°, ${SPOILT.specks} specks a page, JPEG q${SPOILT.quality} (${(scan.length / 1024).toFixed(0)} KB)`,
    );
    console.log(
      `  import          ${'error' in outcome ? `failed: ${outcome.error}` : 'imported'} in ${seconds.toFixed(1)} s (OCR and all)`,
    );
    console.log(
      `  characters      ${(accuracy.recall * 100).toFixed(2)} % of the ${accuracy.truth} Han characters and digits read right, ${(accuracy.precision * 100).toFixed(2)} % of the ${accuracy.read} read are right`,
    );
    console.log(`  confidence      ${((source.scan?.confidence ?? 0) * 100).toFixed(1)} % mean; ${plan.warnings.length} unsure: warnings`);
    console.log(`  misread lines   ${misread.length}, flagged ${flagged.length}`);
    for (const line of misread) console.log(`    ${flagged.includes(line) ? '!' : '✗ not flagged'} ${line.name}: ${line.text}`);
    console.log(`  structure       ${structure.length ? `${structure.length} differences from the text file's` : "the text file's"}`);
    for (const difference of structure) console.log(`    ${difference}`);
  }
  console.log(`  peak memory     ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (the whole run, OCR included)`);
}
