import { describe, expect, it } from 'vitest';
import { astroHeapLimit, withHeapLimit } from '../../src/lib/build/heap-limit.ts';

describe("the cap of Astro's heap", () => {
  it('grows with the archive, from a floor', () => {
    expect(astroHeapLimit(0)).toBe(1536);
    expect(astroHeapLimit(1000)).toBe(1536);
    expect(astroHeapLimit(10_000)).toBe(1536);
    expect(astroHeapLimit(25_000)).toBe(3840);
  });
  it('is added to the options a maintainer set, and never overrides their own heap size', () => {
    expect(withHeapLimit(undefined, 100)).toBe('--max-old-space-size=1536');
    expect(withHeapLimit(' --enable-source-maps ', 20_000)).toBe('--enable-source-maps --max-old-space-size=3072');
    expect(withHeapLimit('--max-old-space-size=8192', 20_000)).toBe('--max-old-space-size=8192');
  });
});
