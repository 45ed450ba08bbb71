/** `npm run check:content`: checks every file of CONTENT_DIR and prints every problem at once. */
import type { Archive } from '../src/lib/archive/check.ts';
import { loadArchive } from '../src/lib/archive/content-dir.ts';
import { formatProblems } from '../src/lib/archive/problems.ts';
import { YUANBAN_FILE, YUANBAN_ORIGINAL } from '../src/schemas/yuanban.ts';

/** Prints the content check's verdict on an archive; true when it has no problems. */
export function reportContent(archive: Archive): boolean {
  if (archive.problems.length) {
    console.error(formatProblems(archive.problems));
    return false;
  }
  for (const notice of archive.notices ?? []) console.log(`content check: ${notice}`);
  const drafts = archive.issues.filter((issue) => issue.data.draft).length;
  console.log(`content check: ${archive.series.length} series, ${archive.issues.length} issues (${drafts} drafts), no problems`);
  // An original PDF without its 原版 file: imported before the printed pages were shown, or the file deleted.
  const without = archive.issues.filter((issue) => issue.assets.includes(YUANBAN_ORIGINAL) && !issue.assets.includes(YUANBAN_FILE));
  if (without.length) {
    console.log(
      `content check: ${without.length} issue${without.length > 1 ? 's have' : ' has'} an original PDF but no 原版 page (${without
        .slice(0, 3)
        .map((issue) => issue.file)
        .join(', ')}${without.length > 3 ? ', …' : ''}): npm run yuanban makes their printed pages' regions`,
    );
  }
  return true;
}

if (import.meta.main) process.exitCode = reportContent(await loadArchive()) ? 0 : 1;
