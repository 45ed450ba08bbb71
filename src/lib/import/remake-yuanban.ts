/**
 * `npm run yuanban`: the 原版 file (yuanban.json) of issues already in the archive, made from the
 * original PDF beside each and the issue's Markdown as edited since (never touched), so that an article
 * corrected after it was imported still finds its place. An issue whose file is valid and made from
 * the original there is left as it is: a run that stops part-way resumes where it stopped.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkArchive, type ArchiveIssue } from '../archive/check.ts';
import { readContentFiles } from '../archive/content-dir.ts';
import { issueFolder } from '../archive/content-assets.ts';
import { makeYuanban, originalDigest, printedArticles, yuanbanText } from '../archive/yuanban.ts';
import { YUANBAN_FILE, YUANBAN_ORIGINAL } from '../../schemas/yuanban.ts';
import type { PageProgress } from './ocr/index.ts';
import { originalPrintedPages } from './printed-pages.ts';
import { writeWhole } from './run-import.ts';

/** An issue with an original PDF, and whether its 原版 file is valid and made from that original. */
export interface YuanbanTask {
  issue: ArchiveIssue;
  /** The issue's own folder, where its original and 原版 file are. */
  folder: string;
  /** The digest in its valid 原版 file, if it has one. */
  madeFrom?: string;
}

/** What one issue came to. */
export type YuanbanOutcome =
  | { file: string; made: false }
  | { file: string; made: true; read: 'text layer' | 'OCR'; pages: number; articles: number; unplaced: { id: string; title: string }[] }
  | { file: string; error: string };

/**
 * The issues of a content folder that have an original PDF, those below `only` (issue files or folders)
 * where given. Issues are read without their 原版 files, so that a stale one does not hide its issue.
 */
export async function yuanbanTasks(dir: string, only: readonly string[] = []): Promise<{ tasks: YuanbanTask[]; problems: number }> {
  const shown = (path.relative(process.cwd(), dir) || '.').split(path.sep).join('/');
  const files = await readContentFiles(dir);
  const archive = checkArchive(
    files.filter((file) => !file.path.endsWith(`/${YUANBAN_FILE}`)),
    shown,
  );
  const valid = new Map(checkArchive(files, shown).issues.map((issue) => [issue.file, issue.yuanban?.digest]));
  const within = (file: string) =>
    !only.length ||
    only.some((given) => path.resolve(file) === path.resolve(given) || path.resolve(file).startsWith(path.resolve(given) + path.sep));
  const tasks = archive.issues
    .filter((issue) => issue.assets.includes(YUANBAN_ORIGINAL) && within(issue.file))
    .map((issue) => {
      const madeFrom = valid.get(issue.file);
      return { issue, folder: path.join(dir, issueFolder(issue)), ...(madeFrom && { madeFrom }) };
    });
  return { tasks, problems: archive.problems.length };
}

/** Makes one issue's 原版 file from its original, unless the one there is valid and made from it (`force` makes it anew). */
export async function remakeYuanban(task: YuanbanTask, options: { force: boolean; onPage?: PageProgress }): Promise<YuanbanOutcome> {
  const file = path.join(task.folder, YUANBAN_FILE);
  const shown = path.relative(process.cwd(), file);
  try {
    const original = new Uint8Array(await readFile(path.join(task.folder, YUANBAN_ORIGINAL)));
    const digest = originalDigest(original);
    if (!options.force && task.madeFrom === digest) return { file: shown, made: false };
    const { pages, read } = await originalPrintedPages(original, options.onPage);
    const articles = printedArticles(task.issue);
    const yuanban = makeYuanban(pages, articles, digest);
    await writeWhole(file, yuanbanText(yuanban));
    const unplaced = yuanban.unplaced.map((id) => ({ id, title: articles.find((article) => article.id === id)!.title }));
    return { file: shown, made: true, read, pages: yuanban.pages.length, articles: articles.length, unplaced };
  } catch (error) {
    return { file: shown, error: error instanceof Error ? error.message : String(error) };
  }
}
