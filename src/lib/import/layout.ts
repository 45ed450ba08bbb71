/**
 * Printed lines to the bulletin's text, for sources that give positions instead of paragraphs (a
 * PDF's text layer, a scan's OCR boxes): a line that reaches the right margin goes on in the next,
 * on the next page too; an indented (2em) or centred line and a wide gap start anew, but an indented
 * line under a closing label (发：…) that filled its line goes on with its recipients. Page numbers at
 * the head or foot of a page are set aside.
 */
import { PAGE_NUMBER } from './recognize/lines.ts';
import { LABEL } from './recognize/patterns.ts';

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

/** Joins the pages' lines (each page top to bottom) into paragraphs. */
export function layOut<L extends PlacedLine>(pages: readonly (readonly L[])[]): LaidOut<L> {
  let pageNumbers = 0;
  const bodies = pages.map((lines) =>
    lines.filter((line, index) => {
      const number = (index === 0 || index === lines.length - 1) && PAGE_NUMBER.test(line.text.trim());
      if (number) pageNumbers++;
      return !number;
    }),
  );
  const all = bodies.flat();
  const paragraphs: LaidOutText<L> = [];
  const decisions = pageNumbers ? [`dropped ${pageNumbers} page-number line${pageNumbers > 1 ? 's' : ''}`] : [];
  if (!all.length) return { paragraphs, pageNumbers, right: 0, decisions };
  // The text block's edges, as most lines have them (a speck or a stray mark beside it moves neither).
  const lefts = all.map((line) => line.x).sort((a, b) => a - b);
  const rights = all.map((line) => line.end).sort((a, b) => a - b);
  const margin = lefts[Math.floor((lefts.length - 1) * 0.1)]!;
  const right = rights[Math.ceil((rights.length - 1) * 0.9)]!;
  // The usual distance from one line to the next: a gap well beyond it (a blank line, space above a heading) starts anew.
  const steps = bodies.flatMap((lines) => lines.slice(1).map((line, index) => line.y - lines[index]!.y)).filter((step) => step > 0);
  const pitch = steps.sort((a, b) => a - b)[Math.floor(steps.length / 2)] ?? 0;
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
      if (paragraph && filled && !wide && !centred && !label && (!indented || hanging)) {
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
