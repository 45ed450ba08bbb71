import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { parseHeadersFile } from '../../src/lib/build/csp.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = /\.(html|css|js|json|xml|svg)$/;

/** A static server for a built site: serves `root` under `base`, gzip where the client asks, 404.html otherwise. */
export interface StaticServer {
  /** http://127.0.0.1:<port><base> */
  url: string;
  /** Bytes sent so far (after compression), for payload measurements. */
  bytesSent(): number;
  close(): Promise<void>;
}

/** Serves a built site on a free loopback port, the way a plain web server would. */
export async function serveStatic(root: string, base = '/'): Promise<StaticServer> {
  let sent = 0;
  // Serve the site's own _headers (its Content-Security-Policy), as a static host would.
  const headers = await readFile(path.join(root, '_headers'), 'utf8').then(parseHeadersFile, () => ({}));
  const server: Server = createServer((request, response) => void respond(request, response));
  async function respond(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let file: string | undefined;
    if (url.pathname.startsWith(base)) {
      const relative = decodeURIComponent(url.pathname.slice(base.length));
      const candidate = path.join(root, relative, relative === '' || relative.endsWith('/') ? 'index.html' : '');
      if (candidate.startsWith(root) && (await stat(candidate).catch(() => undefined))?.isFile()) file = candidate;
    }
    const status = file ? 200 : 404;
    file ??= path.join(root, '404.html');
    const gzip = COMPRESSIBLE.test(file) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    response.writeHead(status, {
      ...headers,
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      ...(gzip && { 'Content-Encoding': 'gzip' }),
    });
    const originalWrite = response.write.bind(response);
    response.write = ((chunk: Buffer, ...rest: never[]) => {
      sent += chunk.length;
      return originalWrite(chunk, ...rest);
    }) as typeof response.write;
    const body = createReadStream(file);
    await (gzip ? pipeline(body, createGzip(), response) : pipeline(body, response)).catch(() => response.destroy());
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    bytesSent: () => sent,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
