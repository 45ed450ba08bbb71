import { cp, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { Archive } from '../archive/check.ts';
import { variantName, variantWidths, VARIANT_SOURCE } from './image-variants.ts';
import { isPublished } from './publish.ts';

/**
 * Publishes the files beside each published issue (<series>/<year>/<issue>/: photos, the original
 * PDF or Word file) at the same path in the built site, next to the issue page, with smaller WebP
 * copies of each photo named as rehype-content-images lists them in srcset. Drafts' files stay out.
 */
export async function publishAssets(archive: Archive, content: string, site: string): Promise<{ issues: number; copies: number }> {
  let issues = 0;
  let copies = 0;
  for (const issue of archive.issues.filter(isPublished)) {
    const relative = path.join(issue.series.slug, String(issue.year), issue.slug);
    const from = path.join(content, relative);
    if (!(await stat(from).catch(() => undefined))?.isDirectory()) continue;
    const to = path.join(site, relative);
    await cp(from, to, { recursive: true });
    issues++;
    for (const name of issue.assets.filter((asset) => VARIANT_SOURCE.test(asset))) {
      const { width } = await sharp(path.join(from, name)).metadata();
      for (const w of variantWidths(width ?? 0)) {
        await sharp(path.join(from, name))
          .resize({ width: w })
          .webp({ quality: 80 })
          .toFile(path.join(to, variantName(name, w)));
        copies++;
      }
    }
  }
  return { issues, copies };
}
