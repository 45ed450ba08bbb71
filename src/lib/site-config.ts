import { normalizeBase } from './urls.ts';

/** Site-wide settings, read from the environment at build time so one code base serves any office. */
export interface SiteConfig {
  /** Absolute origin for feeds, sitemap, canonical links (SITE_URL; default http://localhost:4321). */
  url: string;
  /** Base path the site is served under (BASE_PATH; default "/"), normalised to "/…/". */
  base: string;
  /** The site's name in titles and the header (SITE_TITLE; default 简报档案). */
  title: string;
  /** Publisher named in the footer (SITE_PUBLISHER; default none). */
  publisher: string | undefined;
  /** Contact line in the footer (SITE_CONTACT; default none). */
  contact: string | undefined;
  /** ICP 备案 number in the footer (SITE_ICP; default none). */
  icp: string | undefined;
}

/** Reads the site settings from environment variables, with safe defaults. */
export function siteConfig(env: Record<string, string | undefined> = process.env): SiteConfig {
  const url = env.SITE_URL?.trim() || 'http://localhost:4321';
  try {
    new URL(url);
  } catch {
    throw new Error(
      `SITE_URL: expected an absolute URL such as https://jianbao.example.cn, found ${JSON.stringify(url)}. Set SITE_URL to the address the site is served from.`,
    );
  }
  return {
    url: url.replace(/\/+$/, ''),
    base: normalizeBase(env.BASE_PATH),
    title: env.SITE_TITLE?.trim() || '简报档案',
    publisher: env.SITE_PUBLISHER?.trim() || undefined,
    contact: env.SITE_CONTACT?.trim() || undefined,
    icp: env.SITE_ICP?.trim() || undefined,
  };
}

/** The folder the built site is written to: OUT_DIR if set, else ./dist. */
export function outputDir(env: Record<string, string | undefined> = process.env): string {
  return env.OUT_DIR?.trim() || 'dist';
}
