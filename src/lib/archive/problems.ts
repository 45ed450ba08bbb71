/** Problems an editor can cause, and how they are told: file, line, field, expected, found, fix. */

/** One problem in one file. */
export interface Problem {
  /** Path of the file, relative to the working directory where possible. */
  file: string;
  /** 1-based line in the file; 0 when the problem concerns the whole file. */
  line: number;
  /** The field or part of the file: a front-matter path (`distribution[2].label`), `heading`, `body`, `file name` … */
  field: string;
  /** What was expected there. */
  expected: string;
  /** What was found instead. */
  found: string;
  /** How to fix it, as an instruction to the editor. */
  fix: string;
}

/** One problem as one line: `file:line  field  expected …, found …  → fix`. */
export function formatProblem(problem: Problem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}  ${problem.field}  expected ${problem.expected}, found ${problem.found}  → ${problem.fix}`;
}

/** Every problem, sorted by file and line, with a closing count. */
export function formatProblems(problems: readonly Problem[]): string {
  const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const files = new Set(sorted.map((p) => p.file)).size;
  const lines = sorted.map(formatProblem);
  lines.push(`${sorted.length} problem${sorted.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`);
  return lines.join('\n');
}

/** A short, printable rendering of a found value for messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Thrown when content has problems; its message lists every one. */
export class ContentError extends Error {
  /** The problems, in the order found. */
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(`The content has problems; nothing was built.\n${formatProblems(problems)}`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}
