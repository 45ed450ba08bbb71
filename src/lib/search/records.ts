import type { ArchiveIssue } from '../archive/check.ts';
import { issueArticleSources, showsText } from '../archive/articles.ts';
import { formatChineseDate } from '../dates.ts';
import { issueLabelWithTotal } from '../issue-number.ts';
import { indexContent } from './text.ts';
import { articlePath, withBase } from '../urls.ts';

/** How many times an article's title is indexed: Pagefind weighs the title of a custom record no more than its text. */
export const TITLE_WEIGHT = 4;

/** One Pagefind record: an article, searchable by its character pairs, shown with its own text. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/**
 * The index language. Records hold their own words (text.ts): "und" (undetermined) has no
 * segmentation and no stemming, so Pagefind keeps them as they are. The search page's zh-CN finds no
 * index of its own language and falls back to this one.
 */
export const RECORD_LANGUAGE = 'und';

/** A search record before its words are made: `indexed` is the text its content is made from (cheap to make, to digest, to keep). */
export interface RecordSource extends Omit<SearchRecord, 'content'> {
  indexed: string;
}

/** The record with its content: the character pairs of its text (the costly part, done only for shards written). */
export function encodeRecord({ indexed, ...record }: RecordSource): SearchRecord {
  return { ...record, content: indexContent(indexed) };
}

/** The search records of an issue's articles, for a site under `base`. */
export function articleRecords(issue: ArchiveIssue, base: string): SearchRecord[] {
  return articleRecordSources(issue, base).map(encodeRecord);
}

/** The search records of an issue's articles before their content is made. */
export function articleRecordSources(issue: ArchiveIssue, base: string): RecordSource[] {
  const sources = issueArticleSources(issue, base);
  const articles = issue.sections.flatMap((section) => section.articles);
  // A withdrawn article keeps its page, but its text leaves the index.
  return sources.flatMap(({ data }, index) => {
    const article = articles[index]!;
    if (!showsText(data)) return [];
    const body =
      article.kind === 'lead' ? [`${article.printedTitle}${article.blocks[0] ?? ''}`, ...article.blocks.slice(1)] : article.blocks;
    const text = [
      ...(article.note === undefined ? [] : [article.note]),
      ...body,
      ...(article.source === undefined ? [] : [article.source]),
    ];
    return [
      {
        url: withBase(base, articlePath(data.series, data.year, data.issue, data.id)),
        // The title's words several times over: an article about the query (its title holds it) ranks above one that mentions it.
        indexed: [...Array<string>(TITLE_WEIGHT).fill(data.title), ...text].join('\n'),
        language: RECORD_LANGUAGE,
        meta: {
          title: data.title,
          series: issue.series.title,
          issue: issueLabelWithTotal(issue.data),
          date: formatChineseDate(data.date),
          // For ordering newest first across index shards, which Pagefind merges by score only.
          iso: data.date,
          ...(data.section !== undefined && { section: data.section }),
          // The text itself, for excerpts: the indexed content is character pairs.
          text: text.join('\n'),
        },
        filters: {
          series: [issue.series.title],
          year: [String(data.year)],
          ...(data.section !== undefined && { section: [data.section] }),
        },
        sort: { date: data.date },
      },
    ];
  });
}
