/**
 * A PDF page's text items (pdf.js runs, not glyphs) into printed lines. Word exports a line's Chinese
 * as one run that leaves room where a quotation mark or a digit set in a Western font stands, and draws
 * those apart: pdf.js gives the run with a space at each such place. Where another item stands inside
 * a run, the run is cut at its spaces, each part placed by its characters' widths, so that every mark
 * lands where it is printed (百日攻“坚行动, not 百日攻 坚行动“).
 */
import { SPREAD_GAP, type PlacedLine } from './layout.ts';

/** One text item as pdf.js gives it, in PDF space (y grows up the page). */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** The type size. */
  size: number;
}

/** Characters set a full em wide: Han, CJK punctuation, full-width forms. */
const FULL = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…]/u;

/** The parts of an item between its spaces, each with where it starts and ends, by the widths of its characters. */
function parts(item: PdfItem): PdfItem[] {
  const chars = [...item.str];
  const ems = (text: string) => [...text].reduce((sum, char) => sum + (FULL.test(char) ? 1 : 0.5), 0);
  const spaces = chars.filter((char) => char === ' ').length;
  const inked = ems(item.str.replace(/ /gu, '')) * item.size;
  const space = spaces ? Math.max(0, (item.width - inked) / spaces) : 0;
  // Where the characters' own widths do not add up to the item's width, they are scaled to it.
  const scale = !spaces && inked > 0 ? item.width / inked : 1;
  const pieces: PdfItem[] = [];
  let x = item.x;
  for (const text of item.str.split(/( +)/u)) {
    if (!text) continue;
    if (text.startsWith(' ')) {
      x += space * text.length;
      continue;
    }
    const width = ems(text) * item.size * scale;
    pieces.push({ ...item, str: text, x, width });
    x += width;
  }
  return pieces;
}

/** The items of one page as lines, top to bottom, each line's pieces in the order they stand across it. */
export function pdfLines(items: readonly PdfItem[]): PlacedLine[] {
  const rows: PdfItem[][] = [];
  for (const item of [...items].sort((a, b) => b.y - a.y)) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.y - item.y) < Math.min(row[0]!.size, item.size) * 0.5) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    const inside = (item: PdfItem) =>
      row.some((other) => other !== item && other.x > item.x + item.size * 0.2 && other.x < item.x + item.width - item.size * 0.2);
    const pieces = row.flatMap((item) => (item.str.includes(' ') && inside(item) ? parts(item) : [item])).sort((a, b) => a.x - b.x);
    const first = pieces[0]!;
    const line: PlacedLine = {
      x: first.x,
      y: -first.y,
      size: Math.max(...pieces.map((piece) => piece.size)),
      text: first.str,
      end: first.x + first.width,
    };
    for (const piece of pieces.slice(1)) {
      const gap = piece.x - line.end;
      const far = gap > piece.size * 2;
      line.text += far ? `${SPREAD_GAP}${piece.str}` : gap > piece.size * 0.3 ? ` ${piece.str}` : piece.str;
      if (far) line.spread = true;
      line.end = Math.max(line.end, piece.x + piece.width);
    }
    return line;
  });
}

/** A PDF page as pdf.js opens it: its text content and its size. */
interface PdfPageProxy {
  getTextContent(): Promise<{ items: readonly object[] }>;
  getViewport(options: { scale: number }): { width: number; height: number };
}

/** A page's text items as the lines are made from them, and the page's size in points. */
export async function pdfPageItems(page: PdfPageProxy): Promise<{ items: PdfItem[]; width: number; height: number }> {
  const content = await page.getTextContent();
  const items: PdfItem[] = [];
  for (const item of content.items as { str?: string; transform?: number[]; width?: number; height?: number }[]) {
    if (typeof item.str !== 'string' || !item.str.trim()) continue;
    const [, , , d = 0, x = 0, y = 0] = item.transform ?? [];
    items.push({ str: item.str, x, y, width: item.width ?? 0, size: Math.abs(d) || item.height || 10 });
  }
  const { width, height } = page.getViewport({ scale: 1 });
  return { items, width, height };
}
