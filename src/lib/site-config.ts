import { normalizeBase } from './urls.ts';

/** Site-wide settings, read from the environment at build time so one code base serves any office. */
export interface SiteConfig {
  /** Absolute origin for feeds, sitemap, canonical links (SITE_URL; default http://localhost:4321). */
  url: string;
  /** Whether SITE_URL was given: the default address is only good on the building machine (no QR codes of it). */
  urlIsSet: boolean;
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
  /** 承办单位, the office that runs the site for the publisher (SITE_ORGANIZER; default none). */
  organizer: string | undefined;
  /** 公安机关备案号 as issued, e.g. 豫公网安备41010502000123号, and its number for the registry's link (SITE_PSB; default none). */
  psb: { text: string; code: string } | undefined;
  /** 政府网站标识码, ten digits (SITE_GOV_CODE; default none): shown, and the 我为政府网站找错 link made from it. */
  govCode: string | undefined;
  /** The 党政机关网站 certificate page the badge links to, as 中央编办 issued it (SITE_CONAC_URL; default none). */
  conacUrl: string | undefined;
}

/** A footer setting's error: what was found, what was expected, how to fix it. */
function settingError(name: string, found: string, expected: string): Error {
  return new Error(
    `${name}: expected ${expected}, found ${JSON.stringify(found)}. Set ${name} to that, or leave it unset to show nothing.`,
  );
}

/** 公安机关备案号: the text as issued, and its number (the registry looks a site up by it). */
function psbSetting(value: string | undefined): SiteConfig['psb'] {
  const text = value?.trim();
  if (!text) return undefined;
  const code = /\d{10,}/.exec(text)?.[0];
  if (!code) throw settingError('SITE_PSB', text, 'the 公安机关备案号 as issued, such as 豫公网安备41010502000123号');
  return { text, code };
}

function govCodeSetting(value: string | undefined): string | undefined {
  const code = value?.trim();
  if (!code) return undefined;
  if (!/^[0-9A-Za-z]{10}$/.test(code)) throw settingError('SITE_GOV_CODE', code, 'the ten-character 政府网站标识码, such as 4101000001');
  return code;
}

function urlSetting(name: string, value: string | undefined): string | undefined {
  const url = value?.trim();
  if (!url) return undefined;
  if (!/^https?:\/\/[^\s]+$/.test(url)) throw settingError(name, url, 'an http:// or https:// address');
  return url;
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
    urlIsSet: Boolean(env.SITE_URL?.trim()),
    base: normalizeBase(env.BASE_PATH),
    title: env.SITE_TITLE?.trim() || '简报档案',
    publisher: env.SITE_PUBLISHER?.trim() || undefined,
    contact: env.SITE_CONTACT?.trim() || undefined,
    icp: env.SITE_ICP?.trim() || undefined,
    organizer: env.SITE_ORGANIZER?.trim() || undefined,
    psb: psbSetting(env.SITE_PSB),
    govCode: govCodeSetting(env.SITE_GOV_CODE),
    conacUrl: urlSetting('SITE_CONAC_URL', env.SITE_CONAC_URL),
  };
}

/** The folder the built site is written to: OUT_DIR if set, else ./dist. */
export function outputDir(env: Record<string, string | undefined> = process.env): string {
  return env.OUT_DIR?.trim() || 'dist';
}
