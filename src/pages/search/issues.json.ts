import type { APIRoute } from 'astro';
import { allIssues, allSeries } from '../../data/archive.ts';
import { issuePath, withBase } from '../../lib/urls.ts';

/** Every published issue's number and URL, for the search page's "第N期" look-up. */
export const GET: APIRoute = async () => {
  const titles = new Map((await allSeries()).map((s) => [s.id, s.data.title]));
  const issues = (await allIssues()).map(({ data }) => ({
    series: titles.get(data.series),
    slug: data.slug,
    label: data.label,
    date: data.date,
    url: withBase(import.meta.env.BASE_URL, issuePath(data.series, data.year, data.slug)),
  }));
  return new Response(JSON.stringify(issues), { headers: { 'Content-Type': 'application/json' } });
};
