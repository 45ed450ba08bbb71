import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('environment', () => {
  it('runs on Node 22, the version pinned as a devDependency (Astro 7 needs ≥ 22.12)', () => {
    const [major, minor] = process.versions.node.split('.').map(Number);
    expect(major).toBe(22);
    expect(minor).toBeGreaterThanOrEqual(12);
  });
});

describe('the README', () => {
  it('documents only npm scripts that exist', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const documented = [...new Set([...readme.matchAll(/npm run ([a-z][a-z:-]*)/g)].map((match) => match[1]!))].sort();
    expect(documented.filter((name) => !(name in scripts))).toEqual([]);
    expect(documented).toEqual(
      expect.arrayContaining(['bench', 'bench:import', 'bench:search', 'build', 'check', 'import', 'lint', 'screenshot']),
    );
  });
});
