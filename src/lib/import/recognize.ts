import { parseChineseDate } from '../dates.ts';

/**
 * Reads the text of a printed bulletin (as extracted from Word, PDF or a text file) and recognises
 * its parts: masthead, sections, titled / lead-phrase / untitled articles, the closing block and the
 * print line. Page-break splits and hard wraps are healed; page-number lines are dropped; what fits
 * nowhere is reported, never silently lost.
 */

/** How an article's title is printed. */
export type RecognizedKind = 'titled' | 'lead' | 'untitled';

/** One article as recognised. */
export interface RecognizedArticle {
  /** titled, lead (a phrase run into the first paragraph) or untitled. */
  kind: RecognizedKind;
  /** The printed title; a lead phrase with its closing 。; empty for an untitled item. */
  title: string;
  /** Paragraphs in order; for a lead article the first is the text after the phrase. Image lines are IMAGE_MARK + file name. */
  paragraphs: string[];
}

/** One section as recognised. */
export interface RecognizedSection {
  /** The name between 【】. */
  name: string;
  /** Articles in order. */
  articles: RecognizedArticle[];
}

/** Everything recognised in one bulletin. */
export interface RecognizedIssue {
  /** 内部刊物 注意保存 …, if printed. */
  classification?: string;
  /** The masthead title lines as printed (letter spacing kept). */
  mastheadLines: string[];
  /** 第N期. */
  number: number;
  /** Last number of a combined issue (第12-13期). */
  numberEnd?: number;
  /** 增刊. */
  supplement: boolean;
  /** 总第N期. */
  totalNumber?: number;
  /** Issuing office under the number. */
  office?: string;
  /** Issue date, ISO. */
  date: string;
  /** Sections in order. */
  sections: RecognizedSection[];
  /** 报 / 送 / 发 … in order. */
  distribution: { label: string; recipients: string[] }[];
  /** The print line. */
  printed?: { by?: string; date: string; copies?: number };
}

/** The result of recognising one bulletin. */
export interface Recognition {
  /** What was recognised. */
  issue: RecognizedIssue;
  /** What the importer decided on its own: healed page breaks, titles joined over two lines. */
  decisions: string[];
  /** What it was unsure of: worth an editor's look. */
  warnings: string[];
  /** Source lines that fit nowhere (empty for a clean import). */
  unplaced: string[];
  /** Lines dropped as page numbers (— 2 —). */
  pageNumbers: string[];
}

/** A bulletin that cannot be imported: what is missing, in words for the editor. */
export class RecognitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecognitionError';
  }
}

/** Starts a line that stands for an image (followed by its file name); never occurs in real text. */
export const IMAGE_MARK = '\uE000image:';

const PAGE_NUMBER =
  /^(?:[-—–－‒―~～\s]*\d{1,3}[-—–－‒―~～\s]*|第\s*\d{1,3}\s*页(?:\s*[，,/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/u;
const CLASSIFICATION = /注意保存|注意保管|妥善保管|内部(?:刊物|资料|材料|文件|参阅)|^(?:秘密|机密|绝密)/u;
const NUMBER = /^(增\s*刊)?\s*(?:第\s*(\d{1,4})\s*(?:[-—－–~～]\s*(\d{1,4})\s*)?期)?\s*(?:[（(]\s*总\s*第\s*(\d{1,5})\s*期\s*[)）])?$/u;
const TOTAL = /^[（(]\s*总\s*第\s*(\d{1,5})\s*期\s*[)）]$/u;
const DATE_AT_END = /(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*$/u;
const SECTION = /^[【〖[]\s*([^】〗\]]{1,20}?)\s*[】〗\]]$/u;
const LABEL = /^(报|送|发|抄送|抄报|主送|分送|印送|报送)\s*[：:]\s*(.*)$/u;
const LABEL_SPLIT = /\s{2,}(?=(?:报|送|发|抄送|抄报|主送|分送|印送|报送)\s*[：:])/u;
const PRINT = /^(.*?)\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印\s*发\s*(?:[（(]?\s*共\s*印\s*(\d+)\s*份\s*[)）]?)?$/u;
const COPIES = /^[（(]?\s*共\s*印\s*(\d+)\s*份\s*[)）]?$/u;
const TERMINAL = /[。！？!?…；;”’」』）)》]$/u;
const TITLE_PUNCTUATION = /[，。；：！？,;:!?]/u;
const LEAD = /^([^，。！？,!?\s]{2,10}[，,][^，。！？,!?\s]{2,10}[。！!])\s*(\S[\s\S]*)$/u;
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’]/u;
const MAX_TITLE = 50;

interface Line {
  text: string;
  /** A blank line stands before this one. */
  blankBefore: boolean;
  /** A blank line or a page-number line stands before this one. */
  breakBefore: boolean;
}

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

/** Splits a recipient list on 、, but not inside brackets: 各县（市、区）教育局 stays one recipient. */
export function splitRecipients(text: string): string[] {
  const recipients: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if ('（(【[《〈“'.includes(char)) depth++;
    else if ('）)】]》〉”'.includes(char)) depth = Math.max(0, depth - 1);
    if (char === '、' && depth === 0) {
      recipients.push(current.trim());
      current = '';
    } else current += char;
  }
  recipients.push(current.trim());
  return recipients.filter(Boolean);
}

