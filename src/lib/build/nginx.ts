/**
 * The nginx configuration that serves the site: one location under the base path, to put in a
 * `server` block. Files are served precompressed where a copy exists (gzip_static, and brotli_static
 * from Debian's libnginx-mod-http-brotli-static), the rest gzip-compressed as sent, the security headers (nginx-security-headers.conf,
 * written by every build) on every response — an `add_header` in a location drops the ones it would
 * inherit, so each location includes them — long cache lifetimes only for files whose names change
 * with their bytes (Vite's assets, Pagefind's index chunks), revalidation for everything else, and
 * the site's own 404 page.
 */

/** Cache-Control for a file whose name is the hash of its bytes. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cache-Control for everything else: kept, but asked after each time (ETag, Last-Modified). */
export const REVALIDATE = 'no-cache';

/** The location block serving the site at `root` (the OUT_DIR link, absolute) under `base`. */
export function nginxLocation(base: string, root: string): string {
  const dir = root.endsWith('/') ? root : `${root}/`;
  const headers = `include ${dir}nginx-security-headers.conf;`;
  const pattern = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return `# 简报档案 under ${base}: inside the server { } block. Reload nginx when a build says the headers changed.
location ^~ ${base} {
    alias ${dir};
    index index.html;
    charset utf-8;
    gzip_static on;
    brotli_static on;
    # Pages and feeds, which have no copies: compressed as they are sent.
    gzip on;
    gzip_vary on;
    gzip_types text/css application/javascript application/json application/xml application/rss+xml image/svg+xml;
    ${headers}
    add_header Cache-Control "${REVALIDATE}" always;
    error_page 404 ${base}404.html;
    # Named by their bytes: cached for a year.
    location ~ ^${pattern}(?:_astro/.+|pagefind/.+\\.pf_(?:meta|index|filter|fragment))$ {
        ${headers}
        add_header Cache-Control "${IMMUTABLE}" always;
    }
}
`;
}
