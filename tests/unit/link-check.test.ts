import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks, readBuiltSite } from '../../src/lib/build/link-check.ts';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jianbao-links-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('link check', () => {
  it('passes a site whose links, assets and anchors all resolve, under its base path', async () => {
    const dir = site({
      'index.html':
        '<a href="/jianbao/nlzf/2022/59/">59</a><a href="nlzf/2022/59/#minqing">文</a><link href="https://jianbao.example.cn/jianbao/rss.xml"><a href="https://example.org/x">外</a><a href="mailto:a@b.cn">信</a>',
      'nlzf/2022/59/index.html': '<h3 id="minqing">标题</h3><img src="photo.png"><a href="../../../">首页</a><a href="#minqing">本页</a>',
      'nlzf/2022/59/photo.png': 'png',
      'rss.xml': '<rss/>',
    });
    expect(checkLinks(await readBuiltSite(dir), '/jianbao/', 'https://jianbao.example.cn')).toEqual({ pages: 2, links: 6, broken: [] });
  });
  it('names the page and the target of every broken link, asset and anchor', async () => {
    const dir = site({
      'index.html': '<a href="/jianbao/nlzf/2022/60/">60</a><a href="/nlzf/2022/59/">no base</a>',
      'nlzf/2022/59/index.html': '<img src="missing.png"><a href="#nowhere">本页</a><a href="/jianbao/#top">首页</a>',
    });
    expect(checkLinks(await readBuiltSite(dir), '/jianbao/', 'https://jianbao.example.cn').broken).toEqual([
      { page: '/jianbao/', target: '/jianbao/nlzf/2022/60/', reason: 'no such page or file' },
      { page: '/jianbao/', target: '/nlzf/2022/59/', reason: 'no such page or file' },
      { page: '/jianbao/nlzf/2022/59/', target: 'missing.png', reason: 'no such page or file' },
      { page: '/jianbao/nlzf/2022/59/', target: '#nowhere', reason: 'no such anchor' },
      { page: '/jianbao/nlzf/2022/59/', target: '/jianbao/#top', reason: 'no such anchor' },
    ]);
  });
});
