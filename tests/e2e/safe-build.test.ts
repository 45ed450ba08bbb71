import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, bundledArchiveCopy } from '../support/build-site.ts';

describe('safe publishing', () => {
  it('replaces the site only after a whole build; a failed build leaves the old site complete', () => {
    const { content, dist, settings } = bundledArchiveCopy('safe');
    const first = buildSite(settings);
    expect(first.status, first.stderr).toBe(0);
    const files = readdirSync(dist, { recursive: true }).sort();
    const issuePage = readFileSync(path.join(dist, 'nlzf/2022/59/index.html'), 'utf8');
    const issueFile = path.join(content, 'nlzf/2022/59.md');
    const original = readFileSync(issueFile, 'utf8');

    // A link to an issue that does not exist: the build renders, indexes, then refuses to publish.
    writeFileSync(issueFile, original.replace('会后，楚惠东一行', '详见[第61期](/nlzf/2022/61/)。\n\n会后，楚惠东一行'));
    const brokenLink = buildSite(settings);
    expect(brokenLink.status).toBe(1);
    expect(brokenLink.stderr).toContain('broken link on /nlzf/2022/59/minqing/: /nlzf/2022/61/ (no such page or file)');
    expect(brokenLink.stderr).toContain('build: nothing was published; ');
    expect(readdirSync(dist, { recursive: true }).sort()).toEqual(files);
    expect(readFileSync(path.join(dist, 'nlzf/2022/59/index.html'), 'utf8')).toBe(issuePage);

    // A broken file: the build stops at the content check.
    writeFileSync(issueFile, original.replace('date: 2022-07-28', 'date: 2022-07-32'));
    const brokenFile = buildSite(settings);
    expect(brokenFile.status).toBe(1);
    expect(brokenFile.stderr).toContain('59.md:3  date  expected a real calendar date written YYYY-MM-DD, found "2022-07-32"');
    expect(readdirSync(dist, { recursive: true }).sort()).toEqual(files);
  }, 120_000);
});
