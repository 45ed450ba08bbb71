import { createHash } from 'node:crypto';
import { sectionInBrackets } from '../section-heading.ts';
import { IssueSchema, type IssueFrontMatter } from '../../schemas/issue.ts';
import { RedirectsSchema, type Redirect } from '../../schemas/redirect.ts';
import { SeriesSchema, type Series } from '../../schemas/series.ts';
import { assetPath, isLocalAsset } from './content-assets.ts';
import { parseChineseDate, yearOf } from '../dates.ts';
import { parseIssueFile, type ParsedSection } from './issue-file.ts';
import { issueLabel, issueSlug, parsePrintedNumber } from '../issue-number.ts';
import { compareIssues } from '../navigation.ts';
import type { Problem } from './problems.ts';
import { validateYaml } from './schema-problems.ts';
import { splitRecipients } from './print-text.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';
import { YUANBAN_FILE, YUANBAN_ORIGINAL, YuanbanSchema, type Yuanban } from '../../schemas/yuanban.ts';
import { LEDGER_FILE, readLedger } from '../build/url-ledger.ts';

/** The article id the 原版 page takes (<issue URL>yuanban/): no new article may have it. */
export const YUANBAN_ID = 'yuanban';

/**
 * The archive's layout inside the content folder:
 *
 *   <series>/series.yaml            the series record
 *   <series>/<year>/<issue>.md      one issue (issue = 59, 12-13, zk1), dated in <year>
 *   <series>/<year>/<issue>/…       that issue's images and original file
 */

/** A file of the content folder: its path relative to the folder (with "/") and its text. */
export interface ContentFile {
  /** Relative path, e.g. nlzf/2022/59.md. */
  path: string;
  /** The file's text; undefined for files that are not read (images, originals). */
  text: string | undefined;
}

/** A validated issue with everything derived from its place in the archive. */
export interface ArchiveIssue {
  /** The file's path as given to `checkArchive` (for messages). */
  file: string;
  /** The series record. */
  series: Series;
  /** Issue slug: 59, 12-13, zk1. */
  slug: string;
  /** Year of the issue date (and its folder). */
  year: number;
  /** Validated front matter. */
  data: IssueFrontMatter;
  /** Parsed body. */
  sections: ParsedSection[];
  /** Files in the issue's own folder (<series>/<year>/<issue>/): photos, the original. */
  assets: string[];
  /** The printed pages and the articles' regions on them (yuanban.json beside the issue), where the issue has them and its 原版 page can be made. */
  yuanban?: Yuanban;
}

/** The whole archive, valid parts only, with every problem found. */
export interface Archive {
  /** Valid series records, by slug order. */
  series: Series[];
  /** Valid issues (drafts included), by series, date and number. */
  issues: ArchiveIssue[];
  /** Permanent redirects for corrected ids and numbers (redirects.yaml). */
  redirects: Redirect[];
  /** Every problem in every file. */
  problems: Problem[];
  /** What an editor should know that is no problem: an article published before its id was reserved. */
  notices?: string[];
}

/** Which files of the content folder are read as text. */
export function isContentText(path: string): boolean {
  return /\.(md|ya?ml)$/i.test(path) || path.endsWith(`/${YUANBAN_FILE}`) || path === LEDGER_FILE;
}

/** Reads redirects.yaml: the redirects, or none and the problems that say why. */
export function parseRedirects(text: string, shown: string): { redirects: Redirect[]; problems: Problem[] } {
  const source = parseYamlSource(text, shown);
  if (source.problems.length) return { redirects: [], problems: source.problems };
  const { data, problems } = validateYaml(RedirectsSchema, { ...source, data: source.data ?? [] }, shown, 'the redirects');
  return { redirects: data ?? [], problems };
}

/** What checking one issue file gave: the issue (without its series record) where it is valid, and its problems. */
export interface CheckedIssue {
  issue?: Omit<ArchiveIssue, 'series'>;
  problems: Problem[];
}

/**
 * Issue files already checked, by the digest of everything their check reads (text, place, series
 * record, the files beside them): a file whose digest is here is not checked again.
 */
export type CheckCache = Pick<Map<string, CheckedIssue>, 'get' | 'set'>;

