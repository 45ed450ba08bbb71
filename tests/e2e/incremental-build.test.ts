import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus, proseSentences } from '../../scripts/bench/corpus.ts';
import { fileHashes, writeContentFiles } from '../../src/lib/build/site-files.ts';
import { buildSite } from '../support/build-site.ts';

const SEED = readFileSync(new URL('../fixtures/seeds/nlzf-2022-59.txt', import.meta.url), 'utf8');

describe('adding one issue to a built archive', () => {
  it('rewrites only the index shard of its year and the pages that must change, and gives the same site as a clean build', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'jianbao-update-'));
    const sentences = proseSentences(SEED);
    const before = generateCorpus({ issues: 160, seed: 5, sentences });
    const after = generateCorpus({ issues: 161, seed: 5, sentences, layoutFor: 160 });
    const added = after.files.filter((file) => !before.files.some((other) => other.path === file.path));
    expect(added.map((file) => file.path)).toHaveLength(1);

    const content = path.join(work, 'content');
    const dist = path.join(work, 'site', 'dist');
    writeContentFiles(content, before.files);
    const settings = { CONTENT_DIR: content, OUT_DIR: dist, SEARCH_SHARD_SIZE: '400' };
    const first = buildSite(settings);
    expect(first.status, first.stderr).toBe(0);
    const old = fileHashes(dist);
    const shards = JSON.parse(readFileSync(path.join(dist, 'pagefind/shards.json'), 'utf8')) as string[];
    expect(shards.length).toBeGreaterThan(1);

    writeContentFiles(content, added);
    const update = buildSite(settings);
    expect(update.status, update.stderr).toBe(0);
    expect(update.stdout).toMatch(
      new RegExp(
        `search index: \\d+ articles in ${shards.length} shards, 1 written \\(${shards[0]}\\), ${shards.length - 1} unchanged and reused`,
      ),
    );
    const updated = fileHashes(dist);
    // Unchanged shards keep their bytes.
    for (const [file, hash] of old) if (file.startsWith(`pagefind/${shards[1]}/`)) expect(updated.get(file), file).toBe(hash);
    // Older issue and article pages stay byte-identical but for the one before the new issue.
    const changedPages = [...old].filter(([file, hash]) => file.endsWith('.html') && updated.get(file) !== hash).map(([file]) => file);
    const addedIssue = added[0]!.path.replace(/\.md$/, '/');
    for (const file of changedPages) {
      expect(file, `${file} changed`).toMatch(
        /^(index\.html|search\/index\.html|[a-z0-9]+\/index\.html|[a-z0-9]+\/\d{4}\/index\.html|[a-z0-9]+\/sections\/[a-z]+\/\d{4}\/index\.html|[a-z0-9]+\/\d{4}\/[0-9-]+\/(a\d+\/)?index\.html)$/,
      );
    }
    const issuePagesChanged = changedPages.filter((file) => /^[a-z0-9]+\/\d{4}\/[0-9-]+\/index\.html$/.test(file));
    expect(issuePagesChanged.length).toBeLessThanOrEqual(1);
    expect(changedPages.length).toBeLessThan(20);
    expect(updated.has(`${addedIssue}index.html`)).toBe(true);

    // A clean build of the same archive, with no shard cache, gives the very same site.
    const clean = path.join(work, 'clean', 'dist');
    rmSync(path.join(content, 'published-urls.txt'));
    const cleanBuild = buildSite({ ...settings, OUT_DIR: clean });
    expect(cleanBuild.status, cleanBuild.stderr).toBe(0);
    expect(fileHashes(clean)).toEqual(updated);
  }, 300_000);
});
