import type { ArticleKind } from '../../../schemas/article.ts';
import type { IssueFrontMatter, MastheadPart } from '../../../schemas/issue.ts';

/** One article as recognised. */
export interface RecognizedArticle {
  /** titled, lead (a phrase run into the first paragraph) or untitled. */
  kind: ArticleKind;
  /** The printed title without its marker; a lead phrase with its closing 。; empty for an untitled item. */
  title: string;
  /** Paragraphs in order; for a lead article the first is the text after the phrase. Image lines are IMAGE_MARK + file name. */
  paragraphs: string[];
  /** The editor's note (编者按：…) printed with it. */
  note?: string;
  /** True when the note is printed before the title. */
  noteBefore?: boolean;
  /** Where it came from, as printed after it: （供稿：某某学校）. */
  source?: string;
}

/** One section as recognised; an issue without sections has one with an empty name. */
export interface RecognizedSection {
  /** The name as printed, without brackets or number; empty for the one run of articles of an issue without sections. */
  name: string;
  /** Articles in order. */
  articles: RecognizedArticle[];
}

/** The masthead as recognised: the issue file's masthead fields as IssueSchema defines them, and what the series record takes. */
export type RecognizedMasthead = Pick<
  IssueFrontMatter,
  'classification' | 'number' | 'numberEnd' | 'supplement' | 'totalNumber' | 'numberLabel' | 'office' | 'officeRole' | 'date' | 'dateLabel'
> & {
  /** The masthead title lines as printed (letter spacing kept): the series title. */
  mastheadLines: string[];
  /** True when the number line prints the year (2024年第3期): a series numbered within the year. */
  yearInNumber?: boolean;
  /** The masthead's number, office and date in printed order, where it is not number, office, date. */
  mastheadOrder?: MastheadPart[];
};

/** Everything recognised in one bulletin: its sections with their articles, and the issue file's closing fields. */
export type RecognizedIssue = RecognizedMasthead &
  Pick<IssueFrontMatter, 'credits' | 'distribution' | 'printed' | 'scan'> & {
    /** Sections in order. */
    sections: RecognizedSection[];
    /** True when the credits are printed after the print line, at the very end. */
    creditsLast?: boolean;
  };

/** What recognition tells the editor besides the issue. */
export interface Findings {
  /** What the importer decided on its own: healed page breaks, titles joined over two lines, what it dropped. */
  decisions: string[];
  /** What it was unsure of, `unsure: line N: …` where the layout could not settle it. */
  warnings: string[];
  /** Source text that fits nowhere (empty for a clean import). */
  unplaced: string[];
}

/** The result of recognising one bulletin. */
export interface Recognition extends Findings {
  /** What was recognised. */
  issue: RecognizedIssue;
  /** The source text less exactly what recognition dropped (page numbers, rules, the table of contents, item markers, unplaced lines): what the print text must equal. */
  keptText: string;
}

/** A bulletin that cannot be imported: what is missing, in words for the editor. */
export class RecognitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecognitionError';
  }
}
