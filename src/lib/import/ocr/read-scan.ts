/**
 * A scan's OCR boxes to the bulletin's text, for the same recognition as a text file: each page set
 * level (its tilt measured from the boxes), specks the engine read as dots dropped, boxes joined into
 * lines and lines into paragraphs by their positions (the layout of a PDF's text layer), punctuation
 * the layout proves restored, and every line the engine was unsure of reported with its page and line.
 */
import { LABEL, TERMINAL } from '../recognize/patterns.ts';
import { layOut, SPREAD_GAP, type PlacedLine } from '../layout.ts';
import type { OcrBox, OcrChar, Point } from './engine.ts';
import type { PrintedPage } from '../../archive/regions.ts';

/** A character read below this confidence makes its line an `unsure:` warning. */
export const UNSURE_CONFIDENCE = 0.95;
/** A dot or mark read below this confidence, where no text has one, is taken for a speck. */
const SPECK_CONFIDENCE = 0.8;
/** What specks and dirt are read as. */
const SPECK = /^[·•.．:;'`,"●○◦°，、。]$/u;
/** Of those, the ones Chinese prose has only doubled or between digits (7·20, 3.5). */
const FOREIGN_MARK = /^[·•.:;'`,"●○◦°]$/u;
/** Dots that never stand beside punctuation or at a line's end in Chinese prose, however clearly read. */
const DOT = /^[·•.`'°]$/u;
const MARK = /^[\p{P}\p{S}]$/u;
/** Closing brackets. */
const CLOSING = /^[）)】〕》」』]$/u;
/** Stops: no two stand side by side in Chinese prose. */
const STOP = /^[，。、；：！？,.;:!?]$/u;
/** ASCII marks the engine reads for the full-width ones Chinese print sets beside Chinese. */
const FULL_WIDTH: Record<string, string> = { '(': '（', ')': '）', ',': '，', ':': '：', ';': '；', '?': '？', '!': '！' };
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’]/u;
/** What 日 is misread as where it closes a date. */
const DAY_MISREAD = /^[HhＨ曰目]$/u;
/** What 〇 is misread as between two Chinese numerals (第一〇七). */
const ROUND = /^[●○◯Oo0]$/u;
const CHINESE_NUMERAL = /^[〇零一二三四五六七八九十百千]$/u;
const HAN = /\p{Script=Han}/u;
/** A gap between two Han characters of this many character widths is a printed space. */
const SPACE = 1.28;
/** Text is set justified when this share of the lines that run on end at the right edge, within a quarter character (measured: 0.91 justified, 0.73 ragged). */
const JUSTIFIED = 0.8;
/** A page with at least this many lines, and this share of its lines, in two parts far apart looks set in two columns. */
const TWO_COLUMNS = { lines: 8, share: 0.4 };
/** In justified prose, a gap of this many widths is a character the engine missed. */
const MISSING = 1.7;

/** One page of a scan as the engine read it. */
export interface ScanPage {
  /** 1-based page number. */
  page: number;
  /** The text runs found on it. */
  boxes: OcrBox[];
  /** How far the page was turned (clockwise, in degrees) to be read upright, where it lay otherwise. */
  turned?: number;
  /** The size of the upright image the boxes were read on, in its pixels; where known, the reading gives the page's printed lines. */
  width?: number;
  height?: number;
}

/** The text read from a scan, with what the reading decided and was unsure of. */
export interface ScanReading {
  /** The bulletin's text, one paragraph per line, as the recognizer reads it. */
  text: string;
  /** For each line of `text` (index = line number − 1): where it starts in the scan, "page 2, line 7"; '' for a blank line. */
  lineNames: string[];
  /** What was decided: pages set level, specks dropped, punctuation restored. */
  decisions: string[];
  /** `unsure:` lines: characters read with low confidence, possible gaps, unbalanced quotes. */
  warnings: string[];
  /** Mean confidence of the characters kept (0–1). */
  confidence: number;
  /** Han characters and digits read. */
  characters: number;
  /** Pages that held text. */
  pages: number;
  /** The scan's lines as read, "page 2, line 7" with its text (page numbers left out), for review. */
  lines: { name: string; text: string }[];
  /** Every page, upright, with the lines kept and their boxes (unlevelled), where the pages' sizes are known: for the 原版 regions. */
  printed?: PrintedPage[];
}

interface ScanLine extends PlacedLine {
  page: number;
  line: number;
  chars: OcrChar[];
  /** Gaps between two Han characters wider than a space: where (the index in `text` after them) and how wide, in character widths. */
  gaps: { at: number; width: number }[];
  /** The line's box on the upright page as read, not levelled: where it is printed. */
  box: { left: number; top: number; right: number; bottom: number };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
};

/** The page's tilt in radians: the median slope of the top edges of its long boxes. */
function tiltOf(boxes: readonly OcrBox[]): number {
  const slopes = boxes
    .map(({ box: [topLeft, topRight, , bottomLeft] }) => ({
      width: topRight[0] - topLeft[0],
      height: bottomLeft[1] - topLeft[1],
      angle: Math.atan2(topRight[1] - topLeft[1], topRight[0] - topLeft[0]),
    }))
    .filter((box) => box.width > box.height * 5);
  return median(slopes.map((slope) => slope.angle));
}

function level(point: Point, angle: number): Point {
  const [x, y] = point;
  return [x * Math.cos(angle) + y * Math.sin(angle), -x * Math.sin(angle) + y * Math.cos(angle)];
}

/** Drops specks read as dots, restores 〇 misread between Chinese numerals; counts both. */
function cleanChars(
  chars: readonly OcrChar[],
  dropped: string[],
  restored: { zeros: number; days: number },
  widened: { count: number },
): OcrChar[] {
  const kept: OcrChar[] = [];
  chars.forEach((char, index) => {
    const before = chars[index - 1]?.char ?? '';
    const after = chars[index + 1]?.char ?? '';
    const numeralBefore = CHINESE_NUMERAL.test(before);
    const numeralAfter = CHINESE_NUMERAL.test(after);
    // A round mark beside a Chinese numeral: 〇 read unsurely (at a line's start or end the other neighbour is on the next line).
    const edge = !before || !after;
    // The digit 0 read with some confidence is printed so: offices type 二0二四 with the digit as often as with 〇.
    const digitZero = char.char === '0' && char.confidence >= SPECK_CONFIDENCE;
    if (
      ROUND.test(char.char) &&
      !digitZero &&
      ((numeralBefore && numeralAfter) || ((numeralBefore || numeralAfter) && edge && char.confidence < SPECK_CONFIDENCE))
    ) {
      restored.zeros++;
      kept.push({ ...char, char: '〇' });
      return;
    }
    const betweenDigits = /\d/u.test(before) && /\d/u.test(after);
    // The engine's own spaces are kept only between Latin words; elsewhere the gaps measured decide.
    if (char.char === ' ') {
      if (/[A-Za-z0-9]/u.test(before) && /[A-Za-z0-9]/u.test(after)) kept.push(char);
      return;
    }
    if (DOT.test(char.char) && !betweenDigits && (!before || !after || MARK.test(before) || MARK.test(after))) {
      dropped.push(char.char);
      return;
    }
    if (char.confidence < SPECK_CONFIDENCE && SPECK.test(char.char)) {
      // Beside another stop (。， ，，): a speck, or the same mark read twice; after a quote or bracket it may be printed (”，).
      const doubled =
        (STOP.test(before) && (chars[index - 1]?.confidence ?? 0) >= char.confidence) ||
        (STOP.test(after) && (chars[index + 1]?.confidence ?? 0) > char.confidence);
      if (!betweenDigits && (FOREIGN_MARK.test(char.char) || doubled)) {
        dropped.push(char.char);
        return;
      }
    }
    // A closing bracket read unsurely at the line's end, right after a stop, with none open before it in the line:
    // dirt past the last character, as the room left around a line lets the engine see it (党组织、）).
    if (CLOSING.test(char.char) && !after && STOP.test(before) && char.confidence < SPECK_CONFIDENCE) {
      if (!chars.slice(0, index).some((c) => /[（(]/u.test(c.char))) {
        dropped.push(char.char);
        return;
      }
    }
    // 日 closing a date is read as H or 曰 now and then (7月28H): a date has only one character there.
    if (DAY_MISREAD.test(char.char) && /\d月\d{1,2}$/u.test(kept.map((each) => each.char).join(''))) {
      restored.days++;
      kept.push({ ...char, char: '日' });
      return;
    }
    const wide = FULL_WIDTH[char.char];
    if (wide && (CJK.test(before) || CJK.test(after)) && !betweenDigits) {
      widened.count++;
      kept.push({ ...char, char: wide });
      return;
    }
    kept.push(char);
  });
  return kept;
}

/** One page's boxes as lines, top to bottom, each with its characters and wide gaps. */
export function pageLines(page: ScanPage, decisions: string[]): ScanLine[] {
  if (page.turned)
    decisions.push(`page ${page.page} lay ${page.turned === 180 ? 'upside down' : 'on its side'}: turned ${page.turned}° to be read`);
  const angle = tiltOf(page.boxes);
  if (Math.abs(angle) >= (0.2 * Math.PI) / 180) {
    decisions.push(`page ${page.page} lay tilted ${((angle * 180) / Math.PI).toFixed(1)}°: its lines were read level`);
  }
  const dropped: string[] = [];
  const restored = { zeros: 0, days: 0 };
  const widened = { count: 0 };
  const runs = page.boxes
    .map(({ box, chars }) => {
      const [topLeft, topRight, bottomRight, bottomLeft] = box.map((point) => level(point, angle)) as [Point, Point, Point, Point];
      const x = Math.min(topLeft[0], bottomLeft[0]);
      const end = Math.max(topRight[0], bottomRight[0]);
      const top = Math.min(topLeft[1], topRight[1]);
      const bottom = Math.max(bottomLeft[1], bottomRight[1]);
      const xs = box.map((point) => point[0]);
      const ys = box.map((point) => point[1]);
      const printed = { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
      return { x, end, top, bottom, printed, chars: cleanChars(chars, dropped, restored, widened) };
    })
    .filter((run) => run.chars.length)
    .sort((a, b) => a.top + a.bottom - (b.top + b.bottom));
  if (dropped.length) decisions.push(`page ${page.page}: dropped ${dropped.length} specks read as ${[...new Set(dropped)].join(' ')}`);
  if (widened.count) decisions.push(`page ${page.page}: set ${widened.count} ASCII marks beside Chinese full-width, as printed`);
  if (restored.zeros) decisions.push(`page ${page.page}: read ${restored.zeros} round marks between Chinese numerals as 〇`);
  if (restored.days)
    decisions.push(`page ${page.page}: read ${restored.days} ${restored.days > 1 ? 'marks' : 'mark'} closing a date (7月28H) as 日`);

  // Runs side by side (the office on the left, the date on the right) make one line.
  const rows: (typeof runs)[] = [];
  for (const run of runs) {
    const row = rows.at(-1);
    const centre = (run.top + run.bottom) / 2;
    const rowCentre = row ? median(row.map((r) => (r.top + r.bottom) / 2)) : 0;
    const height = Math.min(run.bottom - run.top, ...(row ?? []).map((r) => r.bottom - r.top));
    if (row && Math.abs(centre - rowCentre) < height * 0.5) row.push(run);
    else rows.push([run]);
  }
  return rows.map((row, index) => {
    row.sort((a, b) => a.x - b.x);
    let text = '';
    const gaps: ScanLine['gaps'] = [];
    const chars: OcrChar[] = [];
    const pitches: number[] = [];
    let spread = false;
    for (const [r, run] of row.entries()) {
      const before = row[r - 1];
      const far = before !== undefined && run.x - before.end > (run.bottom - run.top) * 2;
      if (far) spread = true;
      // Parts set far apart (the office left, the number right) keep a wide gap, as a text file prints them.
      if (text) text += far ? SPREAD_GAP : ' ';
      const width = run.end - run.x;
      const places = run.chars.map((char) => run.x + char.at * width);
      const steps = places.slice(1).map((place, i) => place - places[i]!);
      const han = steps.filter((_, i) => HAN.test(run.chars[i]!.char) && HAN.test(run.chars[i + 1]!.char));
      if (han.length >= 3) pitches.push(median(han));
      // Too few characters to measure their advance: the ink's height stands for it.
      const pitch = han.length >= 3 ? median(han) : (run.bottom - run.top) / 0.9;
      run.chars.forEach((char, i) => {
        text += char.char;
        chars.push(char);
        const next = run.chars[i + 1];
        if (next && HAN.test(char.char) && HAN.test(next.char) && steps[i]! > pitch * SPACE) {
          gaps.push({ at: [...text].length, width: steps[i]! / pitch });
        }
      });
    }
    return {
      page: page.page,
      line: index + 1,
      text,
      chars,
      gaps,
      spread,
      box: {
        left: Math.min(...row.map((run) => run.printed.left)),
        top: Math.min(...row.map((run) => run.printed.top)),
        right: Math.max(...row.map((run) => run.printed.right)),
        bottom: Math.max(...row.map((run) => run.printed.bottom)),
      },
      x: row[0]!.x,
      end: Math.max(...row.map((run) => run.end)),
      y: median(row.map((run) => (run.top + run.bottom) / 2)),
      // The type size: the advance from one Han character to the next, else the ink's height.
      size: median(pitches) || median(row.map((run) => run.bottom - run.top)) / 0.9,
    };
  });
}

/** The word a recipient's name ends with (…党组织, …办公室, …学校), and how the next one may begin (市, 区, 各 …). */
const RUN_TOGETHER =
  /^(.{2,}?(?:党组织|党支部|党委|办公室|学校|中学|小学|幼儿园|委员会|政府|单位|部门|科室|中心|局|厅|委|部|院|所|处))([市区县省各全乡镇][^、，]{4,}(?:党组织|党支部|党委|办公室|学校|中学|小学|幼儿园|委员会|政府|单位|部门|科室|中心|局|厅|委|部|院|所|处|室))$/u;

/**
 * A recipient that reads as two names run together (…党组织市属各民办学校党组织): the 、 between them may
 * be a mark the scan lost. Returns the two names, or undefined.
 */
export function runTogether(recipient: string): [string, string] | undefined {
  const match = RUN_TOGETHER.exec(recipient);
  return match ? [match[1]!, match[2]!] : undefined;
}

/** Chinese words by ICU's dictionary: the same on every machine with Node's full ICU. */
const WORDS = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/**
 * The word that runs across the end of `before` into `after` (班|子 → 班子), if one does: then the
 * text was split mid-word (a page break in the print it was set from), not at a paragraph's end.
 */
export function wordAcross(before: string, after: string): string | undefined {
  const tail = [...before].slice(-4).join('');
  const head = [...after].slice(0, 4).join('');
  let at = 0;
  for (const { segment, isWordLike } of WORDS.segment(tail + head)) {
    const end = at + segment.length;
    if (isWordLike && at < tail.length && end > tail.length && HAN.test(segment)) return segment;
    at = end;
  }
  return undefined;
}

/** The scan's pages, upright, with the lines kept (in reading order) and their printed boxes. */
function printedPages(pages: readonly ScanPage[], kept: readonly ScanLine[]): PrintedPage[] {
  return pages.map((page) => ({
    width: page.width!,
    height: page.height!,
    turn: page.turned ?? 0,
    lines: kept.filter((line) => line.page === page.page).map((line) => ({ text: line.text, ...line.box })),
  }));
}

const where = (line: ScanLine) => `page ${line.page}, line ${line.line}`;
const insertAt = (text: string, index: number, insert: string) => {
  const chars = [...text];
  chars.splice(index, 0, insert);
  return chars.join('');
};

/** Reads the pages of a scan (in order) into the bulletin's text. */
export function readScan(pages: readonly ScanPage[]): ScanReading {
  const decisions: string[] = [];
  const unsure: { page: number; line: number; message: string }[] = [];
  const warn = (line: ScanLine, message: string) =>
    unsure.push({ page: line.page, line: line.line, message: `${where(line)}: ${message}` });
  const read = pages.map((page) => pageLines(page, decisions));
  read.forEach((lines, index) => {
    if (!lines.length) decisions.push(`page ${pages[index]!.page} holds no text: skipped`);
    // Bulletins are set in one column: a page whose lines are mostly two parts far apart is set in two, and read across both.
    const split = lines.filter((line) => line.spread).length;
    if (split >= TWO_COLUMNS.lines && split >= lines.length * TWO_COLUMNS.share) {
      unsure.push({
        page: pages[index]!.page,
        line: 0,
        message: `page ${pages[index]!.page}: ${split} of its ${lines.length} lines are two parts far apart, as in a page set in two columns; they were read across, left to right: check the order of its text against the scan`,
      });
    }
  });
  const withText = read.filter((lines) => lines.length);
  const { paragraphs, right, decisions: laidOut } = layOut(withText);
  decisions.push(...laidOut);
  const all = withText.flat();
  // Prose set justified fills the text block's right edge on every line but a paragraph's last.
  const runOn = paragraphs.flatMap((paragraph) => paragraph?.slice(0, -1) ?? []);
  const flush = runOn.filter((line) => line.end >= right - line.size * 0.25).length;
  // Too few lines to tell: bulletins are set justified.
  const justified = runOn.length < 8 || flush / runOn.length >= JUSTIFIED;

  const text: string[] = [];
  const lineNames: string[] = [];
  const nextText = (from: number) => paragraphs.slice(from + 1).find((next) => next)?.[0]?.text ?? '';
  for (const [p, paragraph] of paragraphs.entries()) {
    if (!paragraph) {
      text.push('');
      lineNames.push('');
      continue;
    }
    const prose = paragraph.length > 1 && /[，。；]/u.test(paragraph.map((line) => line.text).join('')) && !LABEL.test(paragraph[0]!.text);
    let open = 0;
    const parts = paragraph.map((line, index) => {
      let part = line.text;
      // In prose set justified, a wide gap inside a line is a character the engine missed; elsewhere it is a printed space.
      for (const gap of [...line.gaps].reverse()) {
        if (!prose) part = insertAt(part, gap.at, ' ');
        else if (gap.width > MISSING) {
          const chars = [...part];
          warn(
            line,
            `a character may be missing between "${chars[gap.at - 1]}" and "${chars[gap.at]}" (a gap in the line): "${line.text}"`,
          );
        }
      }
      open += (part.match(/“/gu) ?? []).length - (part.match(/”/gu) ?? []).length;
      const last = index === paragraph.length - 1;
      if (justified && prose && !last && line.end < right - line.size * 0.6 && /[\p{Script=Han}\d]$/u.test(part)) {
        // A line of justified prose that stops a character short, on a character, lost its last mark.
        if (open > 0) {
          part += '”';
          open--;
          decisions.push(`${where(line)}: restored ” at the end of the line (it stops a character short, a quotation open)`);
        } else {
          warn(line, `the line stops a character short of the margin; a mark may be missing at its end: "${line.text}"`);
        }
      }
      if (prose && last && !TERMINAL.test(part) && HAN.test([...part].at(-1) ?? '')) {
        // A word running on into the next paragraph (学校领导班|子带领) is a split the text was printed with: it heals, no stop lost.
        const word = wordAcross(part, nextText(p));
        if (word) {
          // Layout says a paragraph ends here, the words say it runs on: the editor checks which.
          warn(
            line,
            `the paragraph stops inside the word ${word}: left open to run on into the next, no 。 restored; check against the scan that it runs on`,
          );
        } else {
          part += '。';
          decisions.push(`${where(line)}: restored 。 at the end of the paragraph (its last line stops short)`);
        }
      }
      return part;
    });
    if (open !== 0) warn(paragraph[0]!, "the paragraph's quotation marks “” do not pair up; check them against the scan");
    text.push(parts.join(''));
    lineNames.push(where(paragraph[0]!));
  }

  for (const paragraph of paragraphs) {
    for (const line of paragraph ?? []) {
      const weakest = line.chars.reduce((low, char) => (char.confidence < low.confidence ? char : low));
      if (weakest.confidence < UNSURE_CONFIDENCE) {
        warn(
          line,
          `read with ${Math.round(weakest.confidence * 100)} % confidence at "${weakest.char}": "${line.text}"; check it against the scan`,
        );
      }
    }
  }
  const chars = all.flatMap((line) => line.chars);
  const kept = paragraphs.flatMap((paragraph) => paragraph ?? []);
  return {
    text: text.join('\n'),
    lineNames,
    decisions,
    // In the order of the scan, as the editor checks it.
    warnings: unsure.sort((a, b) => a.page - b.page || a.line - b.line).map((entry) => entry.message),
    lines: kept.map((line) => ({ name: where(line), text: line.text })),
    ...(pages.every((page) => page.width && page.height) && { printed: printedPages(pages, kept) }),
    confidence: chars.length ? chars.reduce((sum, char) => sum + char.confidence, 0) / chars.length : 0,
    characters: chars.filter((char) => HAN.test(char.char) || /\d/u.test(char.char)).length,
    pages: withText.length,
  };
}
