import { describe, expect, it } from 'vitest';
import { pdfLines, type PdfItem } from '../../src/lib/import/pdf-lines.ts';

const item = (str: string, x: number, width: number, y = 700, size = 14): PdfItem => ({ str, x, y, width, size });

describe("a PDF page's text items as lines", () => {
  it('puts marks drawn apart in a Western font where they stand inside a Chinese run, not after it', () => {
    // Word: 百日攻“坚行动”开展 — the Chinese one run with room for each mark, the marks drawn apart at 6.2 pt wide.
    const run = item('百日攻 坚行动 开展', 100, 14 * 8 + 2 * 6.2);
    const open = item('“', 100 + 3 * 14, 6.2);
    const close = item('”', 100 + 6 * 14 + 6.2, 6.2);
    expect(pdfLines([run, open, close]).map((line) => line.text)).toEqual(['百日攻“坚行动”开展']);
    // Digits in the Western font too: 7月27日 as 7 月 27 日.
    const date = item(' 月 日下午', 100, 7 + 14 + 14 + 14 * 3);
    expect(pdfLines([date, item('7', 100, 7), item('27', 121, 14)]).map((line) => line.text)).toEqual(['7月27日下午']);
  });

  it('keeps a run whose spaces nothing fills as printed, with its gaps, and lines in order down the page', () => {
    const lines = pdfLines([item('正文第二行', 100, 70, 680), item('内部刊物 注意保存', 100, 8 * 14 + 14), item('2024年3月12日', 400, 84)]);
    expect(lines.map((line) => [line.text, line.y, line.spread ?? false])).toEqual([
      ['内部刊物 注意保存    2024年3月12日', -700, true],
      ['正文第二行', -680, false],
    ]);
  });
});
