import { describe, expect, it } from 'vitest';
import { monthWeeks } from '../../src/lib/calendar.ts';

describe('month calendar', () => {
  it('lays July 2022 out from Monday (the 1st was a Friday)', () => {
    const weeks = monthWeeks(2022, 7);
    expect(weeks[0]).toEqual([null, null, null, null, 1, 2, 3]);
    expect(weeks.at(-1)).toEqual([25, 26, 27, 28, 29, 30, 31]);
    expect(weeks).toHaveLength(5);
  });
  it('knows leap years and months that start on Monday', () => {
    expect(monthWeeks(2024, 2).flat().filter(Boolean)).toHaveLength(29);
    expect(monthWeeks(2023, 5)[0]![0]).toBe(1);
  });
});