/** The digest of what checking an issue file reads: its text and name as shown, its place and files, its series record. */
function checkDigest(file: ContentFile, shown: string, series: Series | undefined, place: Omit<IssuePlace, 'paths'>): string {
  return createHash('sha1')
    .update(JSON.stringify([file.text ?? '', shown, place, series ?? null]))
    .digest('hex');
}

/**
 * Validates a whole content folder: every file, every rule, every problem at once. With a `cache`,
 * issue files checked before with the same inputs are taken from it, and the ones checked now are added.
 */
export function checkArchive(files: readonly ContentFile[], root = 'content', cache?: CheckCache): Archive {
  const problems: Problem[] = [];
  const display = (path: string) => `${root.replace(/\/+$/, '')}/${path}`;
  const seriesBySlug = new Map<string, Series>();
  const issueFiles: { file: ContentFile; seriesSlug: string; year: string; slug: string }[] = [];
  let redirects: Redirect[] = [];
  // Files below <series>/<year>/<issue>/, by that folder: each issue's photos and original.
  const assetsByFolder = new Map<string, string[]>();
  // The 原版 files beside issues, by folder; the URLs published so far.
  const yuanbanByFolder = new Map<string, string>();
  let published = new Set<string>();

  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const parts = file.path.split('/');
    const shown = display(file.path);
    if (parts.length === 2 && parts[1] === 'series.yaml') {
      const source = parseYamlSource(file.text ?? '', shown);
      problems.push(...source.problems);
      if (source.problems.length) continue;
      const { data, problems: found } = validateYaml(SeriesSchema, source, shown, 'a series record');
      problems.push(...found);
      if (!data) continue;
      if (data.slug !== parts[0]) {
        problems.push({
          file: shown,
          line: source.lineOf(['slug']),
          field: 'slug',
          expected: `the folder's name "${parts[0]}"`,
          found: `"${data.slug}"`,
          fix: `rename the folder to "${data.slug}" or set slug: ${parts[0]}`,
        });
        continue;
      }
      seriesBySlug.set(data.slug, data);
    } else if (parts.length === 3 && /^\d{4}$/.test(parts[1]!) && parts[2]!.endsWith('.md')) {
      issueFiles.push({ file, seriesSlug: parts[0]!, year: parts[1]!, slug: parts[2]!.slice(0, -3) });
    } else if (parts.length >= 4 && /^\d{4}$/.test(parts[1]!)) {
      // An issue's images and original file live in a folder named like the issue.
      const folder = parts.slice(0, 3).join('/');
      const name = parts.slice(3).join('/');
      const assets = assetsByFolder.get(folder);
      if (assets) assets.push(name);
      else assetsByFolder.set(folder, [name]);
      if (name === YUANBAN_FILE) yuanbanByFolder.set(folder, file.text ?? '');
    } else if (file.path === LEDGER_FILE) {
      published = new Set(readLedger(file.text ?? ''));
    } else if (file.path === 'redirects.yaml') {
      const read = parseRedirects(file.text ?? '', shown);
      problems.push(...read.problems);
      redirects = read.redirects;
    } else if (isContentText(file.path) && !(parts.length === 1 && /^readme\.md$/i.test(file.path))) {
      problems.push({
        file: shown,
        line: 0,
        field: 'file name',
        expected: 'a series record <series>/series.yaml or an issue file <series>/<year>/<issue>.md',
        found: `a file at ${file.path}`,
        fix: 'move the file to its place (see README, "Content layout") or remove it',
      });
    }
  }

  const issues: ArchiveIssue[] = [];
  const paths = new Set(files.map((file) => file.path));
  for (const { file, seriesSlug, year, slug } of issueFiles) {
    const assets = [...(assetsByFolder.get(`${seriesSlug}/${year}/${slug}`) ?? [])].sort();
    const series = seriesBySlug.get(seriesSlug);
    const shown = display(file.path);
    const folder = `${seriesSlug}/${year}/${slug}`;
    const yuanban = yuanbanByFolder.get(folder);
    const yuanbanPublished = published.has(`/${folder}/${YUANBAN_ID}/`);
    const place = { seriesSlug, year, slug, assets, ...(yuanban !== undefined && { yuanban }), yuanbanPublished };
    const digest = cache && checkDigest(file, shown, series, place);
    let checked = digest === undefined ? undefined : cache!.get(digest);
    if (!checked) {
      const found: Problem[] = [];
      const issue = checkIssue(file, shown, series, { ...place, paths }, found);
      checked = { ...(issue && { issue }), problems: found };
      if (digest !== undefined) cache!.set(digest, checked);
    }
    problems.push(...checked.problems);
    if (checked.issue && series) issues.push({ ...checked.issue, series });
  }
  checkUniqueNumbers(issues, problems);
  const notices = issues
    .filter((issue) => issue.sections.some((section) => section.articles.some((article) => article.id === YUANBAN_ID)))
    .map(
      (issue) =>
        `${issue.file}: the article #${YUANBAN_ID} was published before that id was kept for the printed pages (原版); its URL stays, and this issue has no 原版 page`,
    );
  issues.sort((a, b) => a.series.slug.localeCompare(b.series.slug) || compareIssues(a.data, b.data));
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return {
    series: [...seriesBySlug.values()].sort((a, b) => a.slug.localeCompare(b.slug)),
    issues,
    redirects,
    problems,
    ...(notices.length && { notices }),
  };
}

