/**
 * `npm run import -- <file|folder>… [--out DIR] [--series SLUG] [--dry-run] [--json] [--force]`:
 * turns bulletins as offices have them (.txt in UTF-8 or GB18030, .docx, .doc, .wps, .pdf with a
 * text layer or scanned, page images of a scan: one image, or a folder holding one issue's pages)
 * into checked issue files, proving by the print-text round trip that nothing was lost.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { MultiBar, type SingleBar } from 'cli-progress';
import { contentDir } from '../src/lib/archive/content-dir.ts';
import { expandInputs, importAll } from '../src/lib/import/run-import.ts';

const USAGE = `usage: npm run import -- <file|folder>… [--out DIR] [--series SLUG] [--dry-run] [--json] [--force]
  --out DIR      content folder to write into (default: CONTENT_DIR or ./content)
  --series SLUG  import into this series (default: the series whose masthead matches, else a new one)
  --dry-run      recognise and check, write nothing
  --json         one JSON object per input, one per line
  --force        replace an existing issue file (the old one is kept in .import-backups/ beside the content folder)
Reads .txt, .docx, .doc, .wps and .pdf files; a scanned PDF, or page images (.jpg .png .tif), by OCR.
A folder holding page images is one scanned issue, its pages in name order (page1.jpg … page10.jpg).`;

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      series: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  console.error(`import: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help || !positionals.length) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}

const files = await expandInputs(positionals);
// On a terminal: a bar for the files, and one for the pages of each scan as OCR reads them (seconds a page).
const bars =
  !values.json && process.stderr.isTTY
    ? new MultiBar({ format: '{label} [{bar}] {value}/{total} {name}', stream: process.stderr, clearOnComplete: true })
    : undefined;
const fileBar = files.length > 1 ? bars?.create(files.length, 0, { label: '导入', name: '' }) : undefined;
let pageBar: SingleBar | undefined;
const options = {
  out: values.out ?? contentDir(),
  series: values.series,
  dryRun: values['dry-run'],
  force: values.force,
  onPage: (source: string, done: number, pages: number) => {
    if (!bars) return;
    pageBar ??= bars.create(pages, 0, { label: '识别', name: `${path.basename(source)} 页` });
    pageBar.update(done);
    if (done === pages) {
      bars.remove(pageBar);
      pageBar = undefined;
    }
  },
};
const outcomes = await importAll(files, options, (outcome, done) => {
  fileBar?.update(done, { name: outcome.source });
  if (values.json) console.log(JSON.stringify(outcome));
});
bars?.stop();

if (!values.json) {
  for (const outcome of outcomes) {
    if ('error' in outcome) {
      console.log(`✗ ${outcome.source}: ${outcome.error}; nothing was written for it`);
      continue;
    }
    const articles = outcome.issue.sections.reduce((sum, section) => sum + section.articles.length, 0);
    const verb = outcome.written ? '→' : '→ (dry run, not written)';
    console.log(
      `${outcome.warnings.length ? '!' : '✓'} ${outcome.source} ${verb} ${outcome.output}: ${outcome.issue.seriesTitle ?? ''} 第${outcome.issue.number}期, ${outcome.issue.date}, ${sectionCount(outcome.issue.sections)}, ${articles} articles`,
    );
    if (outcome.backup) console.log(`    old file kept as ${outcome.backup}`);
    for (const decision of outcome.decisions) console.log(`    ${decision}`);
    for (const warning of outcome.warnings) console.log(`    unsure: ${warning}`);
  }
}
const failed = outcomes.filter((o) => 'error' in o).length;
const warned = outcomes.filter((o) => !('error' in o) && o.warnings.length).length;
const summary = `import: ${outcomes.length - failed} imported (${warned} with warnings), ${failed} failed`;
if (values.json) console.error(summary);
else console.log(summary);
process.exitCode = failed ? 1 : 0;

/** 2 sections, 1 section, or no sections (one run of articles). */
function sectionCount(sections: readonly { name: string }[]): string {
  const named = sections.filter((section) => section.name).length;
  return named ? `${named} section${named > 1 ? 's' : ''}` : 'no sections';
}
