import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { assetPath, isLocalAsset } from '../lib/content-assets.ts';

/**
 * Points images written beside an issue (![](./59/photo.jpg)) at their place on the site, where the
 * build copies them: <base><series>/<year>/59/photo.jpg. The folder comes from the rendered entry's
 * front matter (`assetBase`, `assetFolder`); URLs that leave the folder or are absolute stay as they are.
 */
export default function rehypeAssetUrls() {
  return (tree: Root, file: { data: { astro?: { frontmatter?: Record<string, unknown> } } }) => {
    const { assetBase, assetFolder } = file.data.astro?.frontmatter ?? {};
    if (typeof assetBase !== 'string' || typeof assetFolder !== 'string') return;
    visit(tree, 'element', (element) => {
      const src = element.properties.src;
      if (element.tagName !== 'img' || typeof src !== 'string' || !isLocalAsset(src)) return;
      const path = assetPath(assetFolder, src);
      if (path?.startsWith(`${assetFolder}/`)) element.properties.src = `${assetBase}${encodeURI(path.slice(assetFolder.length + 1))}`;
    });
  };
}
