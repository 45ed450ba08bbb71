/**
 * Debian's nginx serving a built site as an office serves it (src/lib/build/nginx.ts), with a
 * configuration of its own in a temporary folder: for the browser tests and the search benchmark.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { nginxLocation } from '../../src/lib/build/nginx.ts';

export const NGINX = '/usr/sbin/nginx';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/** A free port on the loopback interface. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A running nginx: the site's address (http://127.0.0.1:<port><base>) and how to stop it. */
export interface NginxServer {
  url: string;
  close(): Promise<void>;
}

/** Starts nginx serving `root` (the OUT_DIR link, absolute) under `base`. */
export async function startNginx(root: string, base: string): Promise<NginxServer> {
  const work = mkdtempSync(path.join(tmpdir(), 'jianbao-nginx-'));
  const port = await freePort();
  const temp = (name: string) => `${name}_temp_path ${path.join(work, name)};`;
  writeFileSync(
    path.join(work, 'nginx.conf'),
    `load_module ${BROTLI_MODULE};
# Run as root (the tests are), nginx would hand its workers to nobody, who may not read the site.
user root;
worker_processes 1;
daemon off;
pid ${path.join(work, 'nginx.pid')};
error_log ${path.join(work, 'error.log')};
events {}
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n    ')}
    server {
        listen 127.0.0.1:${port};
${nginxLocation(base, root)
  .split('\n')
  .map((line) => `        ${line}`)
  .join('\n')}
    }
}
`,
  );
  const child = spawn(NGINX, ['-c', path.join(work, 'nginx.conf'), '-p', work], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const url = `http://127.0.0.1:${port}${base}`;
  for (let attempt = 0; ; attempt++) {
    const up = await fetch(url).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (attempt > 50 || child.exitCode !== null) {
      child.kill();
      const log = readFileSync(path.join(work, 'error.log'), 'utf8');
      throw new Error(`nginx did not start: ${errors}${log}`);
    }
    await sleep(100);
  }
  return {
    url,
    close: async () => {
      child.kill('SIGQUIT');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(work, { recursive: true, force: true });
    },
  };
}
