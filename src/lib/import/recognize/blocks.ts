import { IMAGE_MARK, joinText, width, type Line } from './lines.ts';
import {
  BRACKET_SECTION,
  bracketedName,
  CONTENTS,
  CREDIT,
  LEADER,
  MARKER,
  MISREAD_SECTION,
  NOT_SOURCE,
  NOTE,
  SOURCE_LINE,
  TERMINAL,
} from './patterns.ts';

/**
 * The second stage: lines grouped into paragraph-sized blocks, each with its role as far as one
 * line shows it (section in brackets, image, source, credit, editor's note, text) and the marker
 * it opens with. Titles, lead phrases and items are told apart later, from the blocks around them.
 */

/** What a block is, as far as its own lines tell. */
export type BlockRole = 'text' | 'section' | 'image' | 'source' | 'credit' | 'note';

/** A marker opening a block: ◆, 一、, （一）, 1., （1）. */
export interface Marker {
  /** As printed. */
  text: string;
  /** Its kind: the symbol itself, or cn / paren-cn / arabic / paren-arabic. */
  type: string;
}

/** A paragraph-sized piece of the body. */
export interface Block {
  role: BlockRole;
  /** The block's text, lines joined, without its marker. */
  text: string;
  /** The marker it opens with, if any. */
  marker?: Marker;
  /** Its source lines. */
  lines: Line[];
  /** A page-number line follows its last line. */
  pageAfter: boolean;
}

/** Reads the marker at the start of a text. */
export function readMarker(text: string): { marker: Marker; rest: string } | undefined {
  const match = MARKER.exec(text);
  if (!match) return undefined;
  const type = match[1] ?? (match[2] ? 'cn' : match[3] ? 'paren-cn' : match[4] ? 'arabic' : 'paren-arabic');
  return { marker: { text: match[0].trim(), type }, rest: text.slice(match[0].length).trim() };
}

/** The role one line shows by itself. */
export function lineRole(text: string): BlockRole {
  if (text.startsWith(IMAGE_MARK)) return 'image';
  if (BRACKET_SECTION.test(text) || MISREAD_SECTION.test(text)) return 'section';
  if (CREDIT.test(text) && width(text) <= 60 && !/[。！？]$/u.test(text)) return 'credit';
  if (SOURCE_LINE.test(text) && !NOT_SOURCE.test(text)) return 'source';
  if (NOTE.test(text)) return 'note';
  return 'text';
}

/**
 * The width at which a text was hard-wrapped, if it was: the length most of its prose lines share
 * (give or take one character), on lines that mostly stop mid-sentence. Titles (no punctuation) do not
 * count, so a few titles of equal length are no evidence. Text with one paragraph a line has none.
 */
export function wrapWidth(lines: readonly string[]): number | undefined {
  const prose = lines.filter((line) => width(line) >= 8 && /[，、；,;]/u.test(line));
  const sizes = [...new Set(prose.map(width))].sort((a, b) => b - a);
  for (const size of sizes) {
    const near = prose.filter((line) => width(line) >= size - 1 && width(line) <= size);
    const stopping = near.filter((line) => TERMINAL.test(line)).length;
    if (near.length >= 4 && near.length >= prose.length * 0.4 && stopping <= near.length / 2) return size - 1;
  }
  return undefined;
}

/** True when paragraphs start indented and their other lines do not (text from a PDF that kept the indents). */
function indentedStarts(lines: readonly Line[]): boolean {
  const prose = lines.filter((line) => width(line.text) >= 8 && /[，、；,;]/u.test(line.text));
  const indented = prose.filter((line) => line.indent >= 2).length;
  return indented >= 2 && prose.length - indented >= 2 && indented >= prose.length * 0.1;
}

/** True when paragraphs are set apart by blank lines (text with one paragraph a line has next to none). */
function blankSeparated(lines: readonly Line[]): boolean {
  const gaps = lines.slice(1).filter((line) => line.blankBefore).length;
  return gaps >= 2 && gaps >= (lines.length - 1) * 0.2;
}

/**
 * A table of contents right below the masthead (本期要目 / 目录 and its entries, with or without
 * dotted leaders and page numbers): how many lines from `from` it takes; 0 when there is none.
 */
export function contentsLength(lines: readonly Line[], from: number): number {
  const header = lines.slice(from, from + 3).findIndex((line) => CONTENTS.test(bracketedName(line.text) ?? line.text));
  if (header < 0) return 0;
  const start = from + header + 1;
  // An entry recurs below: a title, or a section the contents lists (【要闻】) as its heading.
  const later = (at: number, entry: string, least: number) =>
    lines.slice(at + 1).some((line) => {
      const text = bracketedName(line.text) ?? line.text.replace(MARKER, '');
      return width(entry) >= least && (text.startsWith(entry) || entry.startsWith(text.slice(0, Math.max(4, width(text)))));
    });
  const seen = new Set<string>();
  let at = start;
  for (; at < lines.length; at++) {
    const text = lines[at]!.text;
    const stripped = text.replace(LEADER, '').replace(MARKER, '').trim();
    const entry = bracketedName(stripped) ?? stripped;
    if (seen.has(entry)) break;
    const least = bracketedName(stripped) === undefined ? 4 : 2;
    if (!(LEADER.test(lines[at]!.raw) && width(entry) >= 2) && !later(at, entry, least)) break;
    seen.add(entry);
  }
  return at - from;
}

/** Groups body lines into blocks: wrapped lines joined, one block a paragraph, title, section or item. */
export function toBlocks(lines: readonly Line[], wrap: number | undefined): Block[] {
  const indents = indentedStarts(lines);
  const runs = wrap === undefined && !indents && blankSeparated(lines);
  const blocks: Block[] = [];
  lines.forEach((line, index) => {
    const role = lineRole(line.text);
    const previous = blocks.at(-1);
    const last = lines[index - 1];
    const full = wrap !== undefined && last !== undefined && width(last.text) >= wrap;
    const marked = readMarker(line.text);
    let continues = false;
    if (previous && last && !line.breakBefore && (role === 'text' || role === 'note') && ['text', 'note'].includes(previous.role)) {
      if (role === 'note') continues = false;
      // Indented paragraph starts, where the text kept them, say more than line widths.
      else if (indents) continues = line.indent < 2 && !(TERMINAL.test(last.text) && !/[，。；：]/u.test(line.text));
      else if (wrap !== undefined) continues = full;
      else continues = runs;
      // A marker opens a new block unless the line before ran full into it mid-sentence.
      if (marked && !(full && !TERMINAL.test(last.text))) continues = false;
    }
    if (previous && continues) {
      previous.text = joinText(previous.text, line.text);
      previous.lines.push(line);
    } else {
      const block: Block = { role, text: line.text, lines: [line], pageAfter: false };
      if (marked && role === 'text') {
        block.marker = marked.marker;
        block.text = marked.rest;
      }
      if (previous) previous.pageAfter = line.pageBefore;
      blocks.push(block);
    }
  });
  return blocks;
}
