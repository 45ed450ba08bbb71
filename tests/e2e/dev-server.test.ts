import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const dist = inject('distDir');
const content = inject('contentDir');
let dev: ChildProcess | undefined;
let origin = '';

/** A free port on this machine. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(BASE_URL|NODE_ENV|MODE|DEV|PROD|SSR|VITEST.*|TEST)$/.test(key)),
  );
  dev = spawn('astro', ['dev', '--host', '127.0.0.1', '--port', String(port)], {
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: content, OUT_DIR: dist, BASE_PATH: '/jianbao/' },
    stdio: 'ignore',
  });
  // The dev server is up once it answers.
  for (let tries = 0; tries < 120; tries++) {
    const ok = await fetch(`${origin}/jianbao/`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('astro dev did not start');
}, 60_000);

afterAll(() => {
  dev?.kill();
});

describe('npm run dev', () => {
  it('serves the last build’s search index and the photos and originals beside issues', async () => {
    const shards = await fetch(`${origin}/jianbao/pagefind/shards.json`);
    expect(shards.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await shards.text()).toBe(readFileSync(path.join(dist, 'pagefind/shards.json'), 'utf8'));
    const photo = await fetch(`${origin}/jianbao/qxjy/2023/1/changpao.png`);
    expect([photo.status, photo.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect(Buffer.from(await photo.arrayBuffer())).toEqual(readFileSync(path.join(content, 'qxjy/2023/1/changpao.png')));
    const original = await fetch(`${origin}/jianbao/nlzf/2022/60/original.txt`);
    expect([original.status, original.headers.get('content-type')]).toEqual([200, 'text/plain; charset=utf-8']);
  });
});
