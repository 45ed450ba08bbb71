import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISSUE_59, SERIES_YAML } from '../support/fixtures.ts';

describe('npm run build', () => {
  it('stops before rendering when a file is broken, listing every problem', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jianbao-broken-'));
    mkdirSync(path.join(dir, 'nlzf/2022'), { recursive: true });
    writeFileSync(path.join(dir, 'nlzf/series.yaml'), SERIES_YAML);
    writeFileSync(path.join(dir, 'nlzf/2022/59.md'), ISSUE_59.replace('date: 2022-07-28', 'date: 2022-07-32').replace('{#minqing}', ''));
    const out = path.join(dir, 'dist');
    const build = spawnSync(process.execPath, ['scripts/build.ts'], {
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: dir, OUT_DIR: out },
    });
    expect(build.status).toBe(1);
    expect(build.stderr).toMatch(/59\.md:3 {2}date {2}expected a real calendar date written YYYY-MM-DD, found "2022-07-32"/);
    expect(build.stderr).toMatch(/59\.md:28 {2}heading {2}expected one article id in braces after the title/);
    expect(build.stderr).toContain('2 problems in 1 file');
    expect(build.stdout).toMatch(/content check: FAILED/);
    expect(existsSync(out)).toBe(false);
  });
});
