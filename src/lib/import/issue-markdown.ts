import { stringify } from 'yaml';
import type { IssueFrontMatter } from '../../schemas/issue.ts';
import { escapeMarkdownHeading, escapeMarkdownText } from './markdown-text.ts';
import { IMAGE_MARK, type RecognizedIssue } from './recognize.ts';

/** Options for writing an issue file. */
export interface IssueMarkdownOptions {
  /** Where image files are referenced from the issue file: `<issue>/` beside it. */
  assetFolder: string;
}

/** The front matter an imported issue gets, in the order editors read it. */
export function importedFrontMatter(issue: RecognizedIssue): Omit<
  IssueFrontMatter,
  'draft' | 'supplement' | 'distribution' | 'corrections' | 'withdrawn'
> & {
  supplement?: boolean;
  distribution?: IssueFrontMatter['distribution'];
} {
  return {
    number: issue.number,
    ...(issue.numberEnd !== undefined && { numberEnd: issue.numberEnd }),
    ...(issue.supplement && { supplement: true }),
    ...(issue.totalNumber !== undefined && { totalNumber: issue.totalNumber }),
    date: issue.date,
    ...(issue.classification && { classification: issue.classification }),
    ...(issue.office && { office: issue.office }),
    sections: issue.sections.map((section) => section.name),
    ...(issue.distribution.length && { distribution: issue.distribution }),
    ...(issue.printed && { printed: issue.printed }),
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
  issue.sections.forEach((section, s) => {
    body.push(`## ${escapeMarkdownHeading(section.name)}`);
    section.articles.forEach((article, a) => {
      const id = ids[s]![a]!;
      const attributes = article.kind === 'lead' ? `{#${id} .lead}` : `{#${id}}`;
      body.push(article.kind === 'untitled' ? `### ${attributes}` : `### ${escapeMarkdownHeading(article.title)} ${attributes}`);
      for (const paragraph of article.paragraphs) {
        body.push(
          paragraph.startsWith(IMAGE_MARK)
            ? `![](${encodeURI(`./${options.assetFolder}/${paragraph.slice(IMAGE_MARK.length)}`)})`
            : escapeMarkdownText(paragraph),
        );
      }
    });
  });
  // The YAML 1.2 core schema writes 2022-07-28 plain and reads it back as a string.
  const yaml = stringify(importedFrontMatter(issue), { lineWidth: 0 });
  return `---\n${yaml}---\n\n${body.join('\n\n')}\n`;
}
