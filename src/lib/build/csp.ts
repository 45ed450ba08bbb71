import { createHash } from 'node:crypto';

/**
 * The site's Content-Security-Policy: everything from the site itself, Pagefind's WASM allowed to
 * compile, inline scripts only by the hash of their text, no plugins, no framing, forms only to the
 * site. Raw HTML that slipped into content could not run under it even if it passed the sanitizer.
 */
export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  const scripts = ["'self'", "'wasm-unsafe-eval'", ...[...new Set(scriptHashes)].sort().map((hash) => `'${hash}'`)];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The sha256 hashes (CSP form) of the inline <script> elements of an HTML page; data blocks (JSON-LD) run nothing and need none. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(?![^>]*\ssrc=)(?![^>]*type="application\/ld\+json")[^>]*>([\s\S]*?)<\/script>/gi)) {
    hashes.push(
      `sha256-${createHash('sha256')
        .update(match[1] ?? '', 'utf8')
        .digest('base64')}`,
    );
  }
  return hashes;
}

/** The headers every response carries, besides the policy. */
export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** A `_headers` file (Netlify, Cloudflare Pages and the like) applying the policy to every path under `base`. */
export function headersFile(policy: string, base: string): string {
  const lines = Object.entries({ 'Content-Security-Policy': policy, ...SECURITY_HEADERS }).map(([name, value]) => `  ${name}: ${value}`);
  return `${base}*\n${lines.join('\n')}\n`;
}

/** The same headers as nginx directives, for the server block or location that serves the site. */
export function nginxSnippet(policy: string): string {
  const lines = Object.entries({ 'Content-Security-Policy': policy, ...SECURITY_HEADERS }).map(
    ([name, value]) => `add_header ${name} "${value}" always;`,
  );
  return `# Security headers for the archive; include in the server or location block that serves it.\n${lines.join('\n')}\n`;
}

/** Reads the headers of a `_headers` file's first block back (the test server applies them). */
export function parseHeadersFile(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split('\n').slice(1)) {
    const match = /^\s+([^:]+):\s*(.*)$/.exec(line);
    if (match) headers[match[1]!] = match[2]!;
  }
  return headers;
}
