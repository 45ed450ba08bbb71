import path from 'node:path';

/**
 * What the dev server serves that Astro's does not: the search index and the printed pages' images
 * of the last build (OUT_DIR) and the photos and originals beside the issues (CONTENT_DIR), at the
 * URLs the built site gives them.
 */

/** The folders the dev server's extra files come from. */
export interface DevFolders {
  /** The site's base path, ending in /. */
  base: string;
  /** The content folder. */
  content: string;
  /** The output folder of the last build. */
  out: string;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.doc': 'application/msword',
  '.wps': 'application/msword',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
};

/** The file a dev-server URL stands for and its content type, or undefined when the URL is Astro's to answer. */
export function devFile(url: string, folders: DevFolders): { file: string; type: string } | undefined {
  const pathname = decodeURIComponent(url.split(/[?#]/)[0] ?? '');
  if (!pathname.startsWith(folders.base)) return undefined;
  const rest = pathname.slice(folders.base.length);
  if (rest.split('/').includes('..')) return undefined;
  const type = TYPES[path.extname(rest).toLowerCase()] ?? 'application/octet-stream';
  if (rest.startsWith('pagefind/')) return { file: path.join(folders.out, rest), type };
  // <series>/<year>/<issue>/yuanban/<page image>: made by the build from the original.
  if (/^[a-z][a-z0-9-]*\/\d{4}\/[^/]+\/yuanban\/\d+(-\d+w)?\.(webp|avif)$/i.test(rest)) return { file: path.join(folders.out, rest), type };
  // <series>/<year>/<issue>/<file>: a photo or the original beside an issue.
  if (/^[a-z][a-z0-9-]*\/\d{4}\/[^/]+\/[^/]+\.[a-z0-9]+$/i.test(rest) && !rest.endsWith('.md')) {
    return { file: path.join(folders.content, rest), type };
  }
  return undefined;
}
