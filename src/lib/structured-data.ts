/** schema.org descriptions (JSON-LD) of issues and articles: Periodical ⊃ PublicationIssue ⊃ Article. */

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
