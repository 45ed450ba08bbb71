import { readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { inlineScriptHashes } from './csp.ts';

/** A link or asset reference that leads nowhere. */
export interface BrokenLink {
  /** The page it is on, as a URL path. */
  page: string;
  /** The link as written. */
  target: string;
  /** Why it is broken. */
  reason: 'no such page or file' | 'no such anchor';
}

const REFERENCE = /\s(?:href|src|srcset)="([^"]*)"/g;
const ID = /\sid="([^"]*)"/g;

function decode(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** What the checks after the build need of one page, read from its HTML once. */
export interface PageFacts {
  /** The hashes of its inline scripts, for the Content-Security-Policy. */
  scripts: string[];
  /** Every link and asset it refers to, as written (each once). */
  targets: string[];
  /** The ids its elements carry: the anchors links may point at. */
  ids: string[];
}

/** Reads a page's facts from its HTML. */
export function pageFacts(html: string): PageFacts {
  // A srcset lists several URLs, each followed by its width.
  const targets = [...html.matchAll(REFERENCE)].flatMap((match) =>
    match[0].trimStart().startsWith('srcset')
      ? decode(match[1]!)
          .split(',')
          .map((part) => part.trim().split(/\s+/)[0]!)
      : [decode(match[1]!)],
  );
  return {
    scripts: inlineScriptHashes(html),
    targets: [...new Set(targets)],
    ids: [...new Set([...html.matchAll(ID)].map((match) => decode(match[1]!)))],
  };
}

/** A built site as the checks after the build read it: every file's path ("/"-separated) and every page's facts. */
export interface BuiltSite {
  files: ReadonlySet<string>;
  pages: ReadonlyMap<string, PageFacts>;
  /** Each page's path, size and modification time: what its facts are kept under for the next build. */
  keys: ReadonlyMap<string, string>;
  /** How many pages were read anew (their facts were not known). */
  read: number;
}

/**
 * Lists a built site and reads each page once, for the security headers, the link check and the URL
 * ledger. A page whose path, size and modification time match facts already `known` (from the last
 * build) is not read at all: a build keeps each unchanged page in place, time and all, and writes
 * every page it renders anew.
 */
export async function readBuiltSite(site: string, known: ReadonlyMap<string, PageFacts> = new Map()): Promise<BuiltSite> {
  const entries = (await readdir(site, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const files = new Set(entries.map((entry) => path.relative(site, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')));
  const pages = new Map<string, PageFacts>();
  const keys = new Map<string, string>();
  let read = 0;
  for (const file of files) {
    if (!file.endsWith('.html')) continue;
    // Synchronously: thousands of small calls, each one trip instead of several to the thread pool.
    const { size, mtimeMs } = statSync(path.join(site, file));
    const key = `${file} ${size} ${Math.floor(mtimeMs)}`;
    let facts = known.get(key);
    if (!facts) {
      facts = pageFacts(readFileSync(path.join(site, file), 'utf8'));
      read++;
    }
    pages.set(file, facts);
    keys.set(file, key);
  }
  return { files, pages, keys, read };
}

/**
 * Checks every internal link, asset and #anchor of a built site: each must lead to a file of the
 * site, and each anchor to an id on its page. Links to other sites are not followed; links to the
 * site's own origin (canonical links, feeds) are checked like relative ones. Every page is checked
 * against the site as it is now, so a page removed still breaks the unchanged pages that link to it.
 */
export function checkLinks(site: BuiltSite, base: string, origin: string): { pages: number; links: number; broken: BrokenLink[] } {
  const { files: paths, pages } = site;
  const ids = new Map<string, ReadonlySet<string>>();
  const idsOf = (file: string) => {
    let found = ids.get(file);
    if (!found) {
      found = new Set(pages.get(file)?.ids);
      ids.set(file, found);
    }
    return found;
  };
  const fileFor = (urlPath: string): string | undefined => {
    if (!urlPath.startsWith(base)) return undefined;
    const relative = decodeURIComponent(urlPath.slice(base.length));
    const file = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
    return paths.has(file) ? file : undefined;
  };
  const siteOrigin = new URL(origin).origin;
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const [page, facts] of pages) {
    const pageUrl = new URL(`${base}${page.replace(/(^|\/)index\.html$/, '$1')}`, origin);
    for (const target of facts.targets) {
      if (!target || /^(mailto|tel|data|javascript):/i.test(target)) continue;
      const url = new URL(target, pageUrl);
      if (url.origin !== siteOrigin) continue;
      links++;
      const file = fileFor(url.pathname);
      if (!file) {
        broken.push({ page: pageUrl.pathname, target, reason: 'no such page or file' });
      } else if (url.hash.length > 1 && file.endsWith('.html') && !idsOf(file).has(decodeURIComponent(url.hash.slice(1)))) {
        broken.push({ page: pageUrl.pathname, target, reason: 'no such anchor' });
      }
    }
  }
  return { pages: pages.size, links, broken };
}
