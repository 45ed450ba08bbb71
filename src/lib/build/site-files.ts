import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentFile } from '../archive/check.ts';

/** Every file below a folder, by relative path, with the SHA-1 of its bytes: what a build changed. */
export function fileHashes(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(dir, file), createHash('sha1').update(readFileSync(file)).digest('hex')];
      }),
  );
}

/** Writes content files (relative paths) below a folder, making folders as needed. */
export function writeContentFiles(dir: string, files: readonly ContentFile[]): void {
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path), file.text ?? '');
  }
}
