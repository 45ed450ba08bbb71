import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readLedger } from '../../src/lib/build/url-ledger.ts';
import { buildSite, bundledArchiveCopy } from '../support/build-site.ts';

/** Every text of a built site, Pagefind's gzip files unpacked. */
function siteText(dist: string): string {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const bytes = readFileSync(path.join(entry.parentPath, entry.name));
      return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
    })
    .join('\n');
}

describe('permanent links', () => {
  it('keeps every published URL through new issues, a corrected title, a withdrawal and a corrected id', () => {
    const { content, dist, settings } = bundledArchiveCopy('ledger');
    const ledgerFile = path.join(content, 'published-urls.txt');
    const build = () => buildSite(settings);
    const issueFile = path.join(content, 'nlzf/2022/59.md');
    const first = build();
    expect(first.status, first.stderr).toBe(0);
    const published = readLedger(readFileSync(ledgerFile, 'utf8'));
    expect(published).toContain('/nlzf/2022/59/shici/');

    // New issues before and after, another series, a corrected title, a withdrawal and a correction note.
    cpSync('tests/fixtures/archive/nlzf/2022', path.join(content, 'nlzf/2022'), { recursive: true });
    cpSync('tests/fixtures/archive/qxjy', path.join(content, 'qxjy'), { recursive: true });
    const original = readFileSync(issueFile, 'utf8');
    const corrected = original
      .replace('### 郑州市教育局开展“一把手”民情体验活动 {#minqing}', '### 郑州市教育局开展“一把手”民情体验调研活动 {#minqing}')
      .replace(
        'printed:',
        'withdrawn:\n  - article: shici\n    date: 2022-08-02\n    note: 应所在单位要求撤回。\ncorrections:\n  - article: minqing\n    date: 2022-08-01\n    note: 标题中“民情体验活动”应为“民情体验调研活动”。\nprinted:',
      );
    writeFileSync(issueFile, corrected);
    const second = build();
    expect(second.status, second.stderr).toBe(0);
    const after = readLedger(readFileSync(ledgerFile, 'utf8'));
    expect(after).toEqual(expect.arrayContaining([...published, '/nlzf/2022/58/', '/nlzf/2022/60/xiaoshe/', '/qxjy/2023/1/a2/']));
    const shici = readFileSync(path.join(dist, 'nlzf/2022/59/shici/index.html'), 'utf8');
    expect(shici).toContain('本文已于2022年8月2日撤稿。');
    expect(shici).not.toContain('垌头村');
    expect(siteText(dist)).not.toContain('垌头村举行主题党日活动');
    const minqing = readFileSync(path.join(dist, 'nlzf/2022/59/minqing/index.html'), 'utf8');
    expect(minqing).toContain('<h1>郑州市教育局开展“一把手”民情体验调研活动</h1>');
    expect(minqing).toContain('勘误（2022年8月1日）：');

    // An id corrected without a redirect: the old URL would die, so nothing is published.
    writeFileSync(issueFile, corrected.replace('{#choujian}', '{#jiancha}'));
    const third = build();
    expect(third.status).toBe(1);
    expect(third.stderr).toContain('published URL no longer served: /nlzf/2022/59/choujian/ → ');
    expect(readFileSync(path.join(dist, 'nlzf/2022/59/choujian/index.html'), 'utf8')).toContain('市教育局联合多部门突击抽检');

    // With the redirect recorded, the old URL sends readers to the new one.
    writeFileSync(path.join(content, 'redirects.yaml'), '- from: /nlzf/2022/59/choujian/\n  to: /nlzf/2022/59/jiancha/\n');
    const fourth = build();
    expect(fourth.status, fourth.stderr).toBe(0);
    expect(readFileSync(path.join(dist, 'nlzf/2022/59/choujian/index.html'), 'utf8')).toContain(
      '<meta http-equiv="refresh" content="0;url=/nlzf/2022/59/jiancha/">',
    );
    expect(readLedger(readFileSync(ledgerFile, 'utf8'))).toEqual(
      expect.arrayContaining(['/nlzf/2022/59/choujian/', '/nlzf/2022/59/jiancha/']),
    );
  }, 180_000);
});
