import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedFiles, sourceDigest } from '../../src/lib/source-digest.ts';

describe('the digest of code and what it imports', () => {
  it('follows relative imports of every form, and changes with any file reached, not with others', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'jianbao-code-'));
    const write = (name: string, text: string) => writeFileSync(path.join(root, name), text);
    write('entry.ts', "import { a } from './a.ts';\nexport * from './b.ts';\nimport 'node:fs';\nconst c = await import('./c.ts');\n");
    write('a.ts', "import type { B } from './b.ts';\nexport const a = 1;\n");
    write('b.ts', 'export const b = 2;\n');
    write('c.ts', "import './d.ts';\n");
    write('d.ts', '');
    write('unrelated.ts', 'export const x = 3;\n');
    expect(importedFiles([path.join(root, 'entry.ts')]).map((file) => path.basename(file))).toEqual([
      'entry.ts',
      'a.ts',
      'b.ts',
      'c.ts',
      'd.ts',
    ]);
    const before = sourceDigest(root, ['entry.ts'], ['lock.json']);
    write('unrelated.ts', 'export const x = 4;\n');
    expect(sourceDigest(root, ['entry.ts'], ['lock.json'])).toBe(before);
    write('d.ts', '// edited\n');
    const edited = sourceDigest(root, ['entry.ts'], ['lock.json']);
    expect(edited).not.toBe(before);
    write('lock.json', '{}');
    expect(sourceDigest(root, ['entry.ts'], ['lock.json'])).not.toBe(edited);
  });
});
