/**
 * Cache keys for Astro's incremental build. A page returned by `getStaticPaths()` with a key is
 * copied from the last build when the key and its code are unchanged, so the key must change with
 * everything the page shows that Astro cannot see: the props it renders from (content entries
 * stand in by their digests, which their loader computes from their data, body and rendering code)
 * and the site settings read from the environment.
 */
import { createHash } from 'node:crypto';

/** A content entry as the routes receive it: its digest stands for its data and rendered body. */
interface Entry {
  collection: string;
  id: string;
  digest: string | number;
}

function isEntry(value: object): value is Entry {
  const record = value as Partial<Entry>;
  return typeof record.collection === 'string' && typeof record.id === 'string' && record.digest !== undefined;
}

/** The value with each content entry replaced by its collection, id and digest, and object keys sorted. */
function stamped(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stamped);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    if (isEntry(value)) return `${value.collection}:${value.id}@${value.digest}`;
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, stamped(record[key])]),
    );
  }
  return value;
}

/** The key of a page that shows `shown` (its props) on a site with `settings`. */
export function pageKey(shown: unknown, settings: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([stamped(settings), stamped(shown)]))
    .digest('base64url');
}
