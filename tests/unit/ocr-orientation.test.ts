import { describe, expect, it } from 'vitest';
import type { OcrBox } from '../../src/lib/import/ocr/engine.ts';
import { howPageLies } from '../../src/lib/import/ocr/index.ts';

/** A run of `text` read at `confidence`, `width` × `height` pixels from (100, 100), its corners as the engine gives them. */
function run(text: string, width: number, height: number, confidence = 0.98): OcrBox {
  return {
    box: [
      [100, 100],
      [100 + width, 100],
      [100 + width, 100 + height],
      [100, 100 + height],
    ],
    chars: [...text].map((char, i) => ({ char, confidence, at: (i + 0.5) / text.length })),
  };
}

describe('how a scanned page lies', () => {
  it('takes a page of wide runs read as text as upright, and a blank page as it is', () => {
    expect(howPageLies([run('区教育局召开春季开学工作会议', 900, 45), run('（区教育局）', 300, 45)])).toEqual({
      tall: false,
      legible: true,
    });
    expect(howPageLies([])).toEqual({ tall: false, legible: true });
  });

  it('sees a page on its side by its tall runs, and one upside down by runs that read as next to nothing', () => {
    expect(howPageLies([run('区教育局召开春季开学工作会议', 45, 900), run('（区教育局）', 45, 300)])).toEqual({
      tall: true,
      legible: true,
    });
    expect(howPageLies([run('', 45, 900), run('', 45, 300)])).toEqual({ tall: true, legible: false });
    expect(howPageLies([run('', 900, 45), run('一', 300, 45)])).toEqual({ tall: false, legible: false });
    // Enough characters, read unsurely: no text either.
    expect(howPageLies([run('乙丨丶丿', 900, 45, 0.4)])).toEqual({ tall: false, legible: false });
  });
});
