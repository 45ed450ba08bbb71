import type { APIRoute } from 'astro';
import { allArticles, allSeries } from '../data/archive.ts';
import { articleFeed, feedArticles } from '../data/feeds.ts';
import { t } from '../i18n/index.ts';
import { siteConfig } from '../lib/site-config.ts';

/** Full-content feed of the whole archive. */
export const GET: APIRoute = async ({ site }) => {
  const title = siteConfig().title;
  return articleFeed({
    title: t('feed.title', { title }),
    description: t('feed.description', { title }),
    site,
    articles: feedArticles(await allArticles()),
    seriesTitles: new Map((await allSeries()).map((s) => [s.id, s.data.title])),
  });
};
