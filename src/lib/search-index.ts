import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** What indexing wrote. */
export interface IndexSummary {
  /** Pages in the index (article pages only: other pages carry no data-pagefind-body). */
  pages: number;
  /** The folder of the index. */
  outputPath: string;
}

/** Builds the Pagefind index of a built site into <site>/pagefind; throws with Pagefind's errors. */
export async function indexSite(site: string): Promise<IndexSummary> {
  const outputPath = path.join(site, 'pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length) throw new Error(`Pagefind could not index ${site}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
    const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const pages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    return { pages, outputPath };
  } finally {
    await pagefind.close();
  }
}
