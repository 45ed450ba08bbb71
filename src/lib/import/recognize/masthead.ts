import { formatChineseDate, parseChineseDate, PRINTED_DATE, WEEKDAY } from '../../dates.ts';
import { normalizePrintText } from '../../archive/print-text.ts';
import { issueLabelWithTotal, parsePrintedNumber, type PrintedNumber } from '../../issue-number.ts';
import { closeCjkSpacing, printedSpacing, type Line } from './lines.ts';
import { CLASSIFICATION, NUMBER_START, OFFICE_ROLE, TOTAL } from './patterns.ts';
import { DEFAULT_ORDER, type MastheadPart } from '../../../schemas/issue.ts';
import { RecognitionError, type Findings, type RecognizedMasthead } from './types.ts';

const DATE_AT_START = new RegExp(`^(${PRINTED_DATE.source}(?:${WEEKDAY.source})?)\\s{2,}(\\S.*)$`, 'u');
const DATE_AT_END = new RegExp(`(${PRINTED_DATE.source}(?:${WEEKDAY.source})?)\\s*$`, 'u');

/** The number line among the first lines: whole (第3期, 2024年第3期（总第128期）) or with the office and date after it. */
function findNumber(
  lines: readonly Line[],
): { at: number; number: PrintedNumber; label: string; rest: string; before?: string } | undefined {
  for (let at = 0; at < Math.min(lines.length, 15); at++) {
    const text = lines[at]!.text;
    const whole = parsePrintedNumber(text);
    if (whole) return { at, number: whole, label: lines[at]!.raw.replace(/\s+/g, ' '), rest: '' };
    const start = NUMBER_START.exec(lines[at]!.raw);
    const number = start && parsePrintedNumber(start[1]!);
    if (start && number) return { at, number, label: start[1]!.replace(/\s+/g, ' '), rest: start[2]! };
    // The office on the left, the number on the right: 管城回族区教育局编      第 4 期.
    const end = /^(\S.*?)\s{2,}(\S.*)$/u.exec(lines[at]!.raw);
    const after = end && parsePrintedNumber(end[2]!);
    if (end && after && !CLASSIFICATION.test(end[1]!))
      return { at, number: after, label: end[2]!.replace(/\s+/g, ' '), rest: '', before: end[1]! };
  }
  return undefined;
}

