import { formatChineseDate, parseChineseDate, PRINTED_DATE } from '../../dates.ts';
import { RECIPIENT_SEPARATOR as SEPARATOR, recipientsLine, splitRecipients } from '../../archive/print-text.ts';
import { closeCjkSpacing, joinText, printedSpacing, width, type Line } from './lines.ts';
import { COPIES, COPIES_PART, CREDIT, LABEL, LABEL_SPLIT, LABELS, PRINT_VERB } from './patterns.ts';
import { unplace, type Context } from './context.ts';
import type { PrintVerb } from '../../../schemas/issue.ts';
import type { RecognizedIssue } from './types.ts';

/**
 * Keeps lines of the closing block that fit no part of it where they stand, at the end of the issue
 * (as credits printed last), flagged; where credits are printed before the closing block there is no
 * such place, and they are reported as unplaced.
 */
function keepAtEnd(lines: readonly Line[], issue: RecognizedIssue, findings: Context, why: string): void {
  const text = lines.map((line) => printedSpacing(line.raw)).join('');
  if (issue.credits.length && !issue.creditsLast) {
    unplace(findings, lines);
    findings.warnings.push(`unsure: line ${lines[0]!.no}: ${why}: "${text}" was not placed`);
    return;
  }
  issue.credits.push(text);
  issue.creditsLast = true;
  findings.warnings.push(`unsure: line ${lines[0]!.no}: ${why}: "${text}" was kept at the end of the issue, with its credits; check it`);
}

/** The print line: 〈office〉 2022年7月28日印发（共印N份）. */
export const PRINT = new RegExp(
  `^(?<by>.*?)\\s*(?<date>${PRINTED_DATE.source})\\s*(?<verb>${PRINT_VERB})?\\s*(?<copies>${COPIES_PART})?$`,
  'u',
);
const LONGEST_RECIPIENT = 40;
const SPACED_LABEL = new RegExp(
  `(^|\\s{2,})(${LABELS.filter((label) => label.length === 2)
    .map((label) => `${label[0]}\\s+${label[1]}`)
    .join('|')})(?=\\s*[：:])`,
  'gu',
);
const PRINT_END = new RegExp(`(${PRINTED_DATE.source})\\s*(?:${PRINT_VERB})?\\s*(?:${COPIES_PART})?$`, 'u');

/** True when the print line starts at line `from` and ends within the two lines after it (a wrap split it). */
function printWithin(lines: readonly Line[], from: number): boolean {
  for (let to = from; to < Math.min(lines.length, from + 3); to++) {
    if (to > from && LABEL.test(lines[to]!.text)) return false;
    if (PRINT_END.test(joinAll(lines.slice(from, to + 1)))) return !LABEL.test(lines[from]!.text);
  }
  return false;
}

/** The copies as printed, where they are not （共印N份）. */
function copiesLabel(text: string): { copiesLabel?: string } {
  const label = text.replace(/\s+/gu, '');
  // The plain form is the bracketed one: 共印N份 in full-width brackets, nothing else.
  return /^（.*）$/u.test(label.replace(/^\(/u, '（').replace(/\)$/u, '）')) && COPIES.test(label) ? {} : { copiesLabel: label };
}

function joinAll(lines: readonly Line[]): string {
  return lines.map((line) => line.text).reduce(joinText, '');
}

/** True when a line is part of the closing block: a label, a print line or 共印N份. */
export function isClosingLine(text: string): boolean {
  return LABEL.test(text) || PRINT.test(text) || COPIES.test(text) || /印\s*发/u.test(text);
}

/**
 * The first line of the closing block: the first label or print line after which only closing lines,
 * recipient lists and credits follow (no sentence ends there, no section).
 */
export function closingStart(lines: readonly Line[], from: number, isSection: (line: Line) => boolean): number {
  let after = lines.length;
  // Scanning from the end: the closing block is the tail in which no sentence ends and no section starts.
  for (let i = lines.length - 1; i >= from; i--) {
    const text = lines[i]!.text;
    if (isSection(lines[i]!) || (/[。！？!?]$/u.test(text) && !isClosingLine(text) && !CREDIT.test(text))) break;
    const printStarts = PRINT.test(text) || printWithin(lines, i);
    if (LABEL.test(text) || printStarts) after = i;
  }
  return after;
}