/** Where an issue file sits and what it may refer to: its series folder, year folder, file name, the folder's files. */
interface IssuePlace {
  seriesSlug: string;
  year: string;
  slug: string;
  paths: ReadonlySet<string>;
  assets: string[];
  /** The text of the 原版 file beside the issue, if it has one. */
  yuanban?: string;
  /** True when the site has published <issue URL>yuanban/ (an article of that id, from before it was kept for 原版). */
  yuanbanPublished: boolean;
}

/** Checks one issue file, one rule a function; the body is checked even when the front matter is not valid. */
function checkIssue(
  file: ContentFile,
  shown: string,
  series: Series | undefined,
  place: IssuePlace,
  problems: Problem[],
): Omit<ArchiveIssue, 'series'> | undefined {
  const before = problems.length;
  const parsed = parseIssueFile(file.text ?? '', shown);
  problems.push(...parsed.problems);
  checkBody(parsed.sections, shown, place, problems);
  if (!parsed.frontMatter || parsed.frontMatter.problems.length) return undefined;
  const source = parsed.frontMatter;
  const { data, problems: found } = validateYaml(IssueSchema, source, shown, 'an issue');
  problems.push(...found);
  if (!series) {
    problems.push({
      file: shown,
      line: 0,
      field: 'series',
      expected: `a valid series record ${place.seriesSlug}/series.yaml for this folder`,
      found: 'none',
      fix: `add ${place.seriesSlug}/series.yaml (slug, title, masthead, sections), or correct the one there`,
    });
  }
  if (!data || !series) return undefined;
  checkPlace(data, source, shown, place, problems);
  checkPrintedForms(data, source, shown, problems);
  checkSectionHeadings(parsed.sections, data.sections, source, shown, problems);
  checkSeriesSections(data.sections, series, source, shown, problems);
  const ids = new Set(parsed.sections.flatMap((s) => s.articles.map((a) => a.id)));
  checkReferences(data, ids, source, shown, problems);
  const yuanban = checkYuanban(ids, shown, place, problems);
  if (problems.length > before) return undefined;
  return {
    file: shown,
    slug: place.slug,
    year: Number(place.year),
    data,
    sections: parsed.sections,
    assets: place.assets,
    ...(yuanban && !ids.has(YUANBAN_ID) && { yuanban }),
  };
}

