import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Runs `npm run build`'s script with the given settings, in an environment free of Vitest's own variables (in another copy of the project, with arguments, where given). */
export function buildSite(settings: Record<string, string>, options: { cwd?: string; args?: string[] } = {}) {
  // Vitest sets BASE_URL, NODE_ENV, MODE … in its own process; Astro would take them for its own settings.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(BASE_URL|NODE_ENV|MODE|DEV|PROD|SSR|VITEST.*|TEST)$/.test(key)),
  );
  return spawnSync(process.execPath, ['scripts/build.ts', ...(options.args ?? [])], {
    encoding: 'utf8',
    ...(options.cwd && { cwd: options.cwd }),
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...settings },
  });
}

/** A copy of the bundled archive in a fresh temporary folder, and the settings that build it into `dist` beside it. */
export function bundledArchiveCopy(name: string) {
  const work = mkdtempSync(path.join(tmpdir(), `jianbao-${name}-`));
  const content = path.join(work, 'content');
  const dist = path.join(work, 'dist');
  cpSync('content', content, { recursive: true });
  return { content, dist, settings: { CONTENT_DIR: content, OUT_DIR: dist, SITE_URL: 'https://jianbao.example.cn' } };
}
