/**
 * Printed lines to the bulletin's text, for sources that give positions instead of paragraphs (a
 * PDF's text layer, a scan's OCR boxes): a line that reaches the right margin goes on in the next,
 * on the next page too; an indented (2em) or centred line and a wide gap start anew, but an indented
 * line under a closing label (发：…) that filled its line goes on with its recipients. Page numbers and
 * running headers and footers are set aside.
 */
import { IMAGE_MARK, PAGE_NUMBER } from './recognize/lines.ts';
import { LABEL } from './recognize/patterns.ts';

/** What stands in a line's text between two parts set far apart across it (the office left, the date right). */
export const SPREAD_GAP = '    ';

/** One printed line, its position in top-down units of the page (points or pixels). */
export interface PlacedLine {
  /** The line's text. */
  text: string;
  /** Left edge. */
  x: number;
  /** Right edge. */
  end: number;
  /** Vertical position (of its top, centre or baseline, the same for every line of a source), growing down the page. */
  y: number;
  /** Its type size (a character's width). */
  size: number;
  /** True when the line is two or more parts set apart across it (the office left, the date right): it never runs on into the next. */
  spread?: boolean;
}

/** The text's lines: each a paragraph (the printed lines it was joined from) or null for a blank line. */
export type LaidOutText<L extends PlacedLine = PlacedLine> = (L[] | null)[];

/** Paragraphs of the pages, and how many page-number lines were set aside. */
export interface LaidOut<L extends PlacedLine = PlacedLine> {
  paragraphs: LaidOutText<L>;
  pageNumbers: number;
  /** The text block's right edge, as most lines have it (0 for no lines). */
  right: number;
  /** What laying out decided: the page numbers dropped. */
  decisions: string[];
}

/** A line set this much larger than the body's type is a title's. */
const TITLE_TYPE = 1.25;

/** What a running header or footer repeats of the masthead: the issue number, the series' kind, a classification mark. */
const MASTHEAD_WORDS = /第\s*[\d〇零一二三四五六七八九十百]+\s*期|简\s*报|内部(?:刊物|资料)|注意保存/u;
/** A header or footer seen on pages that differ only in their numbers is one. */
const furnitureKey = (text: string) => text.replace(/\s+/gu, '').replace(/[\d〇零一二三四五六七八九十百]+/gu, '#');
const squeezed = (text: string) => text.replace(/\s+/gu, '');

/**
 * Sets aside the page furniture: page numbers at the head or foot of a page, and a running header or
 * footer — a line at the top (of pages 2 on) or the bottom of a page that is printed the same on two
 * pages or more, or, on the one later page of a two-page issue, a line above where page 1's text
 * begins that repeats the masthead (the series title, 第N期). Page 1's masthead is never furniture.
 */
export function setFurnitureAside<L extends PlacedLine>(
  pages: readonly (readonly L[])[],
): { bodies: L[][]; pageNumbers: number; decisions: string[] } {
  const bodies = pages.map((lines) => [...lines]);
  let pageNumbers = 0;
  const asideAt = new Map<string, { text: string; where: 'top' | 'bottom'; pages: number[] }>();
  const pageOf = (index: number) => (bodies[index]![0] as { page?: number } | undefined)?.page ?? index + 1;
  const firstText = (bodies[0] ?? [])
    .slice(0, 6)
    .map((line) => squeezed(line.text))
    .filter((text) => text.length >= 4);
  // A header may stand over a page number, or a footer under one: two rounds from each edge.
  for (let round = 0; round < 2; round++) {
    // How often each edge line is printed, counted before any is set aside in this round.
    const edges = { top: new Map<string, number>(), bottom: new Map<string, number>() };
    bodies.forEach((lines, index) => {
      if (lines.length < 2) return;
      if (index > 0) edges.top.set(furnitureKey(lines[0]!.text), (edges.top.get(furnitureKey(lines[0]!.text)) ?? 0) + 1);
      edges.bottom.set(furnitureKey(lines.at(-1)!.text), (edges.bottom.get(furnitureKey(lines.at(-1)!.text)) ?? 0) + 1);
    });
    for (const [index, lines] of bodies.entries()) {
      for (const where of ['top', 'bottom'] as const) {
        const line = where === 'top' ? lines[0] : lines.at(-1);
        if (!line || lines.length < 2) continue;
        const text = line.text.trim();
        let aside = PAGE_NUMBER.test(text);
        if (aside) pageNumbers++;
        else if (where === 'top' && index === 0) continue;
        else {
          const repeated = (edges[where].get(furnitureKey(text)) ?? 0) >= 2;
          // On the one later page of a two-page issue: above where page 1's text begins, repeating its masthead.
          const top = bodies[0]?.[0];
          const header =
            where === 'top' &&
            top !== undefined &&
            line.y < top.y - line.size * 0.5 &&
            (MASTHEAD_WORDS.test(text) || firstText.some((masthead) => squeezed(text).includes(masthead)));
          aside = repeated || header;
          if (aside) {
            const key = `${where} ${furnitureKey(text)}`;
            const entry = asideAt.get(key) ?? { text, where, pages: [] };
            entry.pages.push(pageOf(index));
            asideAt.set(key, entry);
          }
        }
        if (aside) {
          if (where === 'top') lines.shift();
          else lines.pop();
        }
      }
    }
  }
  const decisions = [...asideAt.values()].map(
    ({ text, where, pages: on }) =>
      `set aside the running ${where === 'top' ? 'header' : 'footer'} "${text}" on page${on.length > 1 ? 's' : ''} ${on.sort((a, b) => a - b).join(', ')}: page furniture, not text of the issue`,
  );
  if (pageNumbers) decisions.unshift(`dropped ${pageNumbers} page-number line${pageNumbers > 1 ? 's' : ''}`);
  return { bodies, pageNumbers, decisions };
}

