import { describe, expect, it } from 'vitest';
import { devFile } from '../../src/lib/build/dev-files.ts';

const folders = { base: '/jianbao/', content: '/c', out: '/d' };

describe('files the dev server adds', () => {
  it('serves the last build’s search index and the files beside issues, with their types', () => {
    expect(devFile('/jianbao/pagefind/shards.json', folders)).toEqual({
      file: '/d/pagefind/shards.json',
      type: 'application/json; charset=utf-8',
    });
    expect(devFile('/jianbao/nlzf/2022/60/original.txt?x=1', folders)).toEqual({
      file: '/c/nlzf/2022/60/original.txt',
      type: 'text/plain; charset=utf-8',
    });
    expect(devFile('/jianbao/qxjy/2023/1/changpao.png', folders)).toEqual({ file: '/c/qxjy/2023/1/changpao.png', type: 'image/png' });
    expect(devFile('/jianbao/jsjy/2021/3/yuanban/2-720w.webp', folders)).toEqual({
      file: '/d/jsjy/2021/3/yuanban/2-720w.webp',
      type: 'image/webp',
    });
  });
  it('leaves pages, issue files and paths outside the base or climbing out to Astro', () => {
    expect(
      [
        '/jianbao/nlzf/2022/59/',
        '/jianbao/nlzf/2022/59.md',
        '/other/pagefind/x.js',
        '/jianbao/nlzf/2022/59/../../../../etc/passwd',
        '/jianbao/nlzf/2022/59/minqing/',
      ].map((url) => devFile(url, folders)),
    ).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
