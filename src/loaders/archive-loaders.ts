import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { issueArticleSources, issueEntry } from '../lib/archive/articles.ts';
import type { Archive } from '../lib/archive/check.ts';
import { issueFolder } from '../lib/archive/content-assets.ts';
import { contentDir, loadArchive } from '../lib/archive/content-dir.ts';
import { ContentError } from '../lib/archive/problems.ts';
import { isPublished } from '../lib/build/publish.ts';
import { renderedFile, renderedFolder } from '../lib/build/rendered-html.ts';
import { sourceDigest } from '../lib/source-digest.ts';

/** Where the code that shapes the stored entries starts: these loaders, the rehype plugins, the collections' schemas, Astro's configuration. */
const RENDER_CODE = ['src/loaders/archive-loaders.ts', 'src/plugins/index.ts', 'src/content.config.ts', 'astro.config.ts'];

let renderCode: { root: string; digest: string } | undefined;

/** The digest of that code and of the lockfile, computed once per process. */
function renderCodeDigest(context: LoaderContext): string {
  const root = fileURLToPath(context.config.root);
  if (renderCode?.root !== root) renderCode = { root, digest: sourceDigest(root, RENDER_CODE, ['package-lock.json']) };
  return renderCode.digest;
}

let inFlight: { dir: string; archive: Promise<Archive> } | undefined;

/** Reads the archive; loaders that ask while a read is under way (Astro runs them together) share it. */
function readArchive(dir: string): Promise<Archive> {
  if (inFlight?.dir !== dir) {
    // In `npm run build`, the content check has just checked every file and left its results to read.
    const cache = process.env.CONTENT_CHECK_CACHE;
    const archive: Promise<Archive> = loadArchive(dir, cache ? { file: cache, write: false } : undefined).finally(() => {
      if (inFlight?.archive === archive) inFlight = undefined;
    });
    inFlight = { dir, archive };
  }
  return inFlight.archive;
}

/** The checked, published archive in CONTENT_DIR, read once per sync for all three collections. */
async function publishedArchive(context: LoaderContext, reload: () => Promise<void>): Promise<Archive> {
  const dir = contentDir();
  watchContent(context, dir, reload);
  const archive = await readArchive(dir);
  if (archive.problems.length) throw new ContentError(archive.problems);
  return { ...archive, issues: archive.issues.filter(isPublished) };
}

const watched = new WeakSet<object>();

/** In the dev server, any change below the content folder reads the archive again and reloads the collection. */
function watchContent(context: LoaderContext, dir: string, reload: () => Promise<void>): void {
  const { watcher } = context;
  if (!watcher || watched.has(context.store)) return;
  watched.add(context.store);
  watcher.add(dir);
  watcher.on('all', (_event: string, file: string) => {
    if (!file.startsWith(dir)) return;
    reload().catch((error: unknown) => context.logger.error(error instanceof Error ? error.message : String(error)));
  });
}

/** An entry to store: its data and, for rendered entries, the Markdown of its body and the files it renders from. */
interface LoaderEntry {
  id: string;
  data: Record<string, unknown>;
  markdown?: string;
  /** Files beside the issue that rendering reads (photos, for their sizes): their size and time, so a replaced photo renders again. */
  files?: string[];
}

/** Size and modification time of each file: what tells a replaced file. */
function fileStamps(files: readonly string[]): [string, number, number][] {
  return files.map((file) => {
    const stat = statSync(file, { throwIfNoEntry: false });
    return [file, stat?.size ?? -1, stat?.mtimeMs ?? -1];
  });
}

/**
 * Makes the store hold exactly these entries; an entry whose digest is unchanged is kept without
 * rendering it again. The digest covers the entry's data and body, the files it renders from and the
 * code that renders it. Rendered HTML goes to a file named by the digest, not into the store
 * (lib/build/rendered-html.ts); files no entry names any more are removed.
 */
async function syncEntries(context: LoaderContext, entries: LoaderEntry[]) {
  const ids = new Set(entries.map((entry) => entry.id));
  for (const id of context.store.keys()) if (!ids.has(id)) context.store.delete(id);
  const code = renderCodeDigest(context);
  const cacheDir = fileURLToPath(context.config.cacheDir);
  const rendered = new Set<string>();
  if (entries.some((entry) => entry.markdown !== undefined)) mkdirSync(renderedFolder(cacheDir), { recursive: true });
  for (const entry of entries) {
    const digest = context.generateDigest({
      data: entry.data,
      markdown: entry.markdown ?? '',
      files: fileStamps(entry.files ?? []),
      code,
    });
    const file = entry.markdown === undefined ? undefined : renderedFile(cacheDir, digest);
    if (file) rendered.add(path.basename(file));
    if (context.store.get(entry.id)?.digest === digest && (!file || existsSync(file))) continue;
    const data = await context.parseData({ id: entry.id, data: entry.data });
    if (file) writeFileSync(file, (await context.renderMarkdown(entry.markdown!)).html);
    context.store.set({ id: entry.id, data, digest });
  }
  if (!rendered.size) return;
  for (const name of readdirSync(renderedFolder(cacheDir)))
    if (!rendered.has(name)) rmSync(path.join(renderedFolder(cacheDir), name), { force: true });
}

/** A loader whose entries are derived from the checked, published archive. */
function archiveLoader(name: string, entriesOf: (archive: Archive, context: LoaderContext) => LoaderEntry[]): Loader {
  return {
    name,
    load: async function load(context) {
      const archive = await publishedArchive(context, () => load(context));
      await syncEntries(context, entriesOf(archive, context));
    },
  };
}

/** Series records from <CONTENT_DIR>/<series>/series.yaml; id = slug. */
export function seriesLoader(): Loader {
  return archiveLoader('jianbao-series', (archive) => archive.series.map((series) => ({ id: series.slug, data: series })));
}

/** Published issues; id = <series>/<year>/<issue>. */
export function issueLoader(): Loader {
  return archiveLoader('jianbao-issues', (archive) =>
    archive.issues.map((issue) => ({ id: `${issue.series.slug}/${issue.year}/${issue.slug}`, data: issueEntry(issue) })),
  );
}

/** Articles of published issues, each with its own rendered HTML (kept beside the store, lib/build/rendered-html.ts); id = <series>/<year>/<issue>/<article>. */
export function articleLoader(): Loader {
  return archiveLoader('jianbao-articles', (archive, context) =>
    archive.issues.flatMap((issue) => {
      const folder = path.join(contentDir(), issueFolder(issue));
      const files = issue.assets.map((asset) => path.join(folder, asset));
      return issueArticleSources(issue, context.config.base).map((source) => ({
        id: source.entryId,
        data: source.data,
        markdown: source.markdown,
        files,
      }));
    }),
  );
}