/** The 原版 file beside an issue: valid, beside the original it was made from, naming articles of the issue and pages it has. */
function checkYuanban(ids: ReadonlySet<string>, issueFile: string, place: IssuePlace, problems: Problem[]): Yuanban | undefined {
  if (place.yuanban === undefined) return undefined;
  const shown = `${issueFile.slice(0, -'.md'.length)}/${YUANBAN_FILE}`;
  const remake = `remake it: npm run yuanban -- --force ${issueFile}`;
  const source = parseYamlSource(place.yuanban, shown);
  const { data, problems: found } = source.problems.length
    ? { data: undefined, problems: source.problems }
    : validateYaml(YuanbanSchema, source, shown, 'a 原版 file');
  problems.push(...found.map((problem) => ({ ...problem, fix: `${problem.fix}, or ${remake}` })));
  if (!data) return undefined;
  const before = problems.length;
  if (!place.assets.includes(YUANBAN_ORIGINAL)) {
    problems.push({
      file: shown,
      line: 0,
      field: 'file name',
      expected: `the original it was made from, ${YUANBAN_ORIGINAL}, beside it`,
      found: place.assets.filter((name) => /^original\./.test(name)).join(', ') || 'no original',
      fix: `put ${YUANBAN_ORIGINAL} back beside it, or delete ${YUANBAN_FILE}`,
    });
  }
  const named = [
    ...data.regions.map((region, index): [(string | number)[], string] => [['regions', index, 'article'], region.article]),
    ...data.unplaced.map((id, index): [(string | number)[], string] => [['unplaced', index], id]),
  ];
  for (const [path, id] of named) {
    if (ids.has(id)) continue;
    problems.push({
      file: shown,
      line: source.lineOf(path),
      field: path.join('.').replace(/\.(\d+)/g, '[$1]'),
      expected: `the id of an article of the issue (${[...ids].join(', ')})`,
      found: `"${id}"`,
      fix: `an article's id changed since the regions were made: ${remake}`,
    });
  }
  data.regions.forEach((region, index) => {
    if (region.page <= data.pages.length && region.x + region.width <= 1.0001 && region.y + region.height <= 1.0001) return;
    problems.push({
      file: shown,
      line: source.lineOf(['regions', index]),
      field: `regions[${index}]`,
      expected: `a region inside one of the ${data.pages.length} pages`,
      found: `page ${region.page} at x ${region.x}, y ${region.y}, ${region.width} × ${region.height}`,
      fix: remake,
    });
  });
  return problems.length > before ? undefined : data;
}

/** The file name agrees with the number, the folder with the year. */
function checkPlace(data: IssueFrontMatter, source: YamlSource, shown: string, place: IssuePlace, problems: Problem[]): void {
  const expectedSlug = issueSlug(data);
  if (expectedSlug !== place.slug) {
    problems.push({
      file: shown,
      line: source.lineOf(['number']),
      field: 'file name',
      expected: `${expectedSlug}.md for ${issueLabel(data)}`,
      found: `${place.slug}.md`,
      fix: `rename the file to ${expectedSlug}.md, or correct "number"`,
    });
  }
  if (String(yearOf(data.date)) !== place.year) {
    problems.push({
      file: shown,
      line: source.lineOf(['date']),
      field: 'date',
      expected: `a date in ${place.year}, the year of the folder`,
      found: data.date,
      fix: `move the file to ${place.seriesSlug}/${yearOf(data.date)}/, or correct "date"`,
    });
  }
}

/** Every section the issue lists is a section of its series. */
function checkSeriesSections(listed: readonly string[], series: Series, source: YamlSource, shown: string, problems: Problem[]): void {
  listed.forEach((name, index) => {
    if (series.sections.some((s) => s.name === name)) return;
    problems.push({
      file: shown,
      line: source.lineOf(['sections', index]),
      field: `sections[${index}]`,
      expected: `a section of the series (${series.sections.map((s) => s.name).join('、')})`,
      found: `"${name}"`,
      fix: `add { name: ${name}, slug: … } to ${series.slug}/series.yaml, or correct the name`,
    });
  });
}

/** Corrections and withdrawals name articles of this issue. */
function checkReferences(data: IssueFrontMatter, ids: ReadonlySet<string>, source: YamlSource, shown: string, problems: Problem[]): void {
  const references: [(string | number)[], string | undefined][] = [
    ...data.corrections.map((c, i): [(string | number)[], string | undefined] => [['corrections', i, 'article'], c.article]),
    ...data.withdrawn.map((w, i): [(string | number)[], string | undefined] => [['withdrawn', i, 'article'], w.article]),
  ];
  for (const [path, id] of references) {
    if (id === undefined || ids.has(id)) continue;
    problems.push({
      file: shown,
      line: source.lineOf(path),
      field: `${path[0]}[${path[1]}].article`,
      expected: `the id of an article of this issue (${[...ids].join(', ')})`,
      found: `"${id}"`,
      fix: 'write the id as it stands in the article heading {#…}',
    });
  }
}

