import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchRecord } from './search-records.ts';

/** What indexing wrote. */
export interface IndexSummary {
  /** Records in the index (one per article). */
  pages: number;
  /** The folder of the index. */
  outputPath: string;
}

/** Writes a Pagefind index of the given records into <site>/pagefind; throws with Pagefind's errors. */
export async function indexRecords(site: string, records: Iterable<SearchRecord>): Promise<IndexSummary> {
  const outputPath = path.join(site, 'pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    for (const record of records) {
      const added = await index.addCustomRecord(record);
      if (added.errors.length) throw new Error(`Pagefind could not index ${record.url}: ${added.errors.join('; ')}`);
    }
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
