/**
 * Where each article stands on the printed pages (原版): its region on each page it runs over, as
 * fractions of the upright page, found by its text among the page's printed lines — the lines of a
 * PDF's text layer or a scan's OCR boxes. An article is found by its title where that was printed,
 * else by runs of its text, so that an article corrected after it was imported (a word changed, its
 * title reworded) is still placed; one that cannot be found is reported, never guessed.
 *
 * Text is compared by its letters and digits only: the printed lines and the Markdown differ in
 * spaces, line breaks, quotation marks and the width of their punctuation.
 */

/** A printed line and its box, in top-down units of its page (points or pixels). */
export interface BoxedLine {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A printed page, upright: its size, its lines in reading order, and the clockwise turn (degrees) the original page needed to stand so. */
export interface PrintedPage {
  width: number;
  height: number;
  lines: BoxedLine[];
  turn?: number;
}

/** An article as published: its id, its title and its text (paragraphs joined). */
export interface ArticleText {
  id: string;
  title: string;
  text: string;
}

/** One article's region on one page: the page (1 for the first) and its box as fractions of the page. */
export interface Region {
  id: string;
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The letters and digits of a text, as it is compared. */
export function comparable(text: string): string {
  return text.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');
}

/** How many characters of an article's text a search for it takes, and where in the text they are taken. */
const WINDOW = 12;
const WINDOW_AT = [0, 0.25, 0.5, 0.75];

/** Where an article's comparable text (title, then text) starts in the pages' text from `from` on, or undefined. */
function findStart(pages: string, from: number, title: string, text: string): number | undefined {
  if (title.length >= 2) {
    const at = pages.indexOf(title, from);
    if (at >= 0) return at;
  }
  const whole = title + text;
  for (const share of WINDOW_AT) {
    const offset = title.length + Math.floor(text.length * share);
    const window = whole.slice(offset, offset + WINDOW);
    if (!window || window.length < Math.min(WINDOW, text.length)) continue;
    const at = pages.indexOf(window, from);
    if (at >= 0) return Math.max(from, at - offset);
  }
  return undefined;
}

/**
 * Where an article found at `start` ends: after its last characters where they are found, or where a
 * run of characters near its end is found plus what follows it in the article; else its length on.
 */
function findEnd(pages: string, start: number, whole: string): number {
  for (const share of [1, 0.9, 0.75]) {
    const end = Math.floor(whole.length * share);
    const window = whole.slice(Math.max(0, end - WINDOW), end);
    if (window.length < Math.min(WINDOW, whole.length)) continue;
    const at = pages.indexOf(window, start);
    if (at >= 0) return at + window.length + (whole.length - end);
  }
  return start + whole.length;
}

/**
 * Each article's regions, in the order the articles are given (the printed order), and the ids of the
 * articles not found. An article runs from where it is found to where its own text ends (findEnd),
 * and never into the next one found.
 */
export function articleRegions(pages: readonly PrintedPage[], articles: readonly ArticleText[]): { regions: Region[]; unplaced: string[] } {
  // The pages' text, and for each of its characters the page and line it is printed on.
  let all = '';
  const owners: { page: number; line: number }[] = [];
  pages.forEach((page, p) =>
    page.lines.forEach((line, l) => {
      const text = comparable(line.text);
      all += text;
      for (let i = 0; i < text.length; i++) owners.push({ page: p, line: l });
    }),
  );
  const found: { article: ArticleText; start: number; end: number }[] = [];
  const unplaced: string[] = [];
  let cursor = 0;
  for (const article of articles) {
    const title = comparable(article.title);
    const text = comparable(article.text);
    const start = findStart(all, cursor, title, text);
    if (start === undefined) {
      unplaced.push(article.id);
      continue;
    }
    found.push({ article, start, end: findEnd(all, start, title + text) });
    cursor = start + 1;
  }
  const regions: Region[] = [];
  found.forEach(({ article, start, end: own }, i) => {
    const end = Math.min(found[i + 1]?.start ?? all.length, own, all.length);
    const lines = new Map<number, Set<number>>();
    for (let c = start; c < end; c++) {
      const owner = owners[c]!;
      const onPage = lines.get(owner.page) ?? new Set<number>();
      lines.set(owner.page, onPage.add(owner.line));
    }
    for (const [p, numbers] of lines) {
      const page = pages[p]!;
      const boxes = [...numbers].map((n) => page.lines[n]!);
      const left = Math.min(...boxes.map((box) => box.left));
      const top = Math.min(...boxes.map((box) => box.top));
      const right = Math.max(...boxes.map((box) => box.right));
      const bottom = Math.max(...boxes.map((box) => box.bottom));
      regions.push({
        id: article.id,
        page: p + 1,
        x: left / page.width,
        y: top / page.height,
        width: (right - left) / page.width,
        height: (bottom - top) / page.height,
      });
    }
  });
  return { regions, unplaced };
}
