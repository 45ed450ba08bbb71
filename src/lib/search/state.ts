/** The search page's state as it lives in the URL, and the pure parts of its result handling. */

/** What the search page shows: query, filters and order. */
export interface SearchState {
  /** The query as typed. */
  q: string;
  /** Series title filter, or empty. */
  series: string;
  /** Year filter (e.g. 2022), or empty. */
  year: string;
  /** Section name filter (e.g. 市局工作), or empty. */
  section: string;
  /** relevance (default) or newest first. */
  sort: 'relevance' | 'newest';
  /** An issue number to go to (the home page's "go to 第N期" form), or empty. */
  issue: string;
}

/** The filters a search state sets, in Pagefind's form. */
export function searchFilters(state: SearchState): Record<string, string> {
  const filters: Record<string, string> = {};
  if (state.series) filters.series = state.series;
  if (state.year) filters.year = state.year;
  if (state.section) filters.section = state.section;
  return filters;
}

/** Reads the state from a URL's query string; unknown values fall back to defaults. */
export function readSearchState(params: URLSearchParams): SearchState {
  const get = (key: string) => params.get(key)?.trim() ?? '';
  return {
    q: get('q'),
    series: get('series'),
    year: /^\d{4}$/.test(get('year')) ? get('year') : '',
    section: get('section'),
    sort: get('sort') === 'newest' ? 'newest' : 'relevance',
    issue: get('issue'),
  };
}

/** Writes the state as a query string, leaving out empty values and defaults, so shared URLs stay short. */
export function writeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.series) params.set('series', state.series);
  if (state.year) params.set('year', state.year);
  if (state.section) params.set('section', state.section);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The issue number a query asks for (第59期, 59期, 第 12-13 期, or a bare 59), or undefined. */
export function issueQuery(text: string): string | undefined {
  const match = /^\s*(?:第\s*)?(\d{1,4}(?:\s*[-－—]\s*\d{1,4})?)\s*(?:期)?\s*$/u.exec(text.normalize('NFKC'));
  if (!match) return undefined;
  return match[1]!.replace(/\s+/g, '').replace(/[－—]/g, '-');
}
