import type { APIRoute, GetStaticPaths } from 'astro';
import { allArticles, allSeries, type SeriesEntry } from '../../data/archive.ts';
import { articleFeed } from '../../data/feeds.ts';
import { t } from '../../i18n/index.ts';

export const getStaticPaths = (async () =>
  (await allSeries()).map((series) => ({ params: { series: series.id }, props: { series } }))) satisfies GetStaticPaths;

/** Full-content feed of one series. */
export const GET: APIRoute = async ({ site, props }) => {
  const { series } = props as { series: SeriesEntry };
  return articleFeed({
    title: t('feed.title', { title: series.data.title }),
    description: t('feed.description', { title: series.data.title }),
    site,
    articles: (await allArticles()).filter((a) => a.data.series === series.id),
    seriesTitles: new Map([[series.id, series.data.title]]),
  });
};