/** Joins the pages' lines (each page top to bottom) into paragraphs, the page furniture set aside. */
export function layOut<L extends PlacedLine>(pages: readonly (readonly L[])[]): LaidOut<L> {
  const { bodies, pageNumbers, decisions } = setFurnitureAside(pages);
  const all = bodies.flat();
  const paragraphs: LaidOutText<L> = [];
  if (!all.length) return { paragraphs, pageNumbers, right: 0, decisions };
  // The text block's edges, as most lines have them (a speck or a stray mark beside it moves neither).
  const text = all.filter((line) => !line.text.startsWith(IMAGE_MARK));
  const lefts = (text.length ? text : all).map((line) => line.x).sort((a, b) => a - b);
  const rights = (text.length ? text : all).map((line) => line.end).sort((a, b) => a - b);
  const margin = lefts[Math.floor((lefts.length - 1) * 0.1)]!;
  const right = rights[Math.ceil((rights.length - 1) * 0.9)]!;
  // The usual distance from one line to the next: a gap well beyond it (a blank line, space above a heading) starts anew.
  const steps = bodies.flatMap((lines) => lines.slice(1).map((line, index) => line.y - lines[index]!.y)).filter((step) => step > 0);
  const pitch = steps.sort((a, b) => a - b)[Math.floor(steps.length / 2)] ?? 0;
  // The body's type size, as most lines have it: a title is set larger.
  const sizes = text.map((line) => line.size).sort((a, b) => a - b);
  const body = sizes[Math.floor(sizes.length / 2)] ?? 0;
  // The advance from one character to the next (letter spacing included).
  const advance = (line: L) => (line.end - line.x) / Math.max(1, [...line.text.replace(/\s+/gu, '')].length);
  // Two lines set the same: type size and letter spacing alike. A single character shows no spacing, and
  // its size read from a scan's ink runs larger than a line's: only a size far off tells it apart.
  const setAlike = (first: L, next: L) =>
    [...next.text.replace(/\s+/gu, '')].length === 1
      ? next.size >= first.size * 0.75 && next.size <= first.size * 1.35
      : Math.abs(next.size - first.size) <= first.size * 0.15 && Math.abs(advance(next) - advance(first)) <= advance(first) * 0.1;
  const centredLine = (line: L) =>
    line.x - margin > line.size * 0.5 && right - line.end > line.size * 0.5 && Math.abs(line.x - margin - (right - line.end)) < line.size;
  let previous: L | undefined;
  for (const lines of bodies) {
    lines.forEach((line, index) => {
      const paragraph = paragraphs.at(-1);
      const size = Math.max(previous?.size ?? 0, line.size);
      const gap = index > 0 && previous ? line.y - previous.y : 0;
      const wide = index > 0 && (pitch ? gap > pitch * 1.45 && gap > size * 1.2 : gap > size * 1.9);
      const indented = line.x > margin + line.size * 1.5;
      // A centred line (a title, a heading) stands alone, with space around it.
      const centred = centredLine(line) || (previous !== undefined && centredLine(previous));
      const filled = previous !== undefined && !previous.spread && previous.end >= right - previous.size * 1.5;
      const hanging = indented && paragraph !== null && paragraph !== undefined && LABEL.test(paragraph[0]!.text);
      // A closing label (报：, 发：) always starts its own line.
      const label = LABEL.test(line.text);
      // A picture stands alone: nothing runs on into it or out of it.
      const picture = line.text.startsWith(IMAGE_MARK) || (previous?.text.startsWith(IMAGE_MARK) ?? false);
      // A title or heading that filled the measure (the next character would not fit) goes on in the next
      // line, centred, set the same (type size and letter spacing): one title, wrapped. A title is told
      // by its large type or, in body type, by a line of its own at the margin that ends in no stop.
      const wrapped =
        index > 0 &&
        previous !== undefined &&
        paragraph?.length === 1 &&
        !previous.spread &&
        !line.spread &&
        !picture &&
        centredLine(line) &&
        (previous.size >= body * TITLE_TYPE || !/[。！？；…]["”’）)]?$/u.test(previous.text.trim())) &&
        setAlike(previous, line) &&
        previous.x <= margin + advance(previous) &&
        previous.end >= right - advance(previous) &&
        gap > 0 &&
        gap <= previous.size * 2.2;
      if (paragraph && wrapped) {
        paragraph.push(line);
        // A title stands apart from the text above it, however little space the page leaves there.
        if (paragraphs.length > 1 && paragraphs.at(-2) !== null) paragraphs.splice(-1, 0, null);
        decisions.push(`joined a title printed over two lines: "${paragraph.map((part) => part.text.trim()).join('')}"`);
      } else if (paragraph && filled && !wide && !centred && !label && !picture && (!indented || hanging)) {
        paragraph.push(line);
      } else {
        if (index === 0 || wide || indented || centred) paragraphs.push(null);
        paragraphs.push([line]);
      }
      previous = line;
    });
  }
  return { paragraphs, pageNumbers, right, decisions };
}

/** The laid-out text as the recognizer reads it: one line per paragraph, blank lines kept. */
export function laidOutText(text: LaidOutText): string {
  return text.map((paragraph) => (paragraph ? paragraph.map((line) => line.text).join('') : '')).join('\n');
}
