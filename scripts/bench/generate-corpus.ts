/**
 * `npm run corpus -- --issues N [--out DIR] [--seed S]`: writes a synthetic archive of N issues in the
 * project's own format, from Debian's Chinese documentation, and reports its size and vocabulary.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus, vocabularySize } from './corpus.ts';
import { writeContentFiles } from '../../src/lib/build/site-files.ts';
import { loadProse } from './prose.ts';
import { PRINTED_EVERY, printedIssues, writePrintedOriginals } from './printed-corpus.ts';

/** Writes a corpus into a fresh folder, every PRINTED_EVERY-th issue with its printed original (原版); returns what it wrote. */
export async function writeCorpus(out: string, issues: number, seed = 1) {
  const sentences = loadProse();
  const corpus = generateCorpus({ issues, seed, sentences });
  rmSync(out, { recursive: true, force: true });
  writeContentFiles(out, corpus.files);
  const printed = await writePrintedOriginals(out, printedIssues(corpus.files, PRINTED_EVERY));
  const bytes = corpus.files.reduce((sum, file) => sum + Buffer.byteLength(file.text ?? ''), 0);
  return { corpus, printed, sentences: sentences.length, bytes, vocabulary: vocabularySize(corpus.files.map((file) => file.text ?? '')) };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { issues: { type: 'string', default: '100' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } },
  });
  const issues = Number(values.issues);
  const out = path.resolve(values.out ?? `.cache/corpus-${issues}`);
  const written = await writeCorpus(out, issues, Number(values.seed));
  console.log(
    `corpus: ${written.corpus.files.filter((file) => file.path.endsWith('.md')).length} issues (${written.printed} with printed pages) in ${written.corpus.files.filter((file) => file.path.endsWith('series.yaml')).length} series, ${(written.bytes / 1024 / 1024).toFixed(1)} MB, ` +
      `${written.sentences} prose sentences, vocabulary ${written.vocabulary} words, ${written.corpus.people.length} people, ` +
      `${written.corpus.places.length} places → ${path.relative(process.cwd(), out)}`,
  );
}
