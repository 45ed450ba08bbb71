import { defineCollection } from 'astro:content';
import { articleLoader, issueLoader, seriesLoader } from './loaders/archive-loaders.ts';
import { ArticleSchema } from './schemas/article.ts';
import { IssueEntrySchema } from './schemas/issue.ts';
import { SeriesSchema } from './schemas/series.ts';

/** Series, issues and articles, all read from CONTENT_DIR (default ./content) by one checked pass. */
export const collections = {
  series: defineCollection({ loader: seriesLoader(), schema: SeriesSchema }),
  issues: defineCollection({ loader: issueLoader(), schema: IssueEntrySchema }),
  articles: defineCollection({ loader: articleLoader(), schema: ArticleSchema }),
};
