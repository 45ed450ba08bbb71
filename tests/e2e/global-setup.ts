import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../support/build-site.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

/** Where the browser tests build: the bundled content with the distractor archive merged over it. */
export const E2E = {
  root: path.resolve('.cache/e2e'),
  content: path.resolve('.cache/e2e/content'),
  dist: path.resolve('.cache/e2e/dist'),
  // Built under a sub-path, so that every link, asset, feed and search is proven to honour BASE_PATH.
  base: '/jianbao/',
  site: 'https://jianbao.example.cn',
};

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    distDir: string;
    contentDir: string;
  }
}

let server: StaticServer | undefined;

/** Builds the fixture archive once with `npm run build`'s script and serves it on a free port. */
export default async function setup(project: TestProject) {
  rmSync(E2E.root, { recursive: true, force: true });
  mkdirSync(E2E.content, { recursive: true });
  cpSync('content', E2E.content, { recursive: true });
  cpSync('tests/fixtures/archive', E2E.content, { recursive: true });
  const build = buildSite({
    CONTENT_DIR: E2E.content,
    OUT_DIR: E2E.dist,
    BASE_PATH: E2E.base,
    SITE_URL: E2E.site,
    // The footer of a government site, every setting given.
    SITE_PUBLISHER: '某市教育局',
    SITE_ORGANIZER: '某市教育局办公室',
    SITE_CONTACT: '0371-12345678',
    SITE_ICP: '豫ICP备12345678号',
    SITE_PSB: '豫公网安备41010502000123号',
    SITE_GOV_CODE: '4101000001',
    SITE_CONAC_URL: 'https://bszs.conac.cn/sitename?method=show&id=0A1B2C3D',
  });
  if (build.status !== 0) throw new Error(`fixture site build failed:\n${build.stdout}\n${build.stderr}`);
  server = await serveStatic(E2E.dist, E2E.base);
  project.provide('siteUrl', server.url);
  project.provide('distDir', E2E.dist);
  project.provide('contentDir', E2E.content);
  return async () => server?.close();
}
