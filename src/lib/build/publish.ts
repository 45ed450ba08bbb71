/** The publish gate, decided here only: what is not public never reaches pages, feeds, sitemap or search. */

/** True when an issue may be published. Drafts are checked like any issue but never built. */
export function isPublished(issue: { data: { draft: boolean } }): boolean {
  return !issue.data.draft;
}