/** Reads the closing block: credits, 报/送/发 entries with wrapped recipients, the print line and 共印N份. */
export function readClosing(lines: readonly Line[], wrap: number | undefined, issue: RecognizedIssue, findings: Context): void {
  let printEnd = -1;
  // The print line ends on the last line that ends 〈date〉印发 once joined to the two lines before it (a wrap may split 印|发).
  for (let i = lines.length - 1; i >= 0; i--) {
    if (PRINT_END.test(joinAll(lines.slice(Math.max(0, i - 2), i + 1)))) {
      printEnd = i;
      break;
    }
  }
  const entries: { label: string; text: string; line: Line }[] = [];
  let open = false;
  let i = 0;
  const end = printEnd < 0 ? lines.length : printEnd + 1;
  let lastLabel = -1;
  for (let at = 0; at < end; at++) if (LABEL.test(lines[at]!.text)) lastLabel = at;
  let printFrom = -1;
  for (let at = printEnd; at > lastLabel && printEnd >= 0; at--) {
    if (lines[at]!.blankBefore && PRINT.test(joinAll(lines.slice(at, printEnd + 1)))) {
      printFrom = at;
      break;
    }
  }
  for (; i < end; i++) {
    const line = lines[i]!;
    const previous = lines[i - 1];
    if (LABEL.test(line.text)) {
      // A label letter-spaced as printed (抄  送：) is one label, not 送 after a gap.
      const raw = line.raw.replace(SPACED_LABEL, (_match, lead: string, label: string) => `${lead}${label.replace(/\s+/gu, '')}`);
      for (const part of raw.split(LABEL_SPLIT)) {
        const match = LABEL.exec(closeCjkSpacing(part));
        if (match) entries.push({ label: match[1]!, text: match[2] ?? '', line });
      }
      open = true;
      continue;
    }
    if (CREDIT.test(line.text)) {
      issue.credits.push(printedSpacing(line.raw));
      open = false;
      continue;
    }
    // A recipient list goes on where its line ends with a separator, filled the wrap width, or the next line lists more.
    // The print line stands on its own: set apart by a blank line where the text has them, else the line holding 印发.
    const printStarts = printFrom >= 0 ? i === printFrom : i === printEnd;
    // Before the last label (or a print line set apart) every line belongs to the entry above it.
    const continues =
      !printStarts &&
      open &&
      previous !== undefined &&
      (i < lastLabel ||
        (printFrom >= 0 && i < printFrom) ||
        SEPARATOR.test(previous.text.slice(-1)) ||
        (wrap !== undefined && width(previous.text) >= wrap) ||
        SEPARATOR.test(line.text));
    if (continues) {
      const entry = entries.at(-1)!;
      entry.text = joinText(entry.text, line.text);
      continue;
    }
    break;
  }
  if (printEnd >= 0) {
    let start = i;
    // Over several lines the print line may have taken the end of a wrapped name: the line where the
    // masthead's office begins is where the print line begins.
    const office = issue.office;
    const several = printEnd > start && wrap === undefined && !PRINTED_DATE.test(lines[start]!.text);
    if (several && office && entries.length) {
      const from = lines.findIndex(
        (_line, at) => at > start && at <= printEnd && PRINT.exec(joinAll(lines.slice(at, printEnd + 1)))?.groups?.by?.startsWith(office),
      );
      if (from > start) {
        const tail = joinAll(lines.slice(start, from));
        const entry = entries.at(-1)!;
        entry.text = joinText(entry.text, tail);
        findings.decisions.push(
          `line ${lines[start]!.no}: "${tail}" ends the recipients of "${entry.label}：": the print line begins with the masthead's office`,
        );
        start = from;
      }
    }
    const text = joinAll(lines.slice(start, printEnd + 1));
    const match = PRINT.exec(text);
    const groups = match?.groups ?? {};
    const date = match && parseChineseDate(groups.date!);
    if (match && date) {
      const dateText = groups.date!.replace(/\s+/g, '');
      const verb = (groups.verb ?? '').replace(/\s+/g, '') as PrintVerb;
      issue.printed = {
        ...(groups.by && { by: groups.by }),
        date,
        ...(dateText !== formatChineseDate(date) && { dateLabel: dateText }),
        ...(verb !== '印发' && { verb }),
        ...(groups.count && { copies: Number(groups.count) }),
        ...(groups.copies && copiesLabel(groups.copies)),
      };
      // The print line names the masthead's office, in full or as the masthead prints it (…领导小组办公室).
      const named = office !== undefined && (groups.by?.startsWith(office) || groups.by?.endsWith(office));
      if (printEnd > start && wrap === undefined && !PRINTED_DATE.test(lines[start]!.text) && !named) {
        findings.warnings.push(
          `unsure: line ${lines[start]!.no}: "${lines[start]!.text}" was taken as the start of the print line; it may end the recipients above`,
        );
      }
    } else keepAtEnd(lines.slice(start, printEnd + 1), issue, findings, 'a print line that could not be read');
    i = printEnd + 1;
  }
  for (const line of lines.slice(i)) {
    const copies = COPIES.exec(line.text);
    if (copies && issue.printed && issue.printed.copies === undefined) {
      issue.printed.copies = Number(copies.groups!.count);
      Object.assign(issue.printed, copiesLabel(line.text));
    } else if (CREDIT.test(line.text)) {
      issue.credits.push(printedSpacing(line.raw));
      issue.creditsLast = true;
    } else keepAtEnd([line], issue, findings, 'a line after the print line that is no credit or copy count');
  }
  issue.distribution = entries.map((entry) => {
    const recipients = splitRecipients(entry.text);
    return {
      label: entry.label,
      recipients,
      ...(recipientsLine({ recipients }) !== entry.text && recipients.length && { printedAs: entry.text }),
    };
  });
  for (const [index, entry] of issue.distribution.entries()) {
    const line = entries[index]!.line;
    if (!entry.recipients.length) findings.warnings.push(`line ${line.no}: "${entry.label}：" names no recipient`);
    const long = entry.recipients.find((name) => width(name) > LONGEST_RECIPIENT);
    if (long) findings.warnings.push(`unsure: line ${line.no}: "${entry.label}：" has a recipient of ${width(long)} characters: "${long}"`);
  }
}