/** Joins two pieces of one paragraph: directly between Chinese text, with a space between Latin words. */
function joinText(a: string, b: string): string {
  if (!a) return b;
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : `${a}${b}`;
}

function toLines(text: string, pageNumbers: string[]): Line[] {
  const lines: Line[] = [];
  let blank = true;
  let page = false;
  for (const raw of text.split('\n')) {
    const trimmed = raw.replace(/[\u00a0\u3000]/g, ' ').trim();
    if (!trimmed) {
      blank = true;
      continue;
    }
    if (PAGE_NUMBER.test(trimmed)) {
      pageNumbers.push(trimmed);
      // A page number sits between two pages: what follows it starts after a break.
      page = true;
      continue;
    }
    lines.push({ text: trimmed, blankBefore: blank, breakBefore: blank || page });
    blank = false;
    page = false;
  }
  return lines;
}

interface Masthead {
  fields: Omit<RecognizedIssue, 'sections' | 'distribution' | 'printed'>;
  bodyStart: number;
}

function parseNumber(text: string): { number?: number; numberEnd?: number; supplement: boolean; totalNumber?: number } | undefined {
  const match = NUMBER.exec(closeCjkSpacing(text));
  if (!match || (!match[1] && !match[2])) return undefined;
  return {
    supplement: Boolean(match[1]),
    ...(match[2] !== undefined && { number: Number(match[2]) }),
    ...(match[3] !== undefined && { numberEnd: Number(match[3]) }),
    ...(match[4] !== undefined && { totalNumber: Number(match[4]) }),
  };
}

function readMasthead(lines: Line[], warnings: string[]): Masthead {
  const numberAt = lines.slice(0, 15).findIndex((line) => parseNumber(line.text) !== undefined);
  if (numberAt < 0) throw new RecognitionError('no issue number (第N期, 第12-13期 or 增刊) in the first lines of the masthead');
  const number = parseNumber(lines[numberAt]!.text)!;
  let classification: string | undefined;
  const mastheadLines: string[] = [];
  for (const line of lines.slice(0, numberAt)) {
    if (classification === undefined && CLASSIFICATION.test(line.text)) classification = line.text;
    else mastheadLines.push(line.text);
  }
  let next = numberAt + 1;
  const total = TOTAL.exec(closeCjkSpacing(lines[next]?.text ?? ''));
  if (total) {
    number.totalNumber = Number(total[1]);
    next++;
  }
  const officeParts: string[] = [];
  let date: string | undefined;
  for (let i = next; i < Math.min(lines.length, next + 4); i++) {
    const text = lines[i]!.text;
    const match = DATE_AT_END.exec(text);
    const found = match && parseChineseDate(match[1]!);
    if (found) {
      date = found;
      const before = text.slice(0, match.index).trim();
      if (before) officeParts.push(before);
      next = i + 1;
      break;
    }
    officeParts.push(text);
  }
  if (!date) throw new RecognitionError('no issue date (2022年7月28日) under the issue number in the masthead');
  if (number.number === undefined) {
    warnings.push('the supplement (增刊) prints no number; it was numbered 1');
  }
  if (!mastheadLines.length) warnings.push('no series title above the issue number');
  const office = officeParts.join('');
  return {
    fields: {
      ...(classification !== undefined && { classification }),
      mastheadLines,
      number: number.number ?? 1,
      ...(number.numberEnd !== undefined && { numberEnd: number.numberEnd }),
      supplement: number.supplement,
      ...(number.totalNumber !== undefined && { totalNumber: number.totalNumber }),
      ...(office && { office }),
      date,
    },
    bodyStart: next,
  };
}

function isClosingLine(text: string): boolean {
  return LABEL.test(text) || PRINT.test(closeCjkSpacing(text)) || COPIES.test(closeCjkSpacing(text));
}

