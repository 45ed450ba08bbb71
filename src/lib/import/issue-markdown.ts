import { stringify } from 'yaml';
import type { IssueFrontMatter } from '../../schemas/issue.ts';
import { escapeMarkdownHeading, escapeMarkdownText } from './markdown-text.ts';
import { IMAGE_MARK, type RecognizedIssue } from './recognize/index.ts';

/** Options for writing an issue file. */
export interface IssueMarkdownOptions {
  /** Where image files are referenced from the issue file: `<issue>/` beside it. */
  assetFolder: string;
}

/** The front matter an imported issue gets, in the order editors read it. */
export function importedFrontMatter(issue: RecognizedIssue): Omit<
  IssueFrontMatter,
  'draft' | 'supplement' | 'mastheadOrder' | 'creditsLast' | 'sections' | 'credits' | 'distribution' | 'corrections' | 'withdrawn'
> & {
  supplement?: boolean;
  mastheadOrder?: IssueFrontMatter['mastheadOrder'];
  creditsLast?: boolean;
  sections?: string[];
  credits?: string[];
  distribution?: IssueFrontMatter['distribution'];
} {
  const sections = issue.sections.filter((section) => section.name).map((section) => section.name);
  return {
    number: issue.number,
    ...(issue.numberEnd !== undefined && { numberEnd: issue.numberEnd }),
    ...(issue.supplement && { supplement: true }),
    ...(issue.totalNumber !== undefined && { totalNumber: issue.totalNumber }),
    ...(issue.numberLabel !== undefined && { numberLabel: issue.numberLabel }),
    date: issue.date,
    ...(issue.dateLabel !== undefined && { dateLabel: issue.dateLabel }),
    ...(issue.classification && { classification: issue.classification }),
    ...(issue.office && { office: issue.office }),
    ...(issue.officeRole && { officeRole: issue.officeRole }),
    ...(issue.mastheadOrder && { mastheadOrder: issue.mastheadOrder }),
    ...(sections.length && { sections }),
    ...(issue.credits.length && { credits: issue.credits }),
    ...(issue.creditsLast && { creditsLast: true }),
    ...(issue.distribution.length && { distribution: issue.distribution }),
    ...(issue.printed && { printed: issue.printed }),
    ...(issue.scan && { scan: issue.scan }),
  };
}

/** Article ids for an imported issue: a1, a2 … in printed order, never reused within the issue. */
export function importedArticleIds(issue: RecognizedIssue): string[][] {
  let next = 1;
  return issue.sections.map((section) => section.articles.map(() => `a${next++}`));
}

/** Writes a recognised issue as an issue file: front matter, ## sections, ### articles with ids, escaped text. */
export function issueMarkdown(issue: RecognizedIssue, options: IssueMarkdownOptions): string {
  const ids = importedArticleIds(issue);
  const body: string[] = [];
  const note = (text: string) => `> ${escapeMarkdownText(text)}`;
  issue.sections.forEach((section, s) => {
    if (section.name) body.push(`## ${escapeMarkdownHeading(section.name)}`);
    section.articles.forEach((article, a) => {
      const id = ids[s]![a]!;
      const attributes = article.kind === 'lead' ? `{#${id} .lead}` : `{#${id}}`;
      if (article.note !== undefined && article.noteBefore) body.push(note(article.note));
      body.push(article.kind === 'untitled' ? `### ${attributes}` : `### ${escapeMarkdownHeading(article.title)} ${attributes}`);
      if (article.note !== undefined && !article.noteBefore) body.push(note(article.note));
      for (const paragraph of article.paragraphs) {
        body.push(
          paragraph.startsWith(IMAGE_MARK)
            ? `![](${encodeURI(`./${options.assetFolder}/${paragraph.slice(IMAGE_MARK.length)}`)})`
            : escapeMarkdownText(paragraph),
        );
      }
      if (article.source !== undefined) body.push(`${escapeMarkdownText(article.source)} {.source}`);
    });
  });
  // The YAML 1.2 core schema writes 2022-07-28 plain and reads it back as a string.
  const yaml = stringify(importedFrontMatter(issue), { lineWidth: 0 });
  return `---\n${yaml}---\n\n${body.join('\n\n')}\n`;
}
