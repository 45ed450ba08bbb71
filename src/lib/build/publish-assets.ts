import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { Archive } from '../archive/check.ts';
import { issueFolder } from '../archive/content-assets.ts';
import { variantName, variantWidths, VARIANT_SOURCE } from './image-variants.ts';
import { isPublished } from './publish.ts';
import { settle, upToDate } from './stamped-file.ts';
import { pageImageNames, YUANBAN_PATH } from '../archive/yuanban.ts';
import { YUANBAN_FILE, YUANBAN_ORIGINAL } from '../../schemas/yuanban.ts';
import { pageImages } from './page-images.ts';

/**
 * Publishes the files beside each published issue (<series>/<year>/<issue>/: photos, the original
 * PDF or Word file) at the same path in the built site, next to the issue page, with smaller WebP
 * copies of each photo named as rehype-content-images lists them in srcset. Drafts' files stay out.
 * The site folder may hold the last build's: a file already there with its source's size and time
 * (a copy of a photo with its source's time) is kept, not copied or encoded again. Returns the
 * published files, relative to the site.
 */
export async function publishAssets(
  archive: Archive,
  content: string,
  site: string,
  pageImageCache: string,
): Promise<{ issues: number; copies: number; written: number; pages: number; files: string[] }> {
  let issues = 0;
  let copies = 0;
  let written = 0;
  let pages = 0;
  const files: string[] = [];
  for (const issue of archive.issues.filter(isPublished)) {
    const relative = issueFolder(issue);
    const from = path.join(content, relative);
    if (!(await stat(from).catch(() => undefined))?.isDirectory()) continue;
    const to = path.join(site, relative);
    issues++;
    const entries = await readdir(from, { recursive: true, withFileTypes: true });
    for (const entry of entries.filter((item) => item.isFile())) {
      const name = path.relative(from, path.join(entry.parentPath, entry.name));
      // The 原版 file is read by the build, not by readers: its page shows what it says.
      if (name === YUANBAN_FILE) continue;
      const source = await stat(path.join(from, name));
      const file = path.join(to, name);
      files.push(path.join(relative, name));
      if (await upToDate(file, source, source.size)) continue;
      await mkdir(path.dirname(file), { recursive: true });
      await copyFile(path.join(from, name), `${file}.publish`);
      await settle(`${file}.publish`, file, source);
      written++;
    }
    for (const name of issue.assets.filter((asset) => VARIANT_SOURCE.test(asset))) {
      const source = await stat(path.join(from, name));
      const { width } = await sharp(path.join(from, name)).metadata();
      for (const w of variantWidths(width ?? 0)) {
        const file = path.join(to, variantName(name, w));
        files.push(path.join(relative, variantName(name, w)));
        copies++;
        if (await upToDate(file, source)) continue;
        await sharp(path.join(from, name)).resize({ width: w }).webp({ quality: 80 }).toFile(`${file}.publish`);
        await settle(`${file}.publish`, file, source);
        written++;
      }
    }
    if (issue.yuanban) {
      // The printed pages' images, made from the original (once per original, in the cache), at <issue>/yuanban/.
      const original = path.join(from, YUANBAN_ORIGINAL);
      const source = await stat(original);
      const names = pageImageNames(issue.yuanban.pages.length);
      const targets = names.map((name) => path.join(to, YUANBAN_PATH, name));
      files.push(...names.map((name) => path.join(relative, YUANBAN_PATH, name)));
      pages += issue.yuanban.pages.length;
      const current = await Promise.all(targets.map((file) => upToDate(file, source)));
      if (current.every(Boolean)) continue;
      const made = await pageImages(original, issue.yuanban, pageImageCache);
      await mkdir(path.join(to, YUANBAN_PATH), { recursive: true });
      for (const [index, name] of names.entries()) {
        if (current[index]) continue;
        await copyFile(path.join(made, name), `${targets[index]}.publish`);
        await settle(`${targets[index]}.publish`, targets[index]!, source);
        written++;
      }
    }
  }
  return { issues, copies, written, pages, files };
}