/** The first line of the closing block: the first 报/送/发 or print line after which no section follows. */
function closingStart(lines: Line[], from: number): number {
  let lastSection = from - 1;
  lines.forEach((line, index) => {
    if (index >= from && SECTION.test(closeCjkSpacing(line.text))) lastSection = index;
  });
  for (let i = Math.max(from, lastSection + 1); i < lines.length; i++) if (isClosingLine(lines[i]!.text)) return i;
  return lines.length;
}

function readClosing(lines: Line[], issue: RecognizedIssue, unplaced: string[], warnings: string[]): void {
  let current: { label: string; text: string } | undefined;
  const entries: { label: string; text: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let text = closeCjkSpacing(line.text);
    // A print line wrapped over two lines reads whole once joined (unless the next line is a whole print line itself).
    const following = lines[i + 1] ? closeCjkSpacing(lines[i + 1]!.text) : undefined;
    const joined =
      following !== undefined && !LABEL.test(line.text) && !PRINT.test(text) && !PRINT.test(following)
        ? joinText(text, following)
        : undefined;
    if (joined !== undefined && PRINT.test(joined)) {
      text = joined;
      i++;
    }
    const print = PRINT.exec(text);
    const copies = COPIES.exec(text);
    if (print) {
      const date = parseChineseDate(print[2]!);
      if (!date) {
        unplaced.push(line.text);
        warnings.push(`print line with an impossible date: "${line.text}"`);
        continue;
      }
      issue.printed = { ...(print[1] && { by: print[1] }), date, ...(print[3] && { copies: Number(print[3]) }) };
      current = undefined;
    } else if (copies && issue.printed) {
      issue.printed.copies = Number(copies[1]);
    } else if (LABEL.test(line.text)) {
      for (const part of line.text.split(LABEL_SPLIT)) {
        const match = LABEL.exec(part)!;
        current = { label: match[1]!, text: closeCjkSpacing(match[2] ?? '') };
        entries.push(current);
      }
    } else if (current) {
      current.text = joinText(current.text, text);
    } else {
      unplaced.push(line.text);
    }
  }
  issue.distribution = entries.map((entry) => ({
    label: entry.label,
    recipients: splitRecipients(entry.text),
  }));
  for (const entry of issue.distribution) {
    if (!entry.recipients.length) warnings.push(`"${entry.label}：" names no recipient`);
  }
}

/** A paragraph-sized piece of the body before sections and articles are decided. */
interface Block {
  text: string;
}

/**
 * The width at which a text was hard-wrapped, if it was: the length most of its prose lines share
 * (give or take one character), on lines that mostly stop mid-sentence. Titles (no punctuation) do not
 * count, so a few titles of equal length are no evidence. Text with one paragraph a line has none.
 */
export function wrapWidth(lines: readonly string[]): number | undefined {
  const prose = lines.filter((line) => [...line].length >= 8 && /[，、；,;]/u.test(line));
  const sizes = [...new Set(prose.map((line) => [...line].length))].sort((a, b) => b - a);
  for (const size of sizes) {
    const near = prose.filter((line) => [...line].length >= size - 1 && [...line].length <= size);
    const stopping = near.filter((line) => TERMINAL.test(line)).length;
    if (near.length >= 4 && near.length >= prose.length * 0.4 && stopping <= near.length / 2) return size - 1;
  }
  return undefined;
}

/** True when paragraphs are set apart by blank lines (text with one paragraph a line has next to none). */
function blankSeparated(lines: readonly Line[]): boolean {
  const gaps = lines.slice(1).filter((line) => line.blankBefore).length;
  return gaps >= 2 && gaps >= (lines.length - 1) * 0.2;
}

function toBlocks(lines: Line[]): Block[] {
  const texts = lines.map((line) => closeCjkSpacing(line.text));
  const structural = (text: string) => isImage(text) || SECTION.test(text);
  const width = wrapWidth(texts.filter((text) => !structural(text)));
  const runs = width === undefined && blankSeparated(lines);
  const blocks: Block[] = [];
  let last = '';
  lines.forEach((line, index) => {
    const text = texts[index]!;
    const previous = blocks.at(-1);
    // Hard-wrapped text: a full line goes on in the next one. Blank-separated text: a run of lines is one block.
    const continues = width !== undefined ? [...last].length >= width : runs;
    if (previous && !line.breakBefore && continues && !structural(text) && !structural(last)) {
      previous.text = joinText(previous.text, text);
    } else {
      blocks.push({ text });
    }
    last = text;
  });
  return blocks;
}

function isImage(text: string): boolean {
  return text.startsWith(IMAGE_MARK);
}

function isTitleText(text: string): boolean {
  return text.length >= 4 && text.length <= MAX_TITLE && !TITLE_PUNCTUATION.test(text) && !isImage(text) && !SECTION.test(text);
}

