import { sectionHeading } from '../../../../lib/archive/print-text.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { allArticles, allSeries, type SeriesEntry } from '../../../../data/archive.ts';
import { articleFeed } from '../../../../data/feeds.ts';
import { t } from '../../../../i18n/index.ts';

export const getStaticPaths = (async () =>
  (await allSeries()).flatMap((series) =>
    series.data.sections.map((section) => ({ params: { series: series.id, section: section.slug }, props: { series, section } })),
  )) satisfies GetStaticPaths;

/** Full-content feed of one section of a series. */
export const GET: APIRoute = async ({ site, props }) => {
  const { series, section } = props as { series: SeriesEntry; section: SeriesEntry['data']['sections'][number] };
  const title = `${series.data.title}${sectionHeading(section.name)}`;
  return articleFeed({
    title: t('feed.title', { title }),
    description: t('feed.description', { title }),
    site,
    articles: (await allArticles()).filter((a) => a.data.series === series.id && a.data.sectionSlug === section.slug),
    seriesTitles: new Map([[series.id, series.data.title]]),
  });
};
