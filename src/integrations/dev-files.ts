import { createReadStream, existsSync, statSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { devFile, type DevFolders } from '../lib/build/dev-files.ts';

/** In `npm run dev`, serves the last build's search index and the files beside the issues (see devFile). */
export function devFiles(folders: Omit<DevFolders, 'base'>): AstroIntegration {
  return {
    name: 'jianbao-dev-files',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const base = server.config.base.endsWith('/') ? server.config.base : `${server.config.base}/`;
        server.middlewares.use((request, response, next) => {
          const found = devFile(request.url ?? '', { ...folders, base });
          if (!found || !existsSync(found.file) || !statSync(found.file).isFile()) return next();
          response.setHeader('Content-Type', found.type);
          createReadStream(found.file).pipe(response);
        });
      },
    },
  };
}
