/** schema.org descriptions (JSON-LD) of issues and articles: Periodical ⊃ PublicationIssue ⊃ Article. */
import { issuePath, seriesPath, withBase } from './urls.ts';

/** What the descriptions are made from. */
export interface IssueFacts {
  seriesTitle: string;
  seriesUrl: string;
  publisher?: string | undefined;
  issueLabel: string;
  issueNumber: string;
  issueUrl: string;
  date: string;
}

/** The facts of an issue of a series, for a site at `site` under `base`: what the issue and its articles are described by. */
export function issueFacts(
  series: { title: string; publisher?: string | undefined },
  issue: { series: string; year: number; slug: string; label: string; date: string },
  base: string,
  site: URL | undefined,
): IssueFacts {
  return {
    seriesTitle: series.title,
    seriesUrl: new URL(withBase(base, seriesPath(issue.series)), site).href,
    publisher: series.publisher,
    issueLabel: issue.label,
    issueNumber: issue.slug,
    issueUrl: new URL(withBase(base, issuePath(issue.series, issue.year, issue.slug)), site).href,
    date: issue.date,
  };
}

/** The issue as a schema.org PublicationIssue of its Periodical. */
export function issueStructuredData(facts: IssueFacts): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'PublicationIssue',
    name: `${facts.seriesTitle} ${facts.issueLabel}`,
    issueNumber: facts.issueNumber,
    datePublished: facts.date,
    url: facts.issueUrl,
    inLanguage: 'zh-CN',
    isPartOf: {
      '@type': 'Periodical',
      name: facts.seriesTitle,
      url: facts.seriesUrl,
      ...(facts.publisher && { publisher: { '@type': 'Organization', name: facts.publisher } }),
    },
  };
}

/** An article as a schema.org Article in its issue. */
export function articleStructuredData(
  facts: IssueFacts & { title: string; section?: string | undefined; url: string },
): Record<string, unknown> {
  const { '@context': context, ...issue } = issueStructuredData(facts);
  return {
    '@context': context,
    '@type': 'Article',
    headline: facts.title,
    ...(facts.section !== undefined && { articleSection: facts.section }),
    datePublished: facts.date,
    url: facts.url,
    inLanguage: 'zh-CN',
    isPartOf: issue,
  };
}
