import { cp, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import sharp from 'sharp';
import { contentDir, loadArchive } from '../lib/content-dir.ts';
import { variantName, variantWidths, VARIANT_SOURCE } from '../lib/image-variants.ts';
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
        let variants = 0;
        for (const issue of archive.issues.filter(isPublished)) {
          const relative = path.join(issue.series.slug, String(issue.year), issue.slug);
          const from = path.join(root, relative);
          if (!(await stat(from).catch(() => undefined))?.isDirectory()) continue;
          const to = path.join(fileURLToPath(dir), relative);
          await cp(from, to, { recursive: true });
          copied++;
          // Smaller WebP copies of each photo, named as rehype-content-images lists them in srcset.
          for (const name of issue.assets.filter((asset) => VARIANT_SOURCE.test(asset))) {
            const { width } = await sharp(path.join(from, name)).metadata();
            for (const w of variantWidths(width ?? 0)) {
              await sharp(path.join(from, name))
                .resize({ width: w })
                .webp({ quality: 80 })
                .toFile(path.join(to, variantName(name, w)));
              variants++;
            }
          }
        }
        logger.info(`files beside ${copied} issue${copied === 1 ? '' : 's'} published, ${variants} smaller photo copies made`);
      },
    },
  };
}
