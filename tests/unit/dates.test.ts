import { describe, expect, it } from 'vitest';
import { formatChineseDate, isIsoDate, parseChineseDate, yearOf } from '../../src/lib/dates.ts';

describe('dates', () => {
  it('formats ISO dates the way bulletins print them', () => {
    expect(formatChineseDate('2022-07-28')).toBe('2022年7月28日');
    expect(formatChineseDate('2023-12-01')).toBe('2023年12月1日');
  });
  it('reads printed dates, with the spaces PDF extraction leaves', () => {
    expect(parseChineseDate('2022年7月28日')).toBe('2022-07-28');
    expect(parseChineseDate('2022 年 7 月 28 日')).toBe('2022-07-28');
    expect(parseChineseDate('2022年2月30日')).toBeUndefined();
    expect(parseChineseDate('7月28日')).toBeUndefined();
  });
  it('tells real calendar days from impossible ones', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2022-13-01')).toBe(false);
    expect(isIsoDate('2022-7-28')).toBe(false);
    expect(isIsoDate('2022-07-28T00:00:00Z')).toBe(false);
  });
  it('gives the year and refuses what is not a date', () => {
    expect(yearOf('2022-07-28')).toBe(2022);
    expect(() => formatChineseDate('yesterday')).toThrow('not an ISO date: "yesterday"');
  });
});
