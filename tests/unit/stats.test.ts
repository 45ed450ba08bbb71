import { describe, expect, it } from 'vitest';
import { median, quantile } from '../../scripts/bench/stats.ts';

describe('benchmark statistics', () => {
  it('takes the sorted value at floor(q·n), the upper middle for an even count, NaN for nothing', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(3);
    expect(quantile([5, 1, 4, 2, 3], 0.95)).toBe(5);
    expect(quantile([5, 1, 4, 2, 3], 0)).toBe(1);
    expect(median([])).toBeNaN();
  });
});
