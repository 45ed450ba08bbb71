import { getCollection, type CollectionEntry } from 'astro:content';
import { pageKey } from '../lib/build/page-key.ts';
import { compareIssues, groupBy, sectionYears, type SectionYear } from '../lib/navigation.ts';
import { siteConfig } from '../lib/site-config.ts';

/** A series entry. */
export type SeriesEntry = CollectionEntry<'series'>;
/** An issue entry. */
export type IssueEntry = CollectionEntry<'issues'>;
/** An article entry. */
export type ArticleEntry = CollectionEntry<'articles'>;

/** Every series, by slug. */
export async function allSeries(): Promise<SeriesEntry[]> {
  return (await getCollection('series')).sort((a, b) => a.id.localeCompare(b.id));
}

/** Published issues, oldest first; of one series when given. */
export async function allIssues(series?: string): Promise<IssueEntry[]> {
  const issues = await getCollection('issues', (issue) => series === undefined || issue.data.series === series);
  return issues.sort((a, b) => a.data.series.localeCompare(b.data.series) || compareIssues(a.data, b.data));
}

/** Articles of published issues: by series and issue order, then printed order. */
export async function allArticles(): Promise<ArticleEntry[]> {
  const order = new Map((await allIssues()).map((issue, index) => [issue.id, index]));
  const key = (article: ArticleEntry) => order.get(`${article.data.series}/${article.data.year}/${article.data.issue}`) ?? 0;
  return (await getCollection('articles')).sort((a, b) => key(a) - key(b) || a.data.order - b.data.order);
}

/**
 * A static path with its cache key for the incremental build: the props are all a page shows besides
 * its code and the site settings, so the key is the digest of both (entries by their digests).
 */
export function keyedPath<P extends Record<string, string>, T>(path: { params: P; props: T }): { params: P; props: T; cacheKey: string } {
  return { ...path, cacheKey: pageKey(path.props, siteConfig()) };
}

let byIssue: Promise<Map<string, ArticleEntry[]>> | undefined;

/** The articles of one issue in printed order (grouped once per build, so each issue page is cheap). */
export async function articlesOf(issue: IssueEntry): Promise<ArticleEntry[]> {
  // The dev server keeps modules alive while content changes, so it regroups on every call.
  if (!byIssue || import.meta.env.DEV) {
    byIssue = allArticles().then((articles) => groupBy(articles, (a) => `${a.data.series}/${a.data.year}/${a.data.issue}`));
  }
  return (await byIssue).get(issue.id) ?? [];
}

/** Each section's articles of each year, newest first, with the 第N期 of their issues: the section pages' contents. */
export async function sectionYearPages(): Promise<SectionYear<ArticleEntry['data'] & { label: string }>[]> {
  const labels = new Map((await allIssues()).map((issue) => [issue.id, issue.data.label]));
  const articles = (await allArticles()).map((article) => ({
    ...article.data,
    label: labels.get(`${article.data.series}/${article.data.year}/${article.data.issue}`)!,
  }));
  return sectionYears(articles);
}
