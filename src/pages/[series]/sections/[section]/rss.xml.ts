import { sectionHeading } from '../../../../lib/archive/print-text.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { allArticles, allSeries, keyedPath, type ArticleEntry, type SeriesEntry } from '../../../../data/archive.ts';
import { articleFeed, feedArticles } from '../../../../data/feeds.ts';
import { t } from '../../../../i18n/index.ts';

export const getStaticPaths = (async () => {
  const articles = await allArticles();
  return (await allSeries()).flatMap((series) =>
    series.data.sections.map((section) =>
      keyedPath({
        params: { series: series.id, section: section.slug },
        props: {
          series,
          section,
          articles: feedArticles(articles.filter((a) => a.data.series === series.id && a.data.sectionSlug === section.slug)),
        },
      }),
    ),
  );
}) satisfies GetStaticPaths;

/** Full-content feed of one section of a series. */
export const GET: APIRoute = ({ site, props }) => {
  const { series, section, articles } = props as {
    series: SeriesEntry;
    section: SeriesEntry['data']['sections'][number];
    articles: ArticleEntry[];
  };
  const title = `${series.data.title}${sectionHeading(section.name)}`;
  return articleFeed({
    title: t('feed.title', { title }),
    description: t('feed.description', { title }),
    site,
    articles,
    seriesTitles: new Map([[series.id, series.data.title]]),
  });
};