/** The body: no empty section, article ids unique, images in place, a paragraph under every lead phrase. */
function checkBody(sections: readonly ParsedSection[], shown: string, place: IssuePlace, problems: Problem[]): void {
  const seenIds = new Map<string, number>();
  for (const section of sections) {
    if (!section.articles.length) {
      problems.push({
        file: shown,
        line: section.line,
        field: 'body',
        expected: `at least one article in section "${section.name}"`,
        found: 'an empty section',
        fix: 'add its articles (### 〈title〉 {#id}) or remove the section from the body and the "sections" list',
      });
    }
    for (const article of section.articles) {
      checkImages(article.images, shown, `${place.seriesSlug}/${place.year}`, place.slug, place.paths, problems);
      if (article.kind === 'lead' && !article.blocks.length) {
        problems.push({
          file: shown,
          line: article.line,
          field: 'body',
          expected: 'a paragraph for the lead phrase to run into',
          found: 'none',
          fix: 'write the article text below the lead-phrase heading',
        });
      }
      if (!article.id) continue;
      if (article.id === YUANBAN_ID && !place.yuanbanPublished) {
        problems.push({
          file: shown,
          line: article.line,
          field: 'heading',
          expected: `an article id other than ${YUANBAN_ID}: <issue URL>${YUANBAN_ID}/ is the address of the issue's printed pages (原版)`,
          found: `#${YUANBAN_ID}`,
          fix: `give the article another id, such as #a${seenIds.size + 1}`,
        });
      }
      const first = seenIds.get(article.id);
      if (first === undefined) {
        seenIds.set(article.id, article.line);
        continue;
      }
      problems.push({
        file: shown,
        line: article.line,
        field: 'heading',
        expected: 'article ids unique within the issue',
        found: `#${article.id} again (first at line ${first})`,
        fix: 'give this article an id of its own; keep the published one where it was',
      });
    }
  }
}

/** The ## headings name the listed sections in order; each problem points at the heading, a bracketed name gets the fix. */
function checkSectionHeadings(
  sections: readonly ParsedSection[],
  listed: readonly string[],
  source: YamlSource,
  shown: string,
  problems: Problem[],
): void {
  const named = sections.filter((section) => section.name);
  named.forEach((section, index) => {
    const bare = sectionInBrackets(section.name) ?? section.name;
    if (bare !== section.name) {
      problems.push({
        file: shown,
        line: section.line,
        field: 'heading',
        expected: 'the section name without its brackets',
        found: `"## ${section.name}"`,
        fix: `write "## ${bare}" (the site prints the 【】)`,
      });
    }
    if (bare === listed[index]) return;
    problems.push({
      file: shown,
      line: section.line,
      field: 'heading',
      expected:
        listed[index] === undefined
          ? `no more sections: "sections" lists ${listed.length} (line ${source.lineOf(['sections'])})`
          : `"## ${listed[index]}", section ${index + 1} of the "sections" list (line ${source.lineOf(['sections', index])})`,
      found: `"## ${section.name}"`,
      fix: 'make the "sections" list and the ## headings name the same sections in the same order',
    });
  });
  if (listed.length > named.length) {
    problems.push({
      file: shown,
      line: source.lineOf(['sections', named.length]),
      field: `sections[${named.length}]`,
      expected: `a ## heading in the body for every listed section`,
      found: `no heading for ${listed.slice(named.length).join('、')}`,
      fix: 'add the section heading (## 〈name〉) with its articles, or remove the name from "sections"',
    });
  }
}

