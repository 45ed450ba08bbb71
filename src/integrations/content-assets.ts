import { cp, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentDir, loadArchive } from '../lib/content-dir.ts';
import { isPublished } from '../lib/publish.ts';

/**
 * Publishes the files beside each published issue (<series>/<year>/<issue>/: images, the original
 * PDF or Word file) at the same path on the site, next to the issue page. Drafts' files stay out.
 */
export default function contentAssets(): AstroIntegration {
  return {
    name: 'jianbao-content-assets',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = contentDir();
        const archive = await loadArchive(root);
        let copied = 0;
        for (const issue of archive.issues.filter(isPublished)) {
          const relative = path.join(issue.series.slug, String(issue.year), issue.slug);
          const from = path.join(root, relative);
          if (!(await stat(from).catch(() => undefined))?.isDirectory()) continue;
          await cp(from, path.join(fileURLToPath(dir), relative), { recursive: true });
          copied++;
        }
        logger.info(`files beside ${copied} issue${copied === 1 ? '' : 's'} published`);
      },
    },
  };
}
