import type { Article } from '../../schemas/article.ts';
import type { IssueEntry } from '../../schemas/issue.ts';
import type { ArchiveIssue } from './check.ts';
import type { ParsedArticle } from './issue-file.ts';
import { issueLabelWithTotal } from '../issue-number.ts';
import { withBase } from '../urls.ts';

const UNTITLED_LENGTH = 20;

/** The title of an article for lists, search and page titles. */
export function articleTitle(article: Pick<ParsedArticle, 'kind' | 'printedTitle' | 'blocks'>): string {
  if (article.kind === 'lead') return article.printedTitle.replace(/[。．.！!？?；;：:，,、\s]+$/u, '');
  if (article.kind === 'titled') return article.printedTitle;
  // An untitled item is listed by its opening words.
  const text = (article.blocks[0] ?? '').replace(/\s+/g, '');
  return text.length > UNTITLED_LENGTH ? `${text.slice(0, UNTITLED_LENGTH)}…` : text || '（无题）';
}

/** True when an article's text is public: a withdrawn (撤稿) article keeps its page, but its text leaves pages, feeds and search. */
export function showsText(article: Pick<Article, 'withdrawn'>): boolean {
  return article.withdrawn === undefined;
}

function withdrawal(issue: ArchiveIssue, id: string): { withdrawn?: { date: string; note?: string } } {
  const found = issue.data.withdrawn.find((w) => w.article === id);
  return found ? { withdrawn: { date: found.date, ...(found.note && { note: found.note }) } } : {};
}

/** An article record with the Markdown to render for its body. */
export interface ArticleSource {
  /** Entry id: <series>/<year>/<issue>/<article>. */
  entryId: string;
  /** The article record. */
  data: Article;
  /** Markdown of the body; a lead article carries its phrase in front matter for rehype-lead-phrase. */
  markdown: string;
}

/** What the rehype plugins read from an article's front matter while it is rendered. */
export interface ArticleRenderData {
  /** A lead phrase to run into the first paragraph (rehype-lead-phrase). */
  leadPhrase?: string;
  /** The site URL of the issue file's folder, for images beside the issue (rehype-asset-urls). */
  assetBase: string;
  /** The issue file's folder within the content folder: <series>/<year>. */
  assetFolder: string;
}

/** The articles of an issue, in printed order, ready to render on a site under `base`. */
export function issueArticleSources(issue: ArchiveIssue, base = '/'): ArticleSource[] {
  const sources: ArticleSource[] = [];
  for (const section of issue.sections) {
    const sectionSlug = issue.series.sections.find((s) => s.name === section.name)?.slug;
    for (const article of section.articles) {
      const data: Article = {
        id: article.id,
        title: articleTitle(article),
        printedTitle: article.printedTitle,
        kind: article.kind,
        series: issue.series.slug,
        issue: issue.slug,
        date: issue.data.date,
        year: issue.year,
        ...(section.name && { section: section.name }),
        ...(sectionSlug !== undefined && { sectionSlug }),
        ...(article.note !== undefined && { note: article.note }),
        noteBefore: article.noteBefore,
        ...(article.source !== undefined && { source: article.source }),
        order: sources.length,
        corrections: issue.data.corrections.filter((c) => c.article === article.id).map(({ date, note }) => ({ date, note })),
        ...withdrawal(issue, article.id),
      };
      const folder = `${issue.series.slug}/${issue.year}`;
      const render: ArticleRenderData = {
        ...(article.kind === 'lead' && { leadPhrase: article.printedTitle }),
        assetBase: withBase(base, `/${folder}/`),
        assetFolder: folder,
      };
      // JSON is YAML too: the front matter reaches the plugins exactly as written here.
      const frontMatter = `---\n${JSON.stringify(render)}\n---\n`;
      sources.push({
        entryId: `${issue.series.slug}/${issue.year}/${issue.slug}/${article.id}`,
        data,
        markdown: `${frontMatter}${article.markdown}`,
      });
    }
  }
  return sources;
}

/** The issue entry of the site for a checked issue. */
export function issueEntry(issue: ArchiveIssue): IssueEntry {
  const original = issue.assets.find((name) => /^original\.[a-z0-9]+$/i.test(name));
  return {
    ...issue.data,
    series: issue.series.slug,
    slug: issue.slug,
    year: issue.year,
    label: issueLabelWithTotal(issue.data),
    sectionRefs: issue.data.sections.map((name) => ({ name, slug: issue.series.sections.find((s) => s.name === name)?.slug ?? '' })),
    ...(original !== undefined && { original }),
    ...(issue.yuanban && { yuanban: issue.yuanban }),
    articles: issueArticleSources(issue).map(({ data }) => ({
      id: data.id,
      title: data.title,
      kind: data.kind,
      ...(data.section !== undefined && { section: data.section }),
      withdrawn: data.withdrawn !== undefined,
    })),
  };
}
