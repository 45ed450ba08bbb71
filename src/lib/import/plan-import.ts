import type { ArchiveIssue, ContentFile } from '../archive/check.ts';
import { makeYuanban, originalDigest, printedArticles, yuanbanText } from '../archive/yuanban.ts';
import { YUANBAN_FILE, YUANBAN_ORIGINAL } from '../../schemas/yuanban.ts';
import { checkPlanned, recordPlanned, type ImportTarget } from './import-target.ts';
import { articleTitle } from '../archive/articles.ts';
import { yearOf } from '../dates.ts';
import { issueSlug } from '../issue-number.ts';
import { comparePrintText, printText } from '../archive/print-text.ts';
import { formatProblem } from '../archive/problems.ts';
import { SlugSchema } from '../../schemas/common.ts';
import type { ArticleKind } from '../../schemas/article.ts';
import type { Series } from '../../schemas/series.ts';
import { importedArticleIds, importedFrontMatter, issueMarkdown } from './issue-markdown.ts';
import { recognizeBulletin, RecognitionError, type RecognizedIssue } from './recognize/index.ts';
import { ImportError, type ExtractedSource } from './source.ts';
import { runTogether } from './ocr/read-scan.ts';
import { matchSeries, newSeries, seriesYaml, seriesYamlWithSections, withSections } from './series-record.ts';

/** The issue as the importer reports it (the `--json` line's `issue`): its front matter, with the series' office and title. */
export type ImportedIssueReport = Omit<ReturnType<typeof importedFrontMatter>, 'sections' | 'distribution' | 'printed'> & {
  seriesTitle?: string;
  /** Sections with their articles; the one run of an issue without sections has an empty name. */
  sections: { name: string; articles: { id: string; title: string; kind: ArticleKind }[] }[];
  distribution: NonNullable<ReturnType<typeof importedFrontMatter>['distribution']>;
  printed?: { by?: string; date: string };
  copies?: number;
};

/** A successful plan: the files to write (relative to the content folder) and the report. */
export interface ImportPlan {
  /** The issue file, relative to the content folder. */
  output: string;
  /** Files to write, relative to the content folder: issue, series record (when new or changed), images, original. */
  files: { path: string; data: string | Uint8Array }[];
  /** True when the issue file replaces an existing one (only with --force). */
  replaces: boolean;
  /** The series record used; `created` when the import writes a new one. */
  series: { slug: string; title: string; created: boolean; sectionsAdded: string[] };
  /** What was recognised. */
  issue: ImportedIssueReport;
  /** What the importer decided on its own. */
  decisions: string[];
  /** What it was unsure of. */
  warnings: string[];
  /** The written issue printed back as the bulletin's text (masthead, body, closing block, print line): what the round trip compared. */
  printed: string;
}

/** Options of one import. */
export interface PlanOptions {
  /** Series slug to import into (--series); else the series whose masthead matches, else a new one. */
  series?: string | undefined;
  /** Replace an existing issue file (--force). */
  force: boolean;
}

/**
 * The 原版 file of an issue imported from a PDF or a scan: its articles placed on the printed pages the
 * reading gave, each one it could not place said, as the editor should check it; none for other originals.
 */
function plannedYuanban(
  source: ExtractedSource,
  issue: ArchiveIssue,
  shown: string,
  decisions: string[],
  warnings: string[],
): string | undefined {
  if (!source.printed?.length || `original${source.original.extension}` !== YUANBAN_ORIGINAL) return undefined;
  const articles = printedArticles(issue);
  const yuanban = makeYuanban(source.printed, articles, originalDigest(source.original.data));
  const placed = articles.length - yuanban.unplaced.length;
  decisions.push(
    `placed ${placed} of ${articles.length} articles on the ${yuanban.pages.length} printed page${yuanban.pages.length > 1 ? 's' : ''} for the 原版 page (${shown})`,
  );
  for (const id of yuanban.unplaced) {
    const article = articles.find((each) => each.id === id)!;
    warnings.push(
      `原版: the article "${article.title || article.text.slice(0, 20)}" (#${id}) was not found on the printed pages, so the 原版 page shows no region for it; check its text against the original`,
    );
  }
  return yuanbanText(yuanban);
}

function report(issue: RecognizedIssue, series: Series): ImportedIssueReport {
  const ids = importedArticleIds(issue);
  // The report reads as the front matter does (its sections with their articles), with the series' office where the issue prints none.
  const { sections, distribution = [], printed, office = series.office, ...masthead } = importedFrontMatter(issue);
  return {
    ...masthead,
    ...(office && { office }),
    seriesTitle: series.title,
    sections: issue.sections.map((section, s) => ({
      name: section.name,
      articles: section.articles.map((article, a) => ({
        id: ids[s]![a]!,
        kind: article.kind,
        title: articleTitle({ kind: article.kind, printedTitle: article.title, blocks: article.paragraphs }),
      })),
    })),
    distribution,
    ...(printed && { printed: { ...(printed.by && { by: printed.by }), date: printed.date } }),
    ...(printed?.copies !== undefined && { copies: printed.copies }),
  };
}

/**
 * Plans the import of one bulletin into a content folder: recognises it, picks or creates its series,
 * writes its Markdown, checks the result with the content check, and proves by the print-text round
 * trip that nothing was lost. Writes nothing; throws ImportError when the input cannot be imported.
 */
