import { numeralValue } from '../../numerals.ts';
import type { Block, Marker } from './blocks.ts';
import { unplace, type Context } from './context.ts';
import { joinText, printedSpacing, width } from './lines.ts';
import { bracketedName, LEAD, misreadBrackets, NOT_SOURCE, SOURCE_AT_END, TERMINAL, TITLE_PUNCTUATION } from './patterns.ts';
import type { RecognizedArticle, RecognizedSection } from './types.ts';

/**
 * The third stage: blocks assembled into sections and articles by a small state machine. A title is
 * a short unpunctuated block followed by text; a lead item opens with a phrase pair (国防教育，入脑入行。);
 * text after a page break that ended mid-sentence continues its paragraph.
 */

// A photo's caption (图为活动现场) is text of its article, never a title.
const CAPTION = /^[▲△↑]?\s*[（(]?\s*(?:图为|图片|图：|图:|摄影|照片)/u;
const MAX_TITLE = 50;
// Two lines joined into a longer title than this may be two titles.
const LONG_TITLE = 36;
const MAX_SECTION = 10;
const SYMBOL = /^[^\w\s]$/u;
const ORDERED = new Set(['cn', 'paren-cn', 'arabic', 'paren-arabic']);

/** The number a marker counts: 一、 → 1, （三） → 3, 2． → 2. */
function ordinal(marker: Marker): number {
  return numeralValue(marker.text.replace(/[（()）、.．]/gu, ''));
}

function isTitleText(block: Block | undefined, least = 4): boolean {
  if (block?.role !== 'text') return false;
  const size = width(block.text);
  return size >= (block.marker ? 2 : least) && size <= MAX_TITLE && !TITLE_PUNCTUATION.test(block.text) && !CAPTION.test(block.text);
}

/** A short line ending in ？ or ！ and nothing else punctuated: a title asking or calling (如何落实“双减”？), or a short paragraph. */
function callingTitle(block: Block | undefined): boolean {
  if (block?.role !== 'text' || !/[？！?!]$/u.test(block.text)) return false;
  const size = width(block.text);
  return size >= 5 && size <= 24 && !TITLE_PUNCTUATION.test(block.text.slice(0, -1)) && !CAPTION.test(block.text);
}

/** Which blocks are section headings where no 【】 marks them: a marker kind whose short headings head titles, or short unmarked lines above titles. */
function sectionHeads(blocks: readonly Block[]): Set<number> {
  const heads = new Set<number>();
  if (blocks.some((block) => block.role === 'section')) {
    blocks.forEach((block, index) => {
      if (block.role === 'section') heads.add(index);
      // A parenthesised line that opens the body, with a title under it, sources nothing: a heading whose
      // brackets a scan misread （市局工作）.
      if (block.role === 'source' && index === 0 && /^[（(][^：:]+[)）]$/u.test(block.text) && isTitleText(blocks[index + 1]))
        heads.add(index);
    });
    return heads;
  }
  // An editor's note may stand between a section heading and its first title.
  const skipNote = (index: number) => (blocks[index]?.role === 'note' ? index + 1 : index);
  const headsTitle = (index: number) => isTitleText(blocks[skipNote(index + 1)]) && blocks[skipNote(index + 1) + 1]?.role !== undefined;
  const types = [...new Set(blocks.filter((block) => block.marker && isTitleText(block, 2)).map((block) => block.marker!.type))];
  for (const type of types) {
    const marked = blocks.flatMap((block, index) => (block.marker?.type === type && isTitleText(block, 2) ? [index] : []));
    const short = marked.every((index) => width(blocks[index]!.text) <= MAX_SECTION);
    if (short && marked.some(headsTitle)) {
      marked.forEach((index) => heads.add(index));
      return heads;
    }
  }
  const unmarked = blocks.flatMap((block, index) =>
    !block.marker && isTitleText(block, 2) && width(block.text) <= 8 && headsTitle(index) && !isTitleText(blocks[skipNote(index + 1) + 1])
      ? [index]
      : [],
  );
  if (unmarked.length >= 2) unmarked.forEach((index) => heads.add(index));
  return heads;
}

function lastChars(joined: string, tail: string): string {
  const at = joined.length - tail.length;
  return `${joined.slice(Math.max(0, at - 6), at)}|${tail.slice(0, 6)}…`;
}

function firstLine(block: Block): number {
  return block.lines[0]!.no;
}

/** Assembles the body's blocks into sections of articles; credit lines found among them go to `credits`. */
export function assemble(blocks: readonly Block[], context: Context, credits: string[]): RecognizedSection[] {
  const { decisions, warnings } = context;
  const heads = sectionHeads(blocks);
  const sections: RecognizedSection[] = [];
  let section: RecognizedSection | undefined;
  let article: RecognizedArticle | undefined;
  let pendingNote: Block | undefined;
  // True while the last paragraph stops mid-sentence: the next block continues it (a page-break split).
  let open = false;
  // The marker kind of the current article's title, and of the sub-headings found in it.
  let titleMarker: string | undefined;
  let subheadings: string | undefined;

  const dropMarker = (block: Block) => {
    if (!block.marker) return;
    context.droppedMarkers.add(firstLine(block));
  };
  // Where each titled article's title stands, to name it when the article ends without text.
  const titleLines = new Map<RecognizedArticle, number>();
  const closeArticle = () => {
    if (article?.kind === 'titled' && !article.paragraphs.length) {
      warnings.push(`unsure: line ${titleLines.get(article)}: the title "${article.title}" has no text under it`);
    }
    if (!article || article.source !== undefined) return;
    const last = article.paragraphs.at(-1);
    const match = last === undefined ? null : SOURCE_AT_END.exec(last);
    if (match && !NOT_SOURCE.test(match[2]!)) {
      article.paragraphs[article.paragraphs.length - 1] = match[1]!;
      article.source = match[2]!;
      decisions.push(
        `took "${match[2]}" at the end of the last paragraph as the source of "${article.title || article.paragraphs[0]!.slice(0, 12)}"`,
      );
    }
  };
  const startArticle = (next: RecognizedArticle, block: Block) => {
    closeArticle();
    if (!section) {
      section = { name: '', articles: [] };
      sections.push(section);
    }
    if (pendingNote) {
      next.note = pendingNote.text;
      next.noteBefore = true;
      pendingNote = undefined;
    }
    dropMarker(block);
    section.articles.push(next);
    article = next;
  };
  const hasSections = heads.size > 0;
  // What fits no article stays where it stood, an item of its own for the editor to look at; before the
  // first section heading there is no place for it in the file, and it is reported as unplaced.
  const standAlone = (block: Block, text: string, why: string) => {
    if (!section && hasSections) {
      unplace(context, block.lines, text);
      warnings.push(`unsure: line ${firstLine(block)}: ${why}, before the first section heading: "${text}" was not placed`);
      return;
    }
    startArticle({ kind: 'untitled', title: '', paragraphs: [text] }, block);
    warnings.push(`unsure: line ${firstLine(block)}: ${why}: "${text}" was kept as an item of its own; check it`);
  };

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    const text = block.text;
    if (heads.has(i)) {
      if (open) warnings.push(`unsure: line ${firstLine(block)}: the paragraph before the section "${text}" ends mid-sentence`);
      closeArticle();
      dropMarker(block);
      const misread = block.role === 'source' || misreadBrackets(text);
      const name = block.role === 'section' ? bracketedName(text)! : block.role === 'source' ? text.slice(1, -1).trim() : text;
      if (misread) {
        warnings.push(
          `unsure: line ${firstLine(block)}: "${text}" stands where a section heading stands; it was taken as the section 【${name}】 (its brackets read otherwise): check it`,
        );
      }
      // Printed otherwise than 【name】, the heading is written as a section and printed back in 【】.
      if (text !== `【${name}】` || block.marker) context.plainSections.set(firstLine(block), name);
      section = { name, articles: [] };
      sections.push(section);
      article = undefined;
      open = false;
      continue;
    }
    if (block.role === 'image') {
      if (article) article.paragraphs.push(text);
      else standAlone(block, text, 'an image before any article');
      continue;
    }
    if (block.role === 'credit') {
      credits.push(printedText(block));
      open = false;
      continue;
    }
    if (block.role === 'source') {
      if (article && article.source === undefined && article.paragraphs.length) {
        article.source = printedText(block);
      } else if (article && article.source === undefined) {
        // Right under a title it is the byline: the article's first line, as printed.
        const byline = printedText(block);
        article.paragraphs.push(byline);
        decisions.push(`kept "${byline}" under "${article.title || 'an item'}" as its byline, its first paragraph`);
      } else standAlone(block, printedText(block), 'a line like a source that follows no article text');
      open = false;
      continue;
    }
    if (block.role === 'note') {
      if (article && !article.paragraphs.length && article.note === undefined) article.note = text;
      else {
        const earlier = pendingNote;
        pendingNote = undefined;
        if (earlier) standAlone(earlier, earlier.text, "an editor's note followed by another, not by an article");
        pendingNote = block;
      }
      open = false;
      continue;
    }
    // A list after the line that introduces it (…提出三点要求：| 1．…): each item is a paragraph of its own.
    const listItem = block.marker !== undefined && ORDERED.has(block.marker.type) && /[：:]$/u.test(article?.paragraphs.at(-1) ?? '');
    if (open && article && !listItem) {
      const paragraphs = article.paragraphs;
      paragraphs[paragraphs.length - 1] = joinText(paragraphs.at(-1)!, paragraphText(block));
      const where = block.lines[0]!.breakBefore ? 'split by a page break' : 'that stopped mid-sentence';
      decisions.push(`joined a paragraph ${where} at "${lastChars(paragraphs.at(-1)!, paragraphText(block))}"`);
      open = !TERMINAL.test(text) && !CAPTION.test(text);
      continue;
    }
    if (!section && hasSections) {
      unplace(context, block.lines);
      warnings.push(`unsure: line ${firstLine(block)}: "${text.slice(0, 20)}…" stands before the first section heading and was not placed`);
      continue;
    }
    const followedByBody = next !== undefined && !heads.has(i + 1) && next.role !== 'image';
    // Numbered headings inside an article whose own title is not numbered so (一、建立问题清单): its sub-headings.
    const ordered = block.marker !== undefined && ORDERED.has(block.marker.type) && isTitleText(block);
    const within = article?.kind === 'titled' && article.source === undefined && article.paragraphs.length > 0;
    if (ordered && within && titleMarker !== block.marker!.type && (subheadings === block.marker!.type || ordinal(block.marker!) === 1)) {
      if (subheadings !== block.marker!.type) {
        warnings.push(
          `unsure: line ${firstLine(block)}: "${block.marker!.text}${text}" and the headings numbered like it were kept as sub-headings of "${article!.title}", not taken as articles`,
        );
      }
      subheadings = block.marker!.type;
      article!.paragraphs.push(paragraphText(block));
      continue;
    }
    const calling = callingTitle(block) && followedByBody && next.role === 'text' && !isTitleText(next) && !LEAD.test(text);
    if (calling) {
      warnings.push(
        `unsure: line ${firstLine(block)}: "${text}" ends like a sentence but stands alone like a title; it was taken as a title`,
      );
    }
    if ((isTitleText(block) || calling) && followedByBody) {
      // A short fragment right before a page number is more likely a paragraph's first words than a title.
      if (block.pageAfter && next.role === 'text' && !isTitleText(next) && !LEAD.test(next.text)) {
        warnings.push(
          `unsure: line ${firstLine(block)}: "${text}" stands right before a page number; it was joined to the paragraph after the page break, not taken as a title`,
        );
        if (!article || article.source !== undefined) {
          startArticle({ kind: 'untitled', title: '', paragraphs: [] }, block);
        }
        article!.paragraphs.push(paragraphText(block));
        open = true;
        continue;
      }
      const titled: RecognizedArticle = { kind: 'titled', title: text, paragraphs: [] };
      // A title wrapped over two lines arrives as two blocks; its second line may be a single character.
      const after = blocks[i + 2];
      // A second line right before a page number, with text going on after it, starts the article's first paragraph instead.
      const fragment = next.pageAfter && blocks[i + 2]?.role === 'text' && !isTitleText(blocks[i + 2]);
      const tail = next.role === 'text' && !next.marker && !TITLE_PUNCTUATION.test(next.text) && !fragment;
      if (tail && after && !heads.has(i + 2) && width(joinText(text, next.text)) <= MAX_TITLE) {
        titled.title = joinText(text, next.text);
        if (width(titled.title) > LONG_TITLE) {
          warnings.push(
            `unsure: line ${firstLine(block)}: "${text}" and the line after it were joined as one title of ${width(titled.title)} characters`,
          );
        } else decisions.push(`joined a title printed over two lines: "${titled.title}"`);
        i++;
      }
      startArticle(titled, block);
      titleLines.set(titled, firstLine(block));
      titleMarker = block.marker?.type;
      subheadings = undefined;
      open = false;
      continue;
    }
    const lead = LEAD.exec(text);
    if (lead && (!article || article.kind !== 'titled' || article.source !== undefined)) {
      startArticle({ kind: 'lead', title: lead[1]!, paragraphs: [lead[2]!] }, block);
      open = !TERMINAL.test(text) && !CAPTION.test(text);
      continue;
    }
    if (lead && parallel(lead[1]!))
      warnings.push(
        `line ${firstLine(block)}: "${lead[1]}" starts like a lead phrase but follows a titled article; kept as a paragraph of "${article!.title}"`,
      );
    const item = block.marker !== undefined && SYMBOL.test(block.marker.type) && (!article || article.kind === 'untitled');
    if (!article || article.source !== undefined || item) {
      startArticle({ kind: 'untitled', title: '', paragraphs: [] }, block);
      if (!item) {
        warnings.push(
          `line ${firstLine(block)}: an item without a title${section!.name ? ` in 【${section!.name}】` : ''}: "${text.slice(0, 16)}…"`,
        );
      }
      article!.paragraphs.push(text);
    } else {
      article.paragraphs.push(paragraphText(block));
    }
    open = !TERMINAL.test(text) && !CAPTION.test(text);
  }
  closeArticle();
  if (pendingNote) {
    const note = pendingNote;
    pendingNote = undefined;
    standAlone(note, note.text, "an editor's note followed by no article");
  }
  if (open) warnings.push('unsure: the last paragraph of the body ends mid-sentence');
  return sections;
}

/** A phrase pair of matching halves (国防教育，入脑入行。): how lead items are printed, rarer in plain prose. */
function parallel(phrase: string): boolean {
  const [first = '', second = ''] = phrase.replace(/[。！!]$/u, '').split(/[，,]/u);
  return width(first) >= 3 && width(first) <= 7 && Math.abs(width(first) - width(second)) <= 1;
}

/** A block's lines as printed, their gaps kept (credits, sources, bylines). */
function printedText(block: Block): string {
  return block.lines.map((line) => printedSpacing(line.raw)).join('');
}

/** A block as paragraph text: a marker that opens a paragraph (一、 in 一、加强领导。…) is text. */
function paragraphText(block: Block): string {
  return block.marker ? `${block.marker.text}${block.text}` : block.text;
}
