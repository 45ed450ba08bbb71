/** `npm run check:content`: checks every file of CONTENT_DIR and prints every problem at once. */
import { contentDir, loadArchive } from '../src/lib/content-dir.ts';
import { formatProblems } from '../src/lib/problems.ts';

/** Runs the content check; true when the archive has no problems. */
export async function checkContent(dir: string = contentDir()): Promise<boolean> {
  const archive = await loadArchive(dir);
  if (archive.problems.length) {
    console.error(formatProblems(archive.problems));
    return false;
  }
  const drafts = archive.issues.filter((issue) => issue.data.draft).length;
  console.log(`content check: ${archive.series.length} series, ${archive.issues.length} issues (${drafts} drafts), no problems`);
  return true;
}

if (import.meta.main) process.exitCode = (await checkContent()) ? 0 : 1;
