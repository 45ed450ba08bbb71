import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { fileHashes } from '../../src/lib/build/site-files.ts';
import { buildSite, bundledArchiveCopy } from '../support/build-site.ts';

/** Every file of the live site: its inode and the hash of its bytes, and the folder the link names. */
function liveState(dist: string) {
  const root = realpathSync(dist);
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return `${path.relative(root, file)} ${statSync(file).ino} ${createHash('sha1').update(readFileSync(file)).digest('hex')}`;
    });
  return { root, files: files.sort() };
}

// Each step of scripts/build.ts, in order: killed at its start (astro build: while it renders).
const STEPS = [
  'content check',
  'staging',
  'astro build',
  'photos and originals',
  'search index',
  'compress',
  'security headers',
  'link check',
  'permanent links',
  'publish',
];

describe('a build killed at any step', () => {
  it('leaves the live site as it was, inode for inode and byte for byte, and the next build is exact', async () => {
    const { content, dist, settings } = bundledArchiveCopy('killed');
    const first = buildSite(settings);
    expect(first.status, first.stderr).toBe(0);
    const live = liveState(dist);
    // A change the killed builds are making: a corrected title.
    const issueFile = path.join(content, 'nlzf/2022/59.md');
    writeFileSync(issueFile, readFileSync(issueFile, 'utf8').replace('民情体验活动 {#', '民情体验活动（更正） {#'));

    for (const step of STEPS) {
      const killed = buildSite({ ...settings, BUILD_TEST_KILL_AT: step });
      expect(killed.signal, `killed at ${step}: ${killed.stdout.slice(-500)}${killed.stderr}`).toBe('SIGKILL');
      expect(liveState(dist), `killed at ${step}`).toEqual(live);
      if (step === 'astro build') {
        // Its child went with it: nothing writes on into the spare folder.
        const spare = `${dist}.${live.root.endsWith('.a') ? 'b' : 'a'}`;
        const before = fileHashes(spare);
        await sleep(1500);
        expect(fileHashes(spare), 'the spare folder after astro build was killed').toEqual(before);
      }
    }

    const next = buildSite(settings);
    expect(next.status, next.stderr).toBe(0);
    expect(readFileSync(path.join(dist, 'nlzf/2022/59/minqing/index.html'), 'utf8')).toContain('民情体验活动（更正）');
    const clean = bundledArchiveCopy('killed-clean');
    writeFileSync(path.join(clean.content, 'nlzf/2022/59.md'), readFileSync(issueFile, 'utf8'));
    expect(buildSite(clean.settings).status).toBe(0);
    expect(fileHashes(dist)).toEqual(fileHashes(clean.dist));
  }, 300_000);
});
