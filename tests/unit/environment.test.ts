import { describe, expect, it } from 'vitest';

describe('environment', () => {
  it('runs on Node 22, the version pinned as a devDependency (Astro 7 needs ≥ 22.12)', () => {
    const [major, minor] = process.versions.node.split('.').map(Number);
    expect(major).toBe(22);
    expect(minor).toBeGreaterThanOrEqual(12);
  });
});