/** Reads the masthead: classification, title lines, number, office and its role, date. Returns where the body starts. */
export function readMasthead(lines: readonly Line[], findings: Findings): { masthead: RecognizedMasthead; bodyStart: number } {
  const found = findNumber(lines);
  if (!found) throw new RecognitionError('no issue number (第N期, 2024年第3期, 第12-13期 or 增刊) in the first lines of the masthead');
  const { number } = found;
  let label = found.label;
  let classification: string | undefined;
  const mastheadLines: string[] = [];
  for (const line of lines.slice(0, found.at)) {
    const mark = CLASSIFICATION.test(line.text) && !mastheadLines.length;
    // A mark printed over two lines (内部资料 / 注意保存) is one mark.
    if (mark) classification = classification === undefined ? printedSpacing(line.raw) : `${classification} ${printedSpacing(line.raw)}`;
    else mastheadLines.push(line.raw);
  }
  // A title printed over two lines, the break inside its quotation marks (郑州市教育局“能力作风建设 / 年”活动), is one title.
  for (let i = mastheadLines.length - 2; i >= 0; i--) {
    const open = (text: string) => (text.match(/[“《（]/gu) ?? []).length - (text.match(/[”》）]/gu) ?? []).length;
    if (open(mastheadLines[i]!) > 0 && open(mastheadLines[i]!) + open(mastheadLines[i + 1]!) === 0) {
      const joined = `${mastheadLines[i]!.trim()}${mastheadLines[i + 1]!.trim()}`;
      mastheadLines.splice(i, 2, joined);
      findings.decisions.push(`joined a masthead title printed over two lines, its quotation open at the break: "${joined}"`);
    }
  }
  let next = found.at + 1;
  const total = number.totalNumber === undefined ? TOTAL.exec(lines[next]?.text ?? '') : null;
  if (total) {
    number.totalNumber = Number(total[1]);
    label = `${label}${lines[next]!.raw.replace(/\s+/g, ' ')}`;
    next++;
  }
  // The office and the date follow, on one line or several; the date may share the number's line.
  const candidates = [...(found.rest ? [found.rest] : []), ...lines.slice(next, next + 4).map((line) => line.raw)];
  let officeParts: string[] = found.before === undefined ? [] : [found.before];
  let date: string | undefined;
  let dateText = '';
  // The order of number, office and date as found: the office may stand left of the number, the date left of the office or above.
  let order: MastheadPart[] = found.before === undefined ? [...DEFAULT_ORDER] : ['office', 'number', 'date'];
  for (const [index, text] of candidates.entries()) {
    const start = DATE_AT_START.exec(text);
    const startIso = start && !officeParts.length ? parseChineseDate(start[1]!) : undefined;
    if (start && startIso) {
      // The date on the left, the office on the right: 2024年5月20日      区教育局办公室编.
      date = startIso;
      dateText = start[1]!.replace(/\s+/g, '');
      officeParts.push(start[2]!.trim());
      order = ['number', 'date', 'office'];
      next += index + (found.rest ? 0 : 1);
      break;
    }
    const match = DATE_AT_END.exec(text);
    const iso = match ? parseChineseDate(match[1]!) : undefined;
    if (match && iso) {
      date = iso;
      dateText = match[1]!.replace(/\s+/g, '');
      const before = text.slice(0, match.index).trim();
      if (before) officeParts.push(before);
      next += index + (found.rest ? 0 : 1);
      break;
    }
    officeParts.push(text.trim());
  }
  // Some mastheads print the date (and the office before it) on the line above the number.
  const above = !date && !found.before ? DATE_AT_END.exec(mastheadLines.at(-1) ?? '') : null;
  const aboveIso = above ? parseChineseDate(above[1]!) : undefined;
  if (above && aboveIso) {
    const line = mastheadLines.pop()!;
    date = aboveIso;
    dateText = above[1]!.replace(/\s+/g, '');
    officeParts = line.slice(0, above.index).trim() ? [line.slice(0, above.index).trim()] : [];
    order = officeParts.length ? ['office', 'date', 'number'] : ['date', 'number', 'office'];
    next = found.at + 1 + (total ? 1 : 0);
    // With the date above, an office with its role (…办公室编) may still stand under the number.
    const under = lines[next]?.text ?? '';
    if (!officeParts.length && OFFICE_ROLE.test(under) && under.length <= 30 && !/[，。；：]/u.test(under)) {
      officeParts = [under];
      next++;
    }
  }
  if (!date) throw new RecognitionError('no issue date (2022年7月28日 or 二〇二二年七月二十八日) under the issue number in the masthead');
  if (number.number === undefined)
    findings.warnings.push(`line ${lines[found.at]!.no}: the supplement (增刊) prints no number; it was numbered 1`);
  if (!mastheadLines.length) findings.warnings.push(`line ${lines[found.at]!.no}: no series title above the issue number`);
  if (number.year !== undefined && number.year !== Number(date.slice(0, 4))) {
    findings.warnings.push(`unsure: line ${lines[found.at]!.no}: the number says ${number.year}年 but the date is ${date}`);
  }
  const office = officeParts.map(closeCjkSpacing).join('');
  const role = OFFICE_ROLE.exec(office);
  const numbers = {
    number: number.number ?? 1,
    ...(number.numberEnd !== undefined && { numberEnd: number.numberEnd }),
    supplement: number.supplement,
    ...(number.totalNumber !== undefined && { totalNumber: number.totalNumber }),
  };
  // The printed forms are kept only where they differ from the plain ones the site would print.
  const numberLabel = normalizePrintText(label) === normalizePrintText(issueLabelWithTotal(numbers)) ? undefined : label;
  const dateLabel = normalizePrintText(dateText) === normalizePrintText(formatChineseDate(date)) ? undefined : dateText;
  return {
    masthead: {
      ...(classification !== undefined && { classification }),
      mastheadLines,
      ...numbers,
      ...(numberLabel !== undefined && { numberLabel }),
      ...(number.year !== undefined && { yearInNumber: true }),
      ...(office && { office: role ? role[1]! : office }),
      ...(role && { officeRole: role[2]! }),
      ...(order.join() !== DEFAULT_ORDER.join() && { mastheadOrder: order }),
      date,
      ...(dateLabel !== undefined && { dateLabel }),
    },
    bodyStart: next,
  };
}