export function planImport(source: ExtractedSource, target: ImportTarget, options: PlanOptions): ImportPlan {
  let recognition;
  try {
    recognition = recognizeBulletin(source.text);
  } catch (error) {
    if (error instanceof RecognitionError) throw new ImportError(error.message);
    throw error;
  }
  const { issue, unplaced } = recognition;
  // Nothing read may be lost: text that has no place in the file is not left out of it silently.
  if (unplaced.length) {
    throw new ImportError(
      `nothing written: ${unplaced.length} piece${unplaced.length > 1 ? 's' : ''} of its text fit${unplaced.length > 1 ? '' : 's'} no part of an issue file (${recognition.warnings.filter((warning) => warning.includes('not placed')).join('; ') || unplaced.map((text) => `"${text}"`).join('、')}); correct the source there and import it again`,
    );
  }
  if (source.scan) issue.scan = source.scan;
  // A scan's text lines are named by their page and line in the scan, where the editor can find them.
  const named = (message: string) =>
    source.lineNames ? message.replace(/\bline (\d+)/gu, (text, no: string) => source.lineNames![Number(no) - 1] || text) : message;
  const decisions = [...(source.decisions ?? []), ...recognition.decisions.map(named)];
  const warnings = [...(source.warnings ?? []), ...recognition.warnings.map(named)];
  // A scan may lose the 、 between two recipients: a name that reads as two is said.
  for (const entry of source.scan ? issue.distribution : []) {
    for (const recipient of entry.recipients) {
      const names = runTogether(recipient);
      if (names) {
        warnings.push(
          `unsure: the recipient "${recipient}" of "${entry.label}：" reads as two names run together ("${names[0]}" and "${names[1]}"): a 、 between them may be lost in the scan; check it`,
        );
      }
    }
  }
  const existing = target.archive;

  let series: Series | undefined;
  let created = false;
  if (options.series !== undefined) {
    if (!SlugSchema.safeParse(options.series).success) {
      throw new ImportError(`--series "${options.series}": expected a short ASCII slug (a-z, 0-9, "-")`);
    }
    series = existing.series.find((s) => s.slug === options.series);
  } else {
    series = matchSeries(existing.series, issue.mastheadLines);
  }
  const sectionNames = importedFrontMatter(issue).sections ?? [];
  if (!series && !issue.mastheadLines.length) {
    throw new ImportError('no series title above the issue number, so no series to import into: name one with --series SLUG');
  }
  if (!series) {
    const taken = new Set([...target.files.keys()].map((path) => path.split('/')[0]!));
    series = newSeries(
      issue.mastheadLines,
      issue.office,
      sectionNames,
      taken,
      options.series,
      issue.yearInNumber ? 'yearly' : 'continuous',
    );
    created = true;
  }
  const sections = withSections(series.sections, sectionNames);
  const added = sections.slice(series.sections.length);
  const seriesRecord: Series = { ...series, sections };

  const slug = issueSlug(issue);
  const folder = `${seriesRecord.slug}/${yearOf(issue.date)}`;
  const output = `${folder}/${slug}.md`;
  const replaces = target.files.has(output);
  if (replaces && !options.force) {
    throw new ImportError(
      `${target.root}/${output} exists already; --force replaces it and keeps the old file as a backup outside the content folder`,
    );
  }

  const markdown = issueMarkdown(issue, { assetFolder: slug });
  const seriesPath = `${seriesRecord.slug}/series.yaml`;
  const seriesText = created
    ? `# Series record written by the importer from the masthead of ${target.root}/${output}; check the slug and title.\n${seriesYaml(seriesRecord)}`
    : added.length
      ? seriesYamlWithSections(target.files.get(seriesPath)?.text ?? '', added)
      : undefined;

  const assets = `${folder}/${slug}`;
  const planned: ContentFile[] = [
    { path: output, text: markdown },
    ...source.images.map((image) => ({ path: `${assets}/${image.name}`, text: undefined })),
    ...(seriesText !== undefined ? [{ path: seriesPath, text: seriesText }] : []),
  ];
  const { problems, issue: written } = checkPlanned(target, planned, output, seriesPath);
  if (!written) {
    throw new ImportError(`the imported issue would not pass the content check:\n${problems.map(formatProblem).join('\n')}`);
  }
  const yuanban = plannedYuanban(source, written, `${target.root}/${assets}/${YUANBAN_FILE}`, decisions, warnings);
  recordPlanned(
    target,
    [
      ...planned,
      { path: `${assets}/original${source.original.extension}`, text: undefined },
      ...(yuanban !== undefined ? [{ path: `${assets}/${YUANBAN_FILE}`, text: yuanban }] : []),
    ],
    written,
  );

  // Nothing lost: the new file's print text equals the source, less exactly what recognition reported dropping.
  const printed = printText({ issue: written.data, series: written.series, sections: written.sections });
  const difference = comparePrintText(recognition.keptText, printed);
  if (difference) {
    throw new ImportError(
      `nothing written: the issue file would not print the source back (at character ${difference.offset}, expected "${difference.expected}", found "${difference.found}"), so something would be lost; please report this bulletin`,
    );
  }
  if (created) decisions.push(`new series record ${target.root}/${seriesPath} (slug "${seriesRecord.slug}") made from the masthead`);
  if (added.length)
    decisions.push(`sections added to ${target.root}/${seriesPath}: ${added.map((s) => `${s.name} (${s.slug})`).join('、')}`);

  return {
    output,
    files: [
      { path: output, data: markdown },
      ...(seriesText !== undefined ? [{ path: seriesPath, data: seriesText }] : []),
      ...source.images.map((image) => ({ path: `${assets}/${image.name}`, data: image.data })),
      { path: `${assets}/original${source.original.extension}`, data: source.original.data },
      ...(yuanban !== undefined ? [{ path: `${assets}/${YUANBAN_FILE}`, data: yuanban }] : []),
    ],
    replaces,
    series: { slug: seriesRecord.slug, title: seriesRecord.title, created, sectionsAdded: added.map((s) => s.name) },
    issue: report(issue, seriesRecord),
    decisions,
    warnings,
    printed,
  };
}
