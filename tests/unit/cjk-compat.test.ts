import { describe, expect, it } from 'vitest';
import { standardCjk } from '../../src/lib/import/cjk-compat.ts';

describe('radical look-alikes from PDF fonts', () => {
  it('puts standard characters back and counts them', () => {
    expect(standardCjk('能⼒作⻛建设年，局⻓，⺠情，⻔岗，2022年7⽉28⽇')).toEqual({
      text: '能力作风建设年，局长，民情，门岗，2022年7月28日',
      replaced: 7,
    });
  });
  it('leaves ordinary text, full-width punctuation and unmapped radicals alone', () => {
    expect(standardCjk('郑州市（单位）：“双减”⺮')).toEqual({ text: '郑州市（单位）：“双减”⺮', replaced: 0 });
  });
});
