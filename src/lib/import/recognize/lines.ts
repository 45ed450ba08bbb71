/**
 * The first stage of recognition: the extracted text as numbered lines, each with the layout facts
 * later stages weigh (indent, blank line or page break before it), page-number and rule lines set aside.
 */

/** Starts a line that stands for an image (followed by its file name); never occurs in real text. */
export const IMAGE_MARK = '\uE000image:';

/** One line of the source text. */
export interface Line {
  /** 1-based line number in the source, for `unsure:` messages. */
  no: number;
  /** The line as it stands in the source, trimmed. */
  raw: string;
  /** The line with the spaces PDF extraction leaves between Chinese characters closed. */
  text: string;
  /** Leading white space (an ideographic space counts two). */
  indent: number;
  /** A blank line stands before this one. */
  blankBefore: boolean;
  /** A page-number line stands before this one. */
  pageBefore: boolean;
  /** A blank line, a rule or a page-number line stands before this one. */
  breakBefore: boolean;
}

/** The source as lines, with what was set aside as layout. */
export interface SourceLines {
  /** Lines of text, in order. */
  lines: Line[];
  /** Page-number lines (— 2 —, -2-, 第2页), set aside. */
  pageNumbers: Line[];
  /** Rule lines (————, ＿＿＿), set aside. */
  rules: Line[];
}

export const PAGE_NUMBER =
  /^(?:[-—–－‒―~～·•・\s]*\d{1,3}[-—–－‒―~～·•・\s]*|[（(]\s*\d{1,3}\s*[)）]|第\s*\d{1,3}\s*页(?:\s*[，,/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/u;
const RULE = /^[-—–－‒―_＿=＝━─═~～·•*＊\s]{3,}$/u;
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’]/u;

/**
 * Removes the spaces PDF extraction puts between Chinese characters (and between them and digits:
 * 2022 年 7 月), keeping those between Latin words and between Latin words and Chinese.
 */
export function closeCjkSpacing(text: string): string {
  const tight = (a: string, b: string) => (CJK.test(a) && (CJK.test(b) || /\d/.test(b))) || (/\d/.test(a) && CJK.test(b));
  return text
    .replace(/[\u00a0\u3000]/g, ' ')
    .replace(/(\S)[ \t]+(?=\S)/gu, (match: string, before: string, offset: number, whole: string) => {
      const after = whole[offset + match.length] ?? '';
      return tight(before, after) ? before : `${before} `;
    })
    .trim();
}

/** A line's text with its gaps kept as one space each, and PDF letter spacing (南 关 小 学) closed. */
export function printedSpacing(raw: string): string {
  return raw
    .trim()
    .split(/\s{2,}/u)
    .map((part) => (/^(?:\S\s){3,}\S/u.test(part) ? closeCjkSpacing(part) : part.replace(/\s+/gu, ' ')))
    .join(' ');
}

/** Joins two pieces of one printed line or paragraph: directly, with a space only between two Latin words. */
export function joinText(a: string, b: string): string {
  if (!a) return b;
  // A wrap never splits a number with a space; Latin words were wrapped at their spaces.
  return /[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : `${a}${b}`;
}

/** Length in characters (not UTF-16 units). */
export function width(text: string): number {
  return [...text].length;
}

/** Splits the text into lines, setting page numbers and rules aside. */
export function toLines(text: string): SourceLines {
  const lines: Line[] = [];
  const pageNumbers: Line[] = [];
  const rules: Line[] = [];
  let blank = true;
  let page = false;
  let rule = false;
  text.split('\n').forEach((source, index) => {
    const spaced = source.replace(/\t/g, '  ').replace(/\u3000/g, '  ');
    const raw = spaced.trim();
    if (!raw) {
      blank = true;
      return;
    }
    const line: Line = {
      no: index + 1,
      raw,
      text: closeCjkSpacing(raw),
      indent: spaced.length - spaced.trimStart().length,
      blankBefore: blank,
      pageBefore: page,
      breakBefore: blank || page || rule,
    };
    if (!raw.startsWith(IMAGE_MARK) && PAGE_NUMBER.test(raw.replace(/[\u00a0]/g, ' '))) {
      pageNumbers.push(line);
      // A page number sits between two pages: what follows it starts after a break.
      page = true;
      return;
    }
    if (RULE.test(raw)) {
      rules.push(line);
      rule = true;
      return;
    }
    lines.push(line);
    blank = false;
    page = false;
    rule = false;
  });
  return { lines, pageNumbers, rules };
}
