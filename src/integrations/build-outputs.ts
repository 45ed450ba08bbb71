import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';

/**
 * When `file` is given (npm run build names it), writes there the files this build's routes wrote
 * or kept in place — pages, feeds, JSON — relative to the output folder: in a kept output folder,
 * a page file not among them belongs to content that is gone.
 */
export function buildOutputs(file: string | undefined): AstroIntegration {
  return {
    name: 'jianbao-build-outputs',
    hooks: {
      'astro:build:done': ({ dir, assets }) => {
        if (!file) return;
        const root = fileURLToPath(dir);
        const written = [...assets.values()].flat().map((url) => path.relative(root, fileURLToPath(url)));
        writeFileSync(file, `${JSON.stringify(written.sort())}\n`);
      },
    },
  };
}
