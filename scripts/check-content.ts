/** `npm run check:content`: checks every file of CONTENT_DIR and prints every problem at once. */
import type { Archive } from '../src/lib/archive/check.ts';
import { loadArchive } from '../src/lib/archive/content-dir.ts';
import { formatProblems } from '../src/lib/archive/problems.ts';

/** Prints the content check's verdict on an archive; true when it has no problems. */
export function reportContent(archive: Archive): boolean {
  if (archive.problems.length) {
    console.error(formatProblems(archive.problems));
    return false;
  }
  for (const notice of archive.notices ?? []) console.log(`content check: ${notice}`);
  const drafts = archive.issues.filter((issue) => issue.data.draft).length;
  console.log(`content check: ${archive.series.length} series, ${archive.issues.length} issues (${drafts} drafts), no problems`);
  return true;
}

if (import.meta.main) process.exitCode = reportContent(await loadArchive()) ? 0 : 1;
