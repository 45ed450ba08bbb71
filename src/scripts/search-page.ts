import { searchExcerpt, type ExcerptPart } from '../lib/search/excerpt.ts';
import { issueQuery, readSearchState, searchFilters, writeSearchState, type SearchState } from '../lib/search/state.ts';
import { prepareFolding } from '../lib/search/fold.ts';
import { findArticles, loadIndex, type LoadedIndex } from '../lib/search/query.ts';
import { resultMeta, type Pagefind, type PagefindResultData } from '../lib/search/results.ts';

interface IssueRef {
  series: string;
  slug: string;
  label: string;
  date: string;
  url: string;
}

const PAGE = 10;
/** Pause after typing before searching. */
const DEBOUNCE_MS = 150;

/**
 * Wires the search page: URL ⇄ form, one Pagefind query a term (its character pairs as a phrase,
 * see lib/search/text.ts), results that contain every term, excerpts from the article's own text, 第N期 look-up.
 */
export function startSearchPage(form: HTMLFormElement): void {
  const base = form.dataset.base ?? '/';
  const strings = JSON.parse(form.dataset.strings ?? '{}') as Record<string, string>;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  const more = document.getElementById('search-more') as HTMLButtonElement;
  const issueBox = document.getElementById('search-issue')!;
  const input = form.elements.namedItem('q') as HTMLInputElement;
  let index: Promise<LoadedIndex> | undefined;
  let issues: Promise<IssueRef[]> | undefined;
  let run = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  // The index comes in shards (see lib/search/shards.ts): the newest is loaded, the others merged into it.
  const loadPagefind = () =>
    (index ??= loadIndex(
      base,
      async (url) => {
        const response = await fetch(url);
        // No index is served before the first build (the dev server serves the last one built).
        if (!response.ok) throw new Error(strings.noIndex);
        return response.json() as Promise<unknown>;
      },
      (url) => import(/* @vite-ignore */ url) as Promise<Pagefind>,
    ));
  const loadIssues = () => (issues ??= fetch(`${base}search/issues.json`).then((response) => response.json() as Promise<IssueRef[]>));

  const fill = (state: SearchState) => {
    for (const [name, value] of Object.entries(state) as [string, string][]) {
      const field = form.elements.namedItem(name);
      if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
    }
  };
  const current = (): SearchState => readSearchState(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));

  async function showIssue(state: SearchState): Promise<boolean> {
    const number = state.issue ? issueQuery(state.issue) : issueQuery(state.q);
    issueBox.replaceChildren();
    issueBox.hidden = true;
    if (!number) return false;
    const matches = (await loadIssues()).filter((issue) => issue.slug === number && (!state.series || issue.series === state.series));
    // The home page's "go to 第N期" form goes straight to the issue when it is unambiguous.
    if (state.issue && matches.length === 1) {
      location.replace(matches[0]!.url);
      return true;
    }
    if (!matches.length) return false;
    issueBox.append(strings.issueHit ?? '');
    for (const issue of matches) {
      const link = document.createElement('a');
      link.href = issue.url;
      link.textContent = `${issue.series} ${issue.label}`;
      issueBox.append(link, ' ');
    }
    issueBox.hidden = false;
    return false;
  }

  async function search(state: SearchState) {
    const token = ++run;
    // Marks for the search benchmark: from the query reaching this code to results in the page.
    performance.mark('search:start');
    list.replaceChildren();
    more.hidden = true;
    if (await showIssue(state)) return;
    const filters = searchFilters(state);
    if (!state.q && !Object.keys(filters).length) {
      status.textContent = '';
      return;
    }
    status.textContent = strings.loading ?? '';
    try {
      const [loaded] = await Promise.all([loadPagefind(), prepareFolding([state.q])]);
      const found = await findArticles(loaded, { q: state.q, filters, sort: state.sort });
      if (token !== run || !found) return;
      updateCounts(found.counts);
      const { results, terms } = found;
      let shown = 0;
      const showMore = async () => {
        const page = await Promise.all(results.slice(shown, shown + PAGE).map((result) => result.data()));
        // Titles and excerpts are matched folded: an article in Traditional characters needs the table too.
        await prepareFolding(page.flatMap((data) => [data.meta.title ?? '', data.meta.text ?? '']));
        if (token !== run) return;
        for (const data of page)
          list.append(
            renderResult(
              data,
              state.q,
              terms.map((term) => term.text),
            ),
          );
        shown += page.length;
        more.hidden = shown >= results.length;
      };
      more.onclick = () => void showMore();
      await showMore();
      if (token !== run) return;
      // Said once the first results are on the page, so that the count and the list agree.
      status.textContent = results.length
        ? (strings.count ?? '').replace('{count}', String(results.length))
        : (strings.none ?? '').replace('{query}', state.q);
      performance.measure('search', 'search:start');
    } catch (error) {
      status.textContent = (strings.error ?? '').replace('{message}', error instanceof Error ? error.message : String(error));
    }
  }

  function updateCounts(counts: Record<string, Record<string, number>>) {
    for (const select of form.querySelectorAll<HTMLSelectElement>('select[data-filter]')) {
      const values = counts[select.dataset.filter!] ?? {};
      for (const option of select.options) {
        if (!option.value) continue;
        option.textContent = `${option.value} (${values[option.value] ?? 0})`;
      }
    }
  }

  function renderResult(data: PagefindResultData, query: string, terms: string[]): HTMLLIElement {
    const item = document.createElement('li');
    item.className = 'search-result';
    const heading = document.createElement('h2');
    const link = document.createElement('a');
    link.href = query ? `${data.url}?highlight=${encodeURIComponent(query)}` : data.url;
    const title = data.meta.title ?? data.url;
    // The whole title, with any match marked: a query often names the article itself.
    appendMarked(link, searchExcerpt(title, terms, title.length, title.length));
    heading.append(link);
    const meta = document.createElement('p');
    meta.className = 'search-result-meta';
    meta.textContent = resultMeta(data.meta);
    const excerpt = document.createElement('p');
    excerpt.className = 'search-result-excerpt';
    appendMarked(excerpt, searchExcerpt(data.meta.text ?? '', terms));
    item.append(heading, meta, excerpt);
    return item;
  }

  function appendMarked(element: HTMLElement, parts: ExcerptPart[]) {
    for (const part of parts) {
      if (part.mark) {
        const mark = document.createElement('mark');
        mark.textContent = part.text;
        element.append(mark);
      } else element.append(part.text);
    }
  }

  const navigate = (push: boolean) => {
    const state = current();
    const url = `${location.pathname}${writeSearchState(state)}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    void search(state);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    navigate(true);
  });
  form.addEventListener('change', (event) => {
    if (event.target !== input) navigate(true);
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => navigate(false), DEBOUNCE_MS);
  });
  addEventListener('popstate', () => {
    const state = readSearchState(new URLSearchParams(location.search));
    fill(state);
    void search(state);
  });

  const initial = readSearchState(new URLSearchParams(location.search));
  fill(initial);
  void search(initial);
}
