/**
 * The 原版 file of an issue (yuanban.json beside it): its printed pages and each article's regions on
 * them, found by the articles' text (regions.ts) — made by the importer from the original it read,
 * and by `npm run yuanban` for issues imported before.
 */
import { createHash } from 'node:crypto';
import type { Yuanban } from '../../schemas/yuanban.ts';
import type { ArchiveIssue } from './check.ts';
import { articleRegions, type ArticleText, type PrintedPage } from './regions.ts';

/** Markdown images and links as they stand in a block's text: only their words were printed. */
const IMAGE = /!\[[^\]]*\]\([^)]*\)/gu;

/** The articles of an issue as printed, in printed order: title (none for an untitled item), then note, text and source. */
export function printedArticles(issue: Pick<ArchiveIssue, 'sections'>): ArticleText[] {
  return issue.sections.flatMap((section) =>
    section.articles.map((article) => ({
      id: article.id,
      title: article.kind === 'untitled' ? '' : article.printedTitle,
      text: [
        ...(article.note === undefined ? [] : [article.note]),
        ...article.blocks,
        ...(article.source === undefined ? [] : [article.source]),
      ]
        .join('\n')
        .replace(IMAGE, ''),
    })),
  );
}

/** The digest a 原版 file names its original by (SHA-256, hex): page images are made from that file only. */
export function originalDigest(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Fractions are kept to a ten-thousandth of the page: a twentieth of a millimetre on A4. */
const round = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 10_000) / 10_000;

/** The 原版 of an issue: its printed pages, upright, and where each of its articles stands on them. */
export function makeYuanban(pages: readonly PrintedPage[], articles: readonly ArticleText[], digest: string): Yuanban {
  const { regions, unplaced } = articleRegions(pages, articles);
  return {
    digest,
    pages: pages.map((page) => ({
      width: Math.round(page.width * 100) / 100,
      height: Math.round(page.height * 100) / 100,
      turn: (page.turn ?? 0) as Yuanban['pages'][number]['turn'],
    })),
    regions: regions.map((region) => ({
      article: region.id,
      page: region.page,
      x: round(region.x),
      y: round(region.y),
      width: round(region.width),
      height: round(region.height),
    })),
    unplaced,
  };
}

/** A 原版 file's text: one page or region a line, so that a change shows as the lines it touches. */
export function yuanbanText(yuanban: Yuanban): string {
  const list = (items: readonly unknown[]) =>
    items.length ? `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]` : '[]';
  return `{
  "digest": ${JSON.stringify(yuanban.digest)},
  "pages": ${list(yuanban.pages)},
  "regions": ${list(yuanban.regions)},
  "unplaced": ${JSON.stringify(yuanban.unplaced)}
}
`;
}

/** The widths the 原版 page's images are made at (WebP): twice the page's width on a phone and on a desktop. */
export const PAGE_IMAGE_WIDTHS = [720, 1440] as const;
/**
 * What a phone is sent: this width only, twice what it shows whatever its screen's density, and as
 * AVIF where it reads it (a dense page of text in about 75 KB rather than WebP's 100): the pages a
 * phone loads at once — the first, and the next two its browser fetches ahead — stay within 300 KB.
 */
export const PHONE_IMAGE_WIDTH = 720;
/** The widest screen that is sent the phone's image: 48rem, where the page is shown at its full 45rem. */
export const PHONE_MEDIA = '(max-width: 47.99rem)';
/** The 原版 page's folder below its issue's: <issue URL>yuanban/. */
export const YUANBAN_PATH = 'yuanban';

/** The file name of a printed page's image: at a width (WebP, or AVIF), or (no width) at the original's full resolution. */
export function pageImageName(page: number, width?: number, format: 'webp' | 'avif' = 'webp'): string {
  return width === undefined ? `${page}.webp` : `${page}-${width}w.${format}`;
}

/** Every image file of a 原版 of `pages` pages: each page at each width, the phone's as AVIF too, and at full resolution. */
export function pageImageNames(pages: number): string[] {
  return Array.from({ length: pages }, (_, index) => [
    pageImageName(index + 1, PHONE_IMAGE_WIDTH, 'avif'),
    ...PAGE_IMAGE_WIDTHS.map((width) => pageImageName(index + 1, width)),
    pageImageName(index + 1),
  ]).flat();
}

/** The printed pages an article stands on, in order: none where it was not placed. */
export function articlePages(yuanban: Pick<Yuanban, 'regions'>, article: string): number[] {
  return [...new Set(yuanban.regions.filter((region) => region.article === article).map((region) => region.page))].sort((a, b) => a - b);
}
