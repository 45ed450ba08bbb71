import type { Loader, LoaderContext } from 'astro/loaders';
import { issueArticleSources, issueEntry } from '../lib/articles.ts';
import type { Archive } from '../lib/archive.ts';
import { contentDir, loadArchive } from '../lib/content-dir.ts';
import { ContentError } from '../lib/problems.ts';
import { isPublished } from '../lib/publish.ts';

let pending: { dir: string; archive: Promise<Archive> } | undefined;

/** The checked, published archive in CONTENT_DIR, read once per build for all three collections. */
async function publishedArchive(): Promise<Archive> {
  const dir = contentDir();
  if (pending?.dir !== dir) pending = { dir, archive: loadArchive(dir) };
  const archive = await pending.archive;
  if (archive.problems.length) throw new ContentError(archive.problems);
  return { ...archive, issues: archive.issues.filter(isPublished) };
}

async function replaceAll(context: LoaderContext, entries: { id: string; data: Record<string, unknown>; markdown?: string }[]) {
  context.store.clear();
  for (const entry of entries) {
    const data = await context.parseData({ id: entry.id, data: entry.data });
    const rendered = entry.markdown === undefined ? undefined : await context.renderMarkdown(entry.markdown);
    context.store.set({
      id: entry.id,
      data,
      digest: context.generateDigest({ data: entry.data, markdown: entry.markdown ?? '' }),
      ...(rendered && { rendered }),
    });
  }
}

/** Series records from <CONTENT_DIR>/<series>/series.yaml; id = slug. */
export function seriesLoader(): Loader {
  return {
    name: 'jianbao-series',
    load: async (context) => {
      const archive = await publishedArchive();
      await replaceAll(
        context,
        archive.series.map((series) => ({ id: series.slug, data: series })),
      );
    },
  };
}

/** Published issues; id = <series>/<year>/<issue>. */
export function issueLoader(): Loader {
  return {
    name: 'jianbao-issues',
    load: async (context) => {
      const archive = await publishedArchive();
      await replaceAll(
        context,
        archive.issues.map((issue) => ({ id: `${issue.series.slug}/${issue.year}/${issue.slug}`, data: issueEntry(issue) })),
      );
    },
  };
}

/** Articles of published issues, each with its own rendered HTML; id = <series>/<year>/<issue>/<article>. */
export function articleLoader(): Loader {
  return {
    name: 'jianbao-articles',
    load: async (context) => {
      const archive = await publishedArchive();
      const sources = archive.issues.flatMap(issueArticleSources);
      await replaceAll(
        context,
        sources.map((source) => ({ id: source.entryId, data: source.data, markdown: source.markdown })),
      );
    },
  };
}
