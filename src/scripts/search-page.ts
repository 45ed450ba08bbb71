import { issueQuery, rankExactFirst, readSearchState, searchFilters, writeSearchState, type SearchState } from '../lib/search-state.ts';

/** The parts of Pagefind's browser API the search page uses. */
interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface PagefindResult {
  id: string;
  data: () => Promise<PagefindResultData>;
}
interface PagefindSearch {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  search: (query: string | null, options: Record<string, unknown>) => Promise<PagefindSearch | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}
interface IssueRef {
  series: string;
  slug: string;
  label: string;
  date: string;
  url: string;
}

const PAGE = 10;
/** How many of Pagefind's best results are read to put exact matches first. */
const RERANK = 30;
/** Pause after typing before searching. */
const DEBOUNCE_MS = 150;

/** Wires the search page: URL ⇄ form, Pagefind queries, exact-match ranking, results, 第N期 look-up. */
export function startSearchPage(form: HTMLFormElement): void {
  const base = form.dataset.base ?? '/';
  const strings = JSON.parse(form.dataset.strings ?? '{}') as Record<string, string>;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  const more = document.getElementById('search-more') as HTMLButtonElement;
  const issueBox = document.getElementById('search-issue')!;
  const input = form.elements.namedItem('q') as HTMLInputElement;
  let pagefind: Promise<Pagefind> | undefined;
  let issues: Promise<IssueRef[]> | undefined;
  let run = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const loadPagefind = () =>
    (pagefind ??= (import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<Pagefind>).then(async (module) => {
      await module.options({ baseUrl: base });
      return module;
    }));
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
      const engine = await loadPagefind();
      const found = await engine.search(state.q || null, { filters, ...(state.sort === 'newest' && { sort: { date: 'desc' } }) });
      if (!found || token !== run) return;
      updateCounts(found.filters);
      const head = await Promise.all(found.results.slice(0, RERANK).map(async (result) => ({ result, data: await result.data() })));
      if (token !== run) return;
      const ranked =
        state.sort === 'newest' ? head : rankExactFirst(head, (item) => `${item.data.meta.title ?? ''}${item.data.content}`, state.q);
      const rest = found.results.slice(RERANK);
      status.textContent = found.results.length
        ? (strings.count ?? '').replace('{count}', String(found.results.length))
        : (strings.none ?? '').replace('{query}', state.q);
      let shown = 0;
      const showMore = async () => {
        const loaded = ranked.slice(shown, shown + PAGE);
        const missing = Math.max(0, shown + PAGE - ranked.length);
        if (missing) {
          const extra = rest.splice(0, missing);
          loaded.push(...(await Promise.all(extra.map(async (result) => ({ result, data: await result.data() })))));
        }
        if (token !== run) return;
        for (const item of loaded) list.append(renderResult(item.data, state.q));
        shown += loaded.length;
        more.hidden = shown >= found.results.length;
      };
      more.onclick = () => void showMore();
      await showMore();
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

  function renderResult(data: PagefindResultData, query: string): HTMLLIElement {
    const item = document.createElement('li');
    item.className = 'search-result';
    const heading = document.createElement('h2');
    const link = document.createElement('a');
    link.href = query ? `${data.url}?highlight=${encodeURIComponent(query)}` : data.url;
    link.textContent = data.meta.title ?? data.url;
    heading.append(link);
    const meta = document.createElement('p');
    meta.className = 'search-result-meta';
    meta.textContent = [data.meta.series, data.meta.issue, data.meta.date, data.meta.section && `【${data.meta.section}】`]
      .filter(Boolean)
      .join(' · ');
    const excerpt = document.createElement('p');
    excerpt.className = 'search-result-excerpt';
    excerpt.append(...markedText(data.excerpt));
    item.append(heading, meta, excerpt);
    return item;
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

/** Pagefind's excerpt as DOM nodes: its text, and <mark> around matches; any other markup is dropped. */
function markedText(html: string): Node[] {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return [...doc.body.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}
