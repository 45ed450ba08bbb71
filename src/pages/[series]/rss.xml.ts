import type { APIRoute, GetStaticPaths } from 'astro';
import { allArticles, allSeries, keyedPath, type ArticleEntry, type SeriesEntry } from '../../data/archive.ts';
import { articleFeed, feedArticles } from '../../data/feeds.ts';
import { t } from '../../i18n/index.ts';

export const getStaticPaths = (async () => {
  const articles = await allArticles();
  return (await allSeries()).map((series) =>
    keyedPath({
      params: { series: series.id },
      props: { series, articles: feedArticles(articles.filter((a) => a.data.series === series.id)) },
    }),
  );
}) satisfies GetStaticPaths;

/** Full-content feed of one series. */
export const GET: APIRoute = ({ site, props }) => {
  const { series, articles } = props as { series: SeriesEntry; articles: ArticleEntry[] };
  return articleFeed({
    title: t('feed.title', { title: series.data.title }),
    description: t('feed.description', { title: series.data.title }),
    site,
    articles,
    seriesTitles: new Map([[series.id, series.data.title]]),
  });
};
