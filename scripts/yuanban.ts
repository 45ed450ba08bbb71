/**
 * `npm run yuanban -- [<issue file|folder>…] [--force] [--json]`: makes the 原版 file (yuanban.json)
 * of every issue with an original PDF that has none, or one made from another original: its printed
 * pages and where each article stands on them. Reads the text layer, or a scan by OCR; never touches
 * the Markdown. Resumable: what is done stays done. Says which articles it could not place.
 */
import { parseArgs } from 'node:util';
import { MultiBar, type SingleBar } from 'cli-progress';
import { contentDir } from '../src/lib/archive/content-dir.ts';
import { remakeYuanban, yuanbanTasks, type YuanbanOutcome } from '../src/lib/import/remake-yuanban.ts';

const USAGE = `usage: npm run yuanban -- [<issue file|folder>…] [--force] [--json]
  (none)   every issue of CONTENT_DIR (default ./content) with an original.pdf beside it
  --force  make the file anew even where it is valid and made from the original there
  --json   one JSON object per issue, one per line
The 原版 page of an issue (<issue URL>yuanban/) shows its printed pages, each article's place linked.`;

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      force: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  console.error(`yuanban: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const { tasks, problems } = await yuanbanTasks(contentDir(), positionals);
if (problems)
  console.error(`yuanban: the content check finds ${problems} problems (npm run check:content); issues with problems are left out`);
// On a terminal: a bar for the issues, and one for the pages of a scan as OCR reads them.
const bars =
  !values.json && process.stderr.isTTY
    ? new MultiBar({ format: '{label} [{bar}] {value}/{total} {name}', stream: process.stderr, clearOnComplete: true })
    : undefined;
const issueBar = bars?.create(tasks.length, 0, { label: '原版', name: '' });
let pageBar: SingleBar | undefined;
const outcomes: YuanbanOutcome[] = [];
for (const task of tasks) {
  issueBar?.update(outcomes.length, { name: task.issue.file });
  const outcome = await remakeYuanban(task, {
    force: values.force,
    onPage: (done, pages) => {
      if (!bars) return;
      pageBar ??= bars.create(pages, 0, { label: '识别', name: '页' });
      pageBar.update(done);
      if (done === pages) {
        bars.remove(pageBar);
        pageBar = undefined;
      }
    },
  });
  outcomes.push(outcome);
  issueBar?.update(outcomes.length);
  if (values.json) console.log(JSON.stringify(outcome));
  else if (bars) bars.log(`${line(outcome)}\n`);
  else console.log(line(outcome));
}
bars?.stop();

const made = outcomes.filter((outcome) => 'made' in outcome && outcome.made).length;
const kept = outcomes.filter((outcome) => 'made' in outcome && !outcome.made).length;
const failed = outcomes.filter((outcome) => 'error' in outcome).length;
const unplaced = outcomes.filter((outcome) => 'unplaced' in outcome && outcome.unplaced.length).length;
const summary = `yuanban: ${tasks.length} issues with an original PDF: ${made} made, ${kept} already up to date, ${failed} failed; ${unplaced} with articles not placed`;
if (values.json) console.error(summary);
else console.log(summary);
process.exitCode = failed ? 1 : 0;

/** One issue's outcome as a line: ✓ made, · kept, ! made with articles not placed, ✗ failed. */
function line(outcome: YuanbanOutcome): string {
  if ('error' in outcome) return `✗ ${outcome.file}: ${outcome.error}; nothing was written`;
  if (!outcome.made) return `· ${outcome.file}: up to date`;
  const placed = `${outcome.articles - outcome.unplaced.length} of ${outcome.articles} articles placed on ${outcome.pages} pages (${outcome.read})`;
  if (!outcome.unplaced.length) return `✓ ${outcome.file}: ${placed}`;
  const missing = outcome.unplaced.map((article) => `#${article.id}${article.title ? ` "${article.title}"` : ''}`).join(', ');
  return `! ${outcome.file}: ${placed}; not found on the printed pages, so without a region: ${missing}; check their text against the original`;
}