/** The number and dates as printed (numberLabel, dateLabel, printed.dateLabel) must say what the fields say. */
function checkPrintedForms(data: IssueFrontMatter, source: YamlSource, shown: string, problems: Problem[]): void {
  if (data.numberLabel !== undefined) {
    const printed = parsePrintedNumber(data.numberLabel);
    const agrees =
      printed !== undefined &&
      (printed.number ?? 1) === data.number &&
      printed.numberEnd === data.numberEnd &&
      printed.supplement === data.supplement &&
      printed.totalNumber === data.totalNumber &&
      (printed.year === undefined || printed.year === yearOf(data.date));
    if (!agrees) {
      problems.push({
        file: shown,
        line: source.lineOf(['numberLabel']),
        field: 'numberLabel',
        expected: `the number as printed, saying ${issueLabel(data)}${data.totalNumber === undefined ? '' : `（总第${data.totalNumber}期）`} in ${yearOf(data.date)}`,
        found: `"${data.numberLabel}"`,
        fix: 'correct numberLabel, or number / numberEnd / supplement / totalNumber, so that they agree',
      });
    }
  }
  data.distribution.forEach((entry, index) => {
    if (entry.printedAs === undefined || splitRecipients(entry.printedAs).join('\n') === entry.recipients.join('\n')) return;
    problems.push({
      file: shown,
      line: source.lineOf(['distribution', index, 'printedAs']),
      field: `distribution[${index}].printedAs`,
      expected: `the recipients as printed, listing ${entry.recipients.join('、')}`,
      found: `"${entry.printedAs}"`,
      fix: 'make printedAs and recipients name the same recipients in the same order, or remove printedAs',
    });
  });
  const copies = data.printed?.copiesLabel;
  if (copies !== undefined && Number(/共\s*印\s*(\d+)\s*份/u.exec(copies)?.[1]) !== data.printed?.copies) {
    problems.push({
      file: shown,
      line: source.lineOf(['printed', 'copiesLabel']),
      field: 'printed.copiesLabel',
      expected: `共印${data.printed?.copies ?? 'N'}份 as printed, naming printed.copies`,
      found: `"${copies}"`,
      fix: 'correct printed.copiesLabel or printed.copies, so that they name the same number',
    });
  }
  const dates: [(string | number)[], string | undefined, string][] = [
    [['dateLabel'], data.dateLabel, data.date],
    [['printed', 'dateLabel'], data.printed?.dateLabel, data.printed?.date ?? ''],
  ];
  for (const [path, label, iso] of dates) {
    if (label === undefined || parseChineseDate(label) === iso) continue;
    problems.push({
      file: shown,
      line: source.lineOf(path),
      field: path.join('.'),
      expected: `the date ${iso} as printed (2022年7月28日 or 二〇二二年七月二十八日)`,
      found: `"${label}"`,
      fix: `correct ${path.join('.')} or the date beside it, so that they name the same day`,
    });
  }
}

/** Images beside an issue must exist, inside the issue's own folder (<series>/<year>/<issue>/), which the build publishes. */
function checkImages(
  images: readonly { url: string; line: number }[],
  shown: string,
  folder: string,
  slug: string,
  paths: ReadonlySet<string>,
  problems: Problem[],
): void {
  for (const image of images) {
    if (!isLocalAsset(image.url)) continue;
    const path = assetPath(folder, image.url);
    const where = { file: shown, line: image.line, field: 'image' };
    if (!path?.startsWith(`${folder}/${slug}/`)) {
      problems.push({
        ...where,
        expected: `an image in the issue's folder ${folder}/${slug}/`,
        found: `"${image.url}"`,
        fix: `put the image in ${folder}/${slug}/ and write ![说明](./${slug}/文件名)`,
      });
    } else if (!paths.has(path)) {
      problems.push({
        ...where,
        expected: `the image file ${path}`,
        found: 'no such file',
        fix: 'add the file, or correct its name in the issue file',
      });
    }
  }
}

/** The numbers an issue takes in its series (per year where numbering restarts): two issues may share none. */
export function numberKeys(issue: Pick<ArchiveIssue, 'series' | 'year' | 'data'>): { number: number; key: string }[] {
  const scope = issue.series.numbering === 'yearly' ? `${issue.series.slug}/${issue.year}` : issue.series.slug;
  const numbers = issue.data.numberEnd === undefined ? [issue.data.number] : range(issue.data.number, issue.data.numberEnd);
  return numbers.map((number) => ({ number, key: `${scope}/${issue.data.supplement ? 'zk' : ''}${number}` }));
}

/** The problem of an issue whose number another issue of the series has. */
export function numberTakenProblem(issue: ArchiveIssue, number: number, other: string): Problem {
  return {
    file: issue.file,
    line: 0,
    field: 'number',
    expected: `a number not used by another issue of the series${issue.series.numbering === 'yearly' ? ' in the same year' : ''}`,
    found: `第${number}期, also in ${other}`,
    fix: 'correct the number of one of the two issues',
  };
}

function checkUniqueNumbers(issues: readonly ArchiveIssue[], problems: Problem[]): void {
  const seen = new Map<string, ArchiveIssue>();
  for (const issue of issues) {
    for (const { number, key } of numberKeys(issue)) {
      const other = seen.get(key);
      if (other) problems.push(numberTakenProblem(issue, number, other.file));
      else seen.set(key, issue);
    }
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
