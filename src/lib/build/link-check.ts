import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

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

/** A built site as the checks after the build read it: every file's path ("/"-separated) and every page's HTML. */
export interface BuiltSite {
  files: ReadonlySet<string>;
  pages: ReadonlyMap<string, string>;
}

/** Lists a built site and reads its pages once, for the security headers, the link check and the URL ledger. */
export async function readBuiltSite(site: string): Promise<BuiltSite> {
  const entries = (await readdir(site, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const files = new Set(entries.map((entry) => path.relative(site, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')));
  const pages = new Map<string, string>();
  for (const file of files) if (file.endsWith('.html')) pages.set(file, await readFile(path.join(site, file), 'utf8'));
  return { files, pages };
}

/**
 * Checks every internal link, asset and #anchor of a built site: each must lead to a file of the
 * site, and each anchor to an id on its page. Links to other sites are not followed; links to the
 * site's own origin (canonical links, feeds) are checked like relative ones.
 */
export function checkLinks(site: BuiltSite, base: string, origin: string): { pages: number; links: number; broken: BrokenLink[] } {
  const { files: paths, pages: html } = site;
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let found = ids.get(file);
    if (!found) {
      found = new Set([...(html.get(file) ?? '').matchAll(ID)].map((match) => decode(match[1]!)));
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
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const page of html.keys()) {
    const pageUrl = new URL(`${base}${page.replace(/(^|\/)index\.html$/, '$1')}`, origin);
    // A srcset lists several URLs, each followed by its width.
    const targets = [...html.get(page)!.matchAll(REFERENCE)].flatMap((match) =>
      match[0].trimStart().startsWith('srcset')
        ? decode(match[1]!)
            .split(',')
            .map((part) => part.trim().split(/\s+/)[0]!)
        : [decode(match[1]!)],
    );
    for (const target of targets) {
      if (!target || /^(mailto|tel|data|javascript):/i.test(target)) continue;
      const url = new URL(target, pageUrl);
      if (url.origin !== new URL(origin).origin) continue;
      links++;
      const file = fileFor(url.pathname);
      if (!file) {
        broken.push({ page: pageUrl.pathname, target, reason: 'no such page or file' });
      } else if (url.hash.length > 1 && file.endsWith('.html') && !idsOf(file).has(decodeURIComponent(url.hash.slice(1)))) {
        broken.push({ page: pageUrl.pathname, target, reason: 'no such anchor' });
      }
    }
  }
  return { pages: html.size, links, broken };
}
