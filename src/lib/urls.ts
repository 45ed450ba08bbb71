/**
 * The site's URL scheme, in one place. Every function returns a root-relative path ending in "/"
 * (or a file name); `withBase` puts the deployment's base path in front.
 *
 *   /<series>/                                  series
 *   /<series>/<year>/                           year
 *   /<series>/<year>/<issue>/                   issue (issue = 59, 12-13, zk1)
 *   /<series>/<year>/<issue>/<article>/         article (its id, also the anchor in the issue page)
 *   /<series>/sections/<section>/<year>/        one section's articles in one year
 *   /search/?q=…&series=…&year=…&section=…      search
 *   /site-map/                                  网站地图: every series and its years
 */

/** First path segments the site uses itself; a series slug may not be one of them. */
export const RESERVED_SLUGS: readonly string[] = [
  '404',
  '_astro',
  'api',
  'assets',
  'feeds',
  'pagefind',
  'rss.xml',
  'search',
  'sections',
  'site-map',
  'sitemap-0.xml',
  'sitemap-index.xml',
];

/** Path of the site map (网站地图). */
export const SITE_MAP_PATH = '/site-map/';

/** Path of a series page. */
export function seriesPath(series: string): string {
  return `/${series}/`;
}

/** Path of a series' year page. */
export function yearPath(series: string, year: number | string): string {
  return `/${series}/${year}/`;
}

/** Path of an issue page. */
export function issuePath(series: string, year: number | string, issue: string): string {
  return `/${series}/${year}/${issue}/`;
}

/** Path of an article page. */
export function articlePath(series: string, year: number | string, issue: string, article: string): string {
  return `/${series}/${year}/${issue}/${article}/`;
}

/** Path of an article's anchor inside its issue page. */
export function articleAnchorPath(series: string, year: number | string, issue: string, article: string): string {
  return `${issuePath(series, year, issue)}#${article}`;
}

/** Path of a section's page for one year. */
export function sectionPath(series: string, section: string, year: number | string): string {
  return `/${series}/sections/${section}/${year}/`;
}

/** Path of a series' RSS feed. */
export function seriesFeedPath(series: string): string {
  return `/${series}/rss.xml`;
}

/** Path of a section's RSS feed. */
export function sectionFeedPath(series: string, section: string): string {
  return `/${series}/sections/${section}/rss.xml`;
}

/** Path of the search page, with the query and filters as URL parameters. */
export function searchPath(params: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `/search/?${text}` : '/search/';
}

/** Puts the base path ("/", "/jianbao/" or "/jianbao") in front of a root-relative path. */
export function withBase(base: string, path: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return `${trimmed}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Normalises a configured base path to "/" or "/segment/…/". */
export function normalizeBase(base: string | undefined): string {
  const segments = (base ?? '').split('/').filter(Boolean);
  return segments.length ? `/${segments.join('/')}/` : '/';
}

/** The 原版 page of an issue: its printed pages (/nlzf/2022/59/yuanban/). */
export function yuanbanPath(series: string, year: number | string, issue: string): string {
  return `${issuePath(series, year, issue)}yuanban/`;
}

/** An article's region on one printed page of its issue's 原版 page (/nlzf/2022/59/yuanban/#minqing-p2). */
export function yuanbanRegionPath(series: string, year: number | string, issue: string, article: string, page: number): string {
  return `${yuanbanPath(series, year, issue)}#${article}-p${page}`;
}
