import { spawnSync } from 'node:child_process';

/** Runs `npm run build`'s script with the given settings, in an environment free of Vitest's own variables. */
export function buildSite(settings: Record<string, string>) {
  // Vitest sets BASE_URL, NODE_ENV, MODE … in its own process; Astro would take them for its own settings.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(BASE_URL|NODE_ENV|MODE|DEV|PROD|SSR|VITEST.*|TEST)$/.test(key)),
  );
  return spawnSync(process.execPath, ['scripts/build.ts'], {
    encoding: 'utf8',
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...settings },
  });
}
