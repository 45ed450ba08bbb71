import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { takeBuildLock } from '../../src/lib/build/build-lock.ts';
import { pruneOutput } from '../../src/lib/build/prune-output.ts';
import { liveSlot, publishSlot, siteSlots, spareSlot } from '../../src/lib/build/site-slots.ts';
import { fileHashes, writeContentFiles } from '../../src/lib/build/site-files.ts';
import { syncTree } from '../../src/lib/build/sync-tree.ts';

const work = () => mkdtempSync(path.join(tmpdir(), 'jianbao-slots-'));
const files = (dir: string, list: Record<string, string>) =>
  writeContentFiles(
    dir,
    Object.entries(list).map(([file, text]) => ({ path: file, text })),
  );

describe('the two site folders', () => {
  it('builds into the folder the link does not name, publishes by replacing the link, and takes over a site built before the link', async () => {
    const root = work();
    const slots = siteSlots(path.join(root, 'dist'));
    expect(await liveSlot(slots)).toBeUndefined();
    expect(spareSlot(slots, undefined)).toBe(slots.slots[0]);
    // A site built as a plain folder becomes the first slot, served through the link.
    files(slots.link, { 'index.html': 'old' });
    const inode = statSync(path.join(slots.link, 'index.html')).ino;
    expect(await liveSlot(slots)).toBe(slots.slots[0]);
    expect(lstatSync(slots.link).isSymbolicLink()).toBe(true);
    expect(statSync(path.join(slots.link, 'index.html')).ino).toBe(inode);
    const spare = spareSlot(slots, slots.slots[0]);
    expect(spare).toBe(slots.slots[1]);
    files(spare, { 'index.html': 'new' });
    await publishSlot(slots, spare);
    expect(readlinkSync(slots.link)).toBe('dist.b');
    expect(readFileSync(path.join(slots.link, 'index.html'), 'utf8')).toBe('new');
    expect(await liveSlot(slots)).toBe(spare);
    // The old site stays whole beside it: the next build's spare.
    expect(readFileSync(path.join(slots.slots[0], 'index.html'), 'utf8')).toBe('old');
  });

  it('brings a folder to the state of another, replacing only files that differ, by rename', async () => {
    const root = work();
    const [from, to] = [path.join(root, 'from'), path.join(root, 'to')];
    files(from, { 'a/index.html': 'A', 'b/index.html': 'B2', 'c/deep/photo.jpg': 'C' });
    files(to, { 'a/index.html': 'X', 'b/index.html': 'B1', 'gone/index.html': 'G', 'gone/deep/x.txt': 'x' });
    // Written by an earlier build: an older time (the size alone may well be the same).
    for (const file of ['a/index.html', 'b/index.html']) utimesSync(path.join(to, file), new Date(2024, 0, 1), new Date(2024, 0, 1));
    const first = await syncTree(from, to);
    expect(fileHashes(to)).toEqual(fileHashes(from));
    expect(existsSync(path.join(to, 'gone'))).toBe(false);
    expect(first).toEqual({ copied: 3, deleted: 2 });
    // In step, nothing is copied; a file changed in place with its size and time kept as they were is not seen (by design).
    expect(await syncTree(from, to)).toEqual({ copied: 0, deleted: 0 });
    const held = statSync(path.join(to, 'a/index.html')).ino;
    writeFileSync(path.join(from, 'a/index.html'), 'AA');
    expect(await syncTree(from, to)).toEqual({ copied: 1, deleted: 0 });
    expect(readFileSync(path.join(to, 'a/index.html'), 'utf8')).toBe('AA');
    // Replaced by a new file, not rewritten: whatever shared the old inode keeps the old bytes.
    expect(statSync(path.join(to, 'a/index.html')).ino).not.toBe(held);
    // Same size, another time: copied.
    utimesSync(path.join(from, 'b/index.html'), new Date(2020, 1, 1), new Date(2020, 1, 1));
    expect((await syncTree(from, to)).copied).toBe(1);
  });

  it('prunes what a build did not make, keeping fresh folders and top files by name', async () => {
    const root = work();
    files(root, {
      'index.html': 'i',
      'nlzf/2022/59/index.html': '59',
      'nlzf/2022/58/index.html': '58 (deleted issue)',
      'nlzf/2022/59/photo.jpg': 'p',
      'nlzf/2022/59/old.jpg': 'taken out',
      '_astro/x.css': 'css',
      'sitemap-0.xml': 's',
    });
    const removed = await pruneOutput(
      root,
      ['index.html', 'nlzf/2022/59/index.html', 'nlzf/2022/59/photo.jpg'],
      ['_astro'],
      /^sitemap.*\.xml$/,
    );
    expect(removed).toEqual(['nlzf/2022/58/index.html', 'nlzf/2022/59/old.jpg']);
    expect([...fileHashes(root).keys()].sort()).toEqual([
      '_astro/x.css',
      'index.html',
      'nlzf/2022/59/index.html',
      'nlzf/2022/59/photo.jpg',
      'sitemap-0.xml',
    ]);
    expect(existsSync(path.join(root, 'nlzf/2022/58'))).toBe(false);
  });
});

describe('the build lock', () => {
  it('lets one build in at a time, names the one that holds it, and takes over a lock whose build is gone', () => {
    const root = work();
    const file = path.join(root, 'dist.lock');
    const release = takeBuildLock(file);
    expect(() => takeBuildLock(file)).toThrow(
      new RegExp(
        `another build \\(process ${process.pid} on .+\\) is building this site; wait for it to finish, or delete ${file} if no build runs`,
      ),
    );
    release();
    expect(existsSync(file)).toBe(false);
    // A build killed while holding the lock: its process is gone, so the lock is stale.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(file, JSON.stringify({ pid: Number(gone), host: hostname(), started: '2026-12-05T00:00:00Z' }));
    const again = takeBuildLock(file);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { pid: number }).pid).toBe(process.pid);
    again();
  });
});
