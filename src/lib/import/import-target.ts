import { checkArchive, numberKeys, numberTakenProblem, type Archive, type ArchiveIssue, type ContentFile } from '../archive/check.ts';
import type { Problem } from '../archive/problems.ts';

/**
 * The content folder an import run plans against: read and checked once, then kept up to date as
 * each issue is planned, so a back catalogue of a thousand files costs one read of the archive, not
 * a thousand.
 */
export interface ImportTarget {
  /** How the content folder is named in messages. */
  root: string;
  /** Every file of the folder by path (text for issue files and series records). */
  files: Map<string, ContentFile>;
  /** The archive as checked once, with the issues planned since. */
  archive: Archive;
}

/** The target for a content folder's files. */
export function importTarget(files: readonly ContentFile[], root: string): ImportTarget {
  return { root, files: new Map(files.map((file) => [file.path, file])), archive: checkArchive(files, root) };
}

/** What checking the files of one planned issue against the target found. */
export interface TargetCheck {
  /** Problems in the planned files (the issue, its series record, its images). */
  problems: Problem[];
  /** The planned issue as checked, when it has no problem. */
  issue: ArchiveIssue | undefined;
}

/**
 * Checks a planned issue with the content check: its own file, its series record and images, and its
 * number against every other issue of the series. Other files are not read again.
 */
export function checkPlanned(target: ImportTarget, planned: readonly ContentFile[], output: string, seriesPath: string): TargetCheck {
  const series = planned.some((file) => file.path === seriesPath)
    ? []
    : [target.files.get(seriesPath)].filter((file) => file !== undefined);
  const checked = checkArchive([...series, ...planned], target.root);
  const shown = `${target.root}/${output}`;
  const ours = new Set([shown, `${target.root}/${seriesPath}`]);
  const problems = checked.problems.filter((problem) => ours.has(problem.file));
  const issue = checked.issues.find((i) => i.file === shown);
  if (issue) {
    const taken = new Map(
      target.archive.issues
        .filter((other) => other.file !== shown)
        .flatMap((other) => numberKeys(other).map(({ key }) => [key, other.file])),
    );
    for (const { number, key } of numberKeys(issue)) {
      const other = taken.get(key);
      if (other) problems.push(numberTakenProblem(issue, number, other));
    }
  }
  return { problems, issue: problems.length ? undefined : issue };
}

/** Records a planned issue in the target, as if written: its files, its series record and its entry. */
export function recordPlanned(target: ImportTarget, planned: readonly ContentFile[], issue: ArchiveIssue): void {
  for (const file of planned) target.files.set(file.path, file);
  const { archive } = target;
  archive.series = [...archive.series.filter((s) => s.slug !== issue.series.slug), issue.series];
  archive.issues = [...archive.issues.filter((i) => i.file !== issue.file), issue];
}
