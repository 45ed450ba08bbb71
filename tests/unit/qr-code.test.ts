import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { qrCodeSvg } from '../../src/lib/qr-code.ts';

describe('QR codes of a page’s address', () => {
  it('draw every dark module of the code, and only those, one run of a row a segment', () => {
    const url = 'https://jianbao.example.gov.cn/nlzf/2022/59/minqing/';
    const svg = qrCodeSvg(url, '本页二维码：<地址> & "引号"');
    const { data, size } = encode(url, { ecc: 'M', border: 2 });
    const drawn = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
    for (const [, x, y, width] of svg.matchAll(/M(\d+) (\d+)h(\d+)v1H\d+z/g)) {
      for (let i = 0; i < Number(width); i++) {
        expect(drawn[Number(y)]![Number(x) + i], `${x},${y} drawn twice`).toBe(false);
        drawn[Number(y)]![Number(x) + i] = true;
      }
    }
    expect(drawn).toEqual(data);
    expect(svg).toMatch(
      new RegExp(
        `^<svg role="img" aria-label="本页二维码：&lt;地址> &amp; &quot;引号&quot;" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}"`,
      ),
    );
    expect(svg.length).toBeLessThan(5_000);
  });
});
