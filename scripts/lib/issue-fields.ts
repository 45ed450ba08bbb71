/**
 * How many of a bulletin's fields an import got right, against the recognition of its true text:
 * the masthead's parts, each section's name, each article (kind, title and every paragraph as
 * printed, or with `shape` how many paragraphs), the credits, each closing entry and the print line. Spaces are left out of every string
 * (a scan shows a printed space only as a gap) and image lines out of the paragraphs (the true text
 * has none).
 */
import { IMAGE_MARK, type RecognizedIssue } from '../../src/lib/import/recognize/index.ts';

const squeezed = (value: unknown): unknown =>
  typeof value === 'string'
    ? value.replace(/\s+/gu, '')
    : Array.isArray(value)
      ? value.map(squeezed)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, squeezed(entry)]))
        : value;

/**
 * The fields of an issue, each named, in printed order; with `shape`, an article's paragraphs counted
 * rather than compared (the structure a scan must give, whatever characters it misreads in them).
 */
export function issueFields(issue: RecognizedIssue, shape = false): [string, unknown][] {
  const fields: [string, unknown][] = [
    ['classification', issue.classification],
    ['masthead title', issue.mastheadLines],
    ['number', [issue.number, issue.numberEnd, issue.totalNumber, issue.supplement]],
    ['office', [issue.office, issue.officeRole]],
    ['date', issue.date],
  ];
  issue.sections.forEach((section, s) => {
    fields.push([`section ${s + 1}`, section.name]);
    section.articles.forEach((article, a) => {
      const { paragraphs, ...rest } = article;
      fields.push([
        `section ${s + 1} article ${a + 1}`,
        { ...rest, paragraphs: shape ? paragraphs.length : paragraphs.filter((paragraph) => !paragraph.startsWith(IMAGE_MARK)) },
      ]);
    });
  });
  fields.push(['credits', issue.credits]);
  issue.distribution.forEach((entry, e) => fields.push([`closing ${e + 1}`, entry]));
  fields.push(['print line', issue.printed]);
  return fields.map(([name, value]) => [name, squeezed(value)]);
}

/** The fields of the truth that the import has, the same, under the same name; and those it has not. */
export function fieldsRight(
  truth: RecognizedIssue,
  found: RecognizedIssue,
  shape = false,
): { right: number; total: number; wrong: string[] } {
  const expected = issueFields(truth, shape);
  const got = new Map(issueFields(found, shape).map(([name, value]) => [name, JSON.stringify(value)]));
  const wrong = expected.filter(([name, value]) => got.get(name) !== JSON.stringify(value));
  return {
    right: expected.length - wrong.length,
    total: expected.length,
    wrong: wrong.map(([name, value]) => `${name}: expected ${JSON.stringify(value)}, found ${got.get(name) ?? 'nothing'}`),
  };
}
