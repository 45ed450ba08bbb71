/**
 * The ledger of published URLs (published-urls.txt in the content folder, committed with it): every
 * page the site has ever published. A build may add URLs but never lose one: each must still be served
 * — as the same page, a 撤稿 notice, or a redirect page (redirects.yaml).
 */

/** The ledger file's name in the content folder. */
export const LEDGER_FILE = 'published-urls.txt';

const HEADER = `# Every URL this archive has published (site paths, without the base path), one a line.
# npm run build adds new ones and fails if one is no longer served; commit this file with the content.
`;

/** The URL paths a ledger file lists. */
export function readLedger(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

/** A ledger file listing the given URL paths, sorted. */
export function writeLedger(paths: Iterable<string>): string {
  return `${HEADER}${[...new Set(paths)].sort().join('\n')}\n`;
}

/** The site path of a built HTML file (nlzf/2022/59/index.html → /nlzf/2022/59/); undefined for 404.html. */
export function pagePath(file: string): string | undefined {
  if (file === '404.html') return undefined;
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** Compares the ledger with the pages of a build: what is no longer served, and what is new. */
export function compareLedger(ledger: readonly string[], served: ReadonlySet<string>): { missing: string[]; added: string[] } {
  const known = new Set(ledger);
  return { missing: ledger.filter((url) => !served.has(url)), added: [...served].filter((url) => !known.has(url)).sort() };
}
