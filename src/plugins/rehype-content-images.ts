import path from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import sharp from 'sharp';
import { visit } from 'unist-util-visit';
import { assetPath, isLocalAsset } from '../lib/archive/content-assets.ts';
import { contentDir } from '../lib/archive/content-dir.ts';
import { variantName, variantWidths, VARIANT_SOURCE } from '../lib/build/image-variants.ts';

const SIZES = '(min-width: 40em) 38em, 100vw';

/**
 * Photos beside an issue (![说明](./59/photo.jpg)): pointed at their place on the site, where the build
 * copies them (<base><series>/<year>/59/photo.jpg) with smaller WebP copies for a srcset; given their
 * width and height (no layout shift), lazy loading, and, standing alone in a paragraph, a figure with
 * the alt text (or title) as its caption. The folder comes from the rendered entry's front
 * matter (`assetBase`, `assetFolder`); URLs that leave it, or point elsewhere, stay as they are.
 */
export default function rehypeContentImages() {
  return async (tree: Root, file: { data: { astro?: { frontmatter?: Record<string, unknown> } } }) => {
    const { assetBase, assetFolder } = file.data.astro?.frontmatter ?? {};
    if (typeof assetBase !== 'string' || typeof assetFolder !== 'string') return;
    const images: Element[] = [];
    visit(tree, 'element', (element) => {
      if (element.tagName === 'img' && typeof element.properties.src === 'string' && isLocalAsset(element.properties.src))
        images.push(element);
    });
    for (const image of images) {
      const relative = assetPath(assetFolder, image.properties.src as string);
      if (!relative?.startsWith(`${assetFolder}/`)) continue;
      const url = (name: string) => `${assetBase}${encodeURI(name.slice(assetFolder.length + 1))}`;
      image.properties.src = url(relative);
      image.properties.loading = 'lazy';
      image.properties.decoding = 'async';
      const metadata = await sharp(path.join(contentDir(), relative))
        .metadata()
        .catch(() => undefined);
      if (!metadata?.width || !metadata.height) continue;
      image.properties.width = metadata.width;
      image.properties.height = metadata.height;
      const widths = VARIANT_SOURCE.test(relative) ? variantWidths(metadata.width) : [];
      if (widths.length) {
        image.properties.srcSet = [
          ...widths.map((w) => `${url(variantName(relative, w))} ${w}w`),
          `${url(relative)} ${metadata.width}w`,
        ].join(', ');
        image.properties.sizes = SIZES;
      }
    }
    // A photo alone in its paragraph is a figure, captioned by its title or alt text.
    visit(tree, 'element', (element, index, parent) => {
      if (element.tagName !== 'p' || index === undefined || !parent) return;
      const content = element.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
      const [only] = content;
      if (content.length !== 1 || only?.type !== 'element' || only.tagName !== 'img') return;
      const caption = String(only.properties.title ?? only.properties.alt ?? '');
      const children: ElementContent[] = [only];
      if (caption) children.push({ type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: caption }] });
      parent.children[index] = { type: 'element', tagName: 'figure', properties: { className: ['photo'] }, children };
    });
  };
}