function readBody(blocks: Block[], decisions: string[], warnings: string[], unplaced: string[]): RecognizedSection[] {
  const sections: RecognizedSection[] = [];
  let section: RecognizedSection | undefined;
  let article: RecognizedArticle | undefined;
  // True while the last paragraph stops mid-sentence: the next block continues it (a page-break split).
  let open = false;

  for (let i = 0; i < blocks.length; i++) {
    const { text } = blocks[i]!;
    const next = blocks[i + 1];
    const sectionMatch = SECTION.exec(text);
    if (sectionMatch) {
      if (open) warnings.push(`the paragraph before 【${sectionMatch[1]}】 ends mid-sentence`);
      section = { name: sectionMatch[1]!.trim(), articles: [] };
      sections.push(section);
      article = undefined;
      open = false;
      continue;
    }
    if (isImage(text)) {
      if (article) article.paragraphs.push(text);
      else unplaced.push(`image ${text.slice(IMAGE_MARK.length)} outside an article`);
      continue;
    }
    if (open && article) {
      const paragraphs = article.paragraphs;
      paragraphs[paragraphs.length - 1] = joinText(paragraphs.at(-1)!, text);
      decisions.push(`joined a paragraph split by a page break at "${lastChars(paragraphs.at(-1)!, text)}"`);
      open = !TERMINAL.test(text);
      continue;
    }
    if (!section) {
      unplaced.push(text);
      continue;
    }
    const followedByBody = next !== undefined && !SECTION.test(next.text) && !isImage(next.text);
    if (isTitleText(text) && followedByBody) {
      article = { kind: 'titled', title: text, paragraphs: [] };
      // A title wrapped over two lines arrives as two blocks; its second line may be a single character.
      const after = blocks[i + 2];
      const rest = next?.text ?? '';
      const titleTail = !TITLE_PUNCTUATION.test(rest) && !isImage(rest) && !SECTION.test(rest);
      if (next && titleTail && after && !SECTION.test(after.text) && joinText(text, rest).length <= MAX_TITLE) {
        article.title = joinText(text, next.text);
        decisions.push(`joined a title printed over two lines: "${article.title}"`);
        i++;
      }
      section.articles.push(article);
      open = false;
      continue;
    }
    const lead = LEAD.exec(text);
    if (lead && (!article || article.kind === 'lead')) {
      article = { kind: 'lead', title: lead[1]!, paragraphs: [lead[2]!] };
      section.articles.push(article);
      open = !TERMINAL.test(text);
      continue;
    }
    if (lead)
      warnings.push(`"${lead[1]}" starts like a lead phrase but follows a titled article; kept as a paragraph of "${article!.title}"`);
    if (!article) {
      article = { kind: 'untitled', title: '', paragraphs: [] };
      section.articles.push(article);
      warnings.push(`an item without a title in 【${section.name}】: "${text.slice(0, 16)}…"`);
    }
    article.paragraphs.push(text);
    open = !TERMINAL.test(text);
  }
  if (open) warnings.push('the last paragraph of the body ends mid-sentence');
  return sections;
}

function lastChars(joined: string, tail: string): string {
  const at = joined.length - tail.length;
  return `${joined.slice(Math.max(0, at - 6), at)}|${tail.slice(0, 6)}…`;
}

/** Recognises a bulletin's parts in its extracted text. Throws RecognitionError when the number or date is missing. */
export function recognizeBulletin(text: string): Recognition {
  const decisions: string[] = [];
  const warnings: string[] = [];
  const unplaced: string[] = [];
  const pageNumbers: string[] = [];
  const lines = toLines(text, pageNumbers);
  if (!lines.length) throw new RecognitionError('no text at all');
  const masthead = readMasthead(lines, warnings);
  const closingAt = closingStart(lines, masthead.bodyStart);
  const issue: RecognizedIssue = { ...masthead.fields, sections: [], distribution: [] };
  issue.sections = readBody(toBlocks(lines.slice(masthead.bodyStart, closingAt)), decisions, warnings, unplaced);
  if (!issue.sections.length) throw new RecognitionError('no section headings (【…】) in the body: every article must sit in a section');
  for (const section of issue.sections) {
    if (!section.articles.length) throw new RecognitionError(`section 【${section.name}】 has no article under it`);
  }
  readClosing(lines.slice(closingAt), issue, unplaced, warnings);
  if (pageNumbers.length) decisions.push(`dropped ${pageNumbers.length} page-number line${pageNumbers.length > 1 ? 's' : ''}`);
  return { issue, decisions, warnings, unplaced, pageNumbers };
}
