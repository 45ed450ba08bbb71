import path from 'node:path';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';

import { buildOutputs } from './src/integrations/build-outputs.ts';
import { devFiles } from './src/integrations/dev-files.ts';
import { contentDir } from './src/lib/archive/content-dir.ts';
import { astroCacheDir } from './src/lib/build/rendered-html.ts';
import { outputDir, siteConfig } from './src/lib/site-config.ts';
import { rehypePlugins } from './src/plugins/index.ts';

const site = siteConfig();

export default defineConfig({
  site: site.url,
  base: site.base,
  outDir: outputDir(),
  // One cache per output folder and base path (npm run build names the final folder while Astro writes a staging one).
  cacheDir: astroCacheDir(),
  // Pages whose cacheKey and code are unchanged are copied from the last build instead of rendered again.
  experimental: { incrementalBuild: true },
  // Every page is a folder URL (/nlzf/2022/59/), the form the URL scheme documents.
  trailingSlash: 'always',
  // Stylesheets stay files: the Content-Security-Policy allows styles from the site itself only (style-src 'self').
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: {
    processor: unified({
      rehypePlugins,
      // Bulletins already print curly quotes; SmartyPants would rewrite ASCII ones and break the print-text round trip.
      smartypants: false,
    }),
  },
  // Build output and caches (benchmark archives of 100,000 files among them) are no source: the dev server does not watch them.
  // npm run build builds into a folder that already holds the last site (KEEP_OUT_DIR): Vite must not empty it.
  vite: {
    server: { watch: { ignored: ['**/.cache/**', '**/dist/**', '**/dist.*/**'] } },
    ...(process.env.KEEP_OUT_DIR === '1' && { build: { emptyOutDir: false } }),
  },
  // The dev server also serves the last build's search index and the photos and originals beside issues.
  integrations: [
    sitemap(),
    devFiles({ content: contentDir(), out: path.resolve(outputDir()) }),
    buildOutputs(process.env.BUILD_OUTPUTS_FILE),
  ],
});
