import rss from '@astrojs/rss';
import type { ArticleEntry } from './archive.ts';
import { showsText } from '../lib/archive/articles.ts';
import { renderedHtml } from '../lib/build/rendered-html.ts';
import { articlePath, withBase } from '../lib/urls.ts';

/** How many of the newest articles a feed carries. */
const FEED_ITEMS = 50;

/** The articles a feed carries: the newest of a list (oldest first) that show their text, newest first. */
export function feedArticles(articles: readonly ArticleEntry[]): ArticleEntry[] {
  return articles
    .filter((article) => showsText(article.data))
    .reverse()
    .slice(0, FEED_ITEMS);
}

/** A full-content RSS feed of articles chosen by `feedArticles`. */
export function articleFeed(options: {
  title: string;
  description: string;
  site: URL | undefined;
  articles: ArticleEntry[];
  seriesTitles: Map<string, string>;
}) {
  const base = import.meta.env.BASE_URL;
  const newest = options.articles;
  return rss({
    title: options.title,
    description: options.description,
    site: options.site ?? 'http://localhost:4321',
    customData: '<language>zh-CN</language>',
    items: newest.map((article) => ({
      title: article.data.title,
      link: withBase(base, articlePath(article.data.series, article.data.year, article.data.issue, article.data.id)),
      pubDate: new Date(`${article.data.date}T00:00:00+08:00`),
      categories: [
        options.seriesTitles.get(article.data.series) ?? article.data.series,
        ...(article.data.section === undefined ? [] : [article.data.section]),
      ],
      content: renderedHtml(article),
    })),
  });
}
