import { copyFile, mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readContentFiles } from '../archive/content-dir.ts';
import { extractPageImages, extractSource, IMPORTABLE } from './extract.ts';
import { PAGE_IMAGES } from './ocr/index.ts';
import { importTarget, type ImportTarget } from './import-target.ts';
import { planImport, type ImportedIssueReport } from './plan-import.ts';
import { ImportError } from './source.ts';

/** The largest input read: a printed bulletin with photos stays well under it; anything bigger is refused unread. */
export const MAX_INPUT_BYTES = 30 * 1024 * 1024;

/** Options of an import run (the CLI's flags). */
export interface RunOptions {
  /** The content folder to write into. */
  out: string;
  /** Series slug to import into. */
  series?: string | undefined;
  /** Write nothing. */
  dryRun: boolean;
  /** Replace existing issue files, keeping backups. */
  force: boolean;
  /** Time stamp for the backup folder. */
  now?: Date;
  /** Hears of each page of a scan as OCR finishes it. */
  onPage?: ((source: string, done: number, pages: number) => void) | undefined;
}

/** One input's outcome: the `--json` line. */
export type ImportOutcome =
  | {
      source: string;
      output: string;
      issue: ImportedIssueReport;
      decisions: string[];
      warnings: string[];
      written: boolean;
      backup?: string;
    }
  | { source: string; error: string };

const isPageImage = (name: string) => (PAGE_IMAGES as readonly string[]).includes(path.extname(name).toLowerCase());
/** Page images in page order: by the numbers in their names (page2 before page10). */
const byPage = new Intl.Collator('en', { numeric: true }).compare;

/** The page images of a folder (one scanned issue), in page order. */
export async function pageImagesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && isPageImage(entry.name))
    .map((entry) => path.join(folder, entry.name))
    .sort(byPage);
}

/**
 * Inputs given on the command line, folders expanded to the importable files below them, in name
 * order; a folder holding page images is one input: the pages of one scanned issue.
 */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (info?.isDirectory()) {
      const entries = await readdir(input, { recursive: true, withFileTypes: true });
      const found = entries
        .filter((entry) => entry.isFile() && (IMPORTABLE as readonly string[]).includes(path.extname(entry.name).toLowerCase()))
        .map((entry) => (isPageImage(entry.name) ? entry.parentPath : path.join(entry.parentPath, entry.name)));
      files.push(...[...new Set(found)].sort());
    } else {
      files.push(input);
    }
  }
  return files;
}

/** Refuses an input larger than MAX_INPUT_BYTES, unread. */
function tooLarge(bytes: number, pages: boolean): void {
  if (bytes > MAX_INPUT_BYTES) {
    const size = `${(bytes / 1024 / 1024).toFixed(1)} MB${pages ? ' of page images' : ''}`;
    throw new ImportError(
      `too large (${size}): a bulletin file is at most ${MAX_INPUT_BYTES / 1024 / 1024} MB; import its text or a smaller export`,
    );
  }
}

/** Writes a file whole or not at all: into a temporary name first, then renamed into place. */
export async function writeWhole(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.importing-${process.pid}`;
  await writeFile(temporary, data);
  await rename(temporary, file);
}

/** Reads the content folder of a run once (created when missing), for every input to be planned against. */
export async function openTarget(out: string): Promise<ImportTarget> {
  const dir = path.resolve(out);
  await mkdir(dir, { recursive: true }).catch(() => undefined);
  const root = path.relative(process.cwd(), dir) || '.';
  return importTarget(await readContentFiles(dir).catch(() => []), root);
}

/** Imports files in order into one content folder read once; `progress` hears of each outcome. */
export async function importAll(
  sources: readonly string[],
  options: RunOptions,
  progress: (outcome: ImportOutcome, done: number) => void = () => undefined,
): Promise<ImportOutcome[]> {
  const target = await openTarget(options.out);
  const outcomes: ImportOutcome[] = [];
  for (const source of sources) {
    const outcome = await importOne(source, options, target);
    outcomes.push(outcome);
    progress(outcome, outcomes.length);
  }
  return outcomes;
}

/** Imports one input file into the content folder; every failure becomes an outcome with its reason. */
export async function importOne(source: string, options: RunOptions, given?: ImportTarget): Promise<ImportOutcome> {
  try {
    const info = await stat(source).catch(() => undefined);
    if (!info) throw new ImportError('no such file');
    const onPage = options.onPage && ((done: number, pages: number) => options.onPage!(source, done, pages));
    let extracted;
    if (info.isDirectory()) {
      // A folder: the page images of one scanned issue.
      const pages = await pageImagesIn(source);
      if (!pages.length)
        throw new ImportError(`a folder with no page images: expected the pages of one scanned issue as ${PAGE_IMAGES.join(', ')}`);
      const sizes = await Promise.all(pages.map(async (page) => (await stat(page)).size));
      tooLarge(
        sizes.reduce((sum, size) => sum + size, 0),
        true,
      );
      extracted = await extractPageImages(await Promise.all(pages.map(async (page) => new Uint8Array(await readFile(page)))), { onPage });
    } else {
      if (!info.isFile()) throw new ImportError('not a file');
      tooLarge(info.size, false);
      extracted = await extractSource(source, new Uint8Array(await readFile(source)), { onPage });
    }
    const out = path.resolve(options.out);
    const target = given ?? (await openTarget(out));
    const root = target.root;
    const plan = planImport(extracted, target, { series: options.series, force: options.force });
    let backup: string | undefined;
    if (!options.dryRun) {
      if (plan.replaces) {
        const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
        backup = path.join(path.dirname(out), '.import-backups', stamp, plan.output);
        await mkdir(path.dirname(backup), { recursive: true });
        await copyFile(path.join(out, plan.output), backup);
      }
      // The issue file goes last: until it is in place, the content folder holds no half-imported issue.
      const [issueFile, ...others] = plan.files;
      for (const file of others) await writeWhole(path.join(out, file.path), file.data);
      await writeWhole(path.join(out, issueFile!.path), issueFile!.data);
    }
    return {
      source,
      output: path.join(root, plan.output),
      issue: plan.issue,
      decisions: plan.decisions,
      warnings: plan.warnings,
      written: !options.dryRun,
      ...(backup && { backup: path.relative(process.cwd(), backup) }),
    };
  } catch (error) {
    if (error instanceof ImportError) return { source, error: error.message };
    return { source, error: `could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}
