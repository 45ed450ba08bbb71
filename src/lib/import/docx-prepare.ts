/**
 * A .docx made ready to be read as Word prints it, before mammoth reads it:
 * - Word's automatic numbering drawn into the text. A .docx holds "1．" of a numbered paragraph not in
 *   its text but in numbering.xml (the level's format, its text such as "%1．", where it starts), and
 *   Word draws it when it lays out the page. What Word prints is what the bulletin says, so each
 *   numbered paragraph gets its number written at its start (1．, 一、, （一）, ①); its numbering is
 *   then taken off so that no reader draws it twice.
 * - Text boxes in the modern form only (wps:txbx, as LibreOffice and newer Word save them with an empty
 *   VML copy) given a VML copy, which is what mammoth reads: their text is read after the paragraph
 *   they are anchored in, as the older form's is.
 */
import { DOMParser, XMLSerializer, type Document as XmlDocument, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { chineseNumeral } from '../numerals.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** How one level of a list is drawn. */
/** How one level of a list is drawn: where it starts, its number format (numbering.xml's names), its text with %1…%9 for the levels' numbers. */
export interface ListLevel {
  start: number;
  format: string;
  text: string;
}

/**
 * Counts one more paragraph at `level` of a list and draws its number as Word does: the level counts on
 * from its last number (or from `restart`), a higher level restarts the ones below it, and each %N of
 * the level's text becomes level N's number in its format. A bullet from a symbol font (Wingdings,
 * Symbol: private-use characters) is no character of the text.
 */
export function drawListNumber(
  counts: number[],
  levels: (level: number) => ListLevel | undefined,
  level: number,
  restart?: number,
): string {
  const format = levels(level)!;
  counts[level] = restart ?? (counts[level] === undefined ? format.start : counts[level] + 1);
  counts.length = level + 1;
  if (format.format === 'bullet') return format.text.replace(/[\uE000-\uF8FF]/gu, '');
  return format.text.replace(/%(\d)/gu, (_match, at: string) => {
    const index = Number(at) - 1;
    const shown = levels(index);
    return numberInFormat(counts[index] ?? shown?.start ?? 1, shown?.format ?? 'decimal');
  });
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';

/** A count in one of Word's number formats (w:numFmt). */
export function numberInFormat(value: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'japaneseCounting':
      return chineseNumeral(value);
    case 'ideographTraditional':
      return HEAVENLY_STEMS[(value - 1) % 10]!;
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[value - 1] ?? String(value);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(value).replace(/\d/gu, (digit) => String.fromCodePoint(0xff10 + Number(digit)));
    case 'lowerLetter':
    case 'upperLetter': {
      const letter = String.fromCodePoint(97 + ((value - 1) % 26)).repeat(Math.floor((value - 1) / 26) + 1);
      return format === 'upperLetter' ? letter.toUpperCase() : letter;
    }
    case 'lowerRoman':
    case 'upperRoman': {
      const roman = toRoman(value);
      return format === 'lowerRoman' ? roman.toLowerCase() : roman;
    }
    case 'decimalZero':
      return String(value).padStart(2, '0');
    default:
      return String(value);
  }
}

function toRoman(value: number): string {
  const numerals: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = value;
  let text = '';
  for (const [size, letters] of numerals) {
    while (rest >= size) {
      text += letters;
      rest -= size;
    }
  }
  return text;
}

const children = (element: Element, name: string): Element[] =>
  Array.from(element.childNodes).filter((node): node is Element => node.nodeType === 1 && (node as Element).localName === name);
const child = (element: Element | undefined, name: string): Element | undefined => (element ? children(element, name)[0] : undefined);
const value = (element: Element | undefined): string | undefined => element?.getAttributeNS(W, 'val') ?? undefined;

/** One list instance (w:num): the abstract list it draws from, and the starts it overrides. */
interface List {
  abstract: string;
  levels: Map<number, ListLevel>;
  restarts: Map<number, number>;
}

/**
 * The lists of numbering.xml, by numId. Word counts on through every list instance of one abstract
 * list (LibreOffice writes a list as several), and restarts a level where an instance overrides its start.
 */
function readLists(numbering: XmlDocument): Map<string, List> {
  const abstracts = new Map<string, Map<number, ListLevel>>();
  for (const abstract of Array.from(numbering.getElementsByTagNameNS(W, 'abstractNum'))) {
    const levels = new Map<number, ListLevel>();
    for (const level of children(abstract, 'lvl')) {
      levels.set(Number(level.getAttributeNS(W, 'ilvl') ?? 0), {
        start: Number(value(child(level, 'start')) ?? 1),
        format: value(child(level, 'numFmt')) ?? 'decimal',
        text: value(child(level, 'lvlText')) ?? '',
      });
    }
    abstracts.set(abstract.getAttributeNS(W, 'abstractNumId') ?? '', levels);
  }
  const lists = new Map<string, List>();
  for (const num of Array.from(numbering.getElementsByTagNameNS(W, 'num'))) {
    const abstract = value(child(num, 'abstractNumId')) ?? '';
    const restarts = new Map<number, number>();
    for (const override of children(num, 'lvlOverride')) {
      const start = value(child(override, 'startOverride'));
      if (start !== undefined) restarts.set(Number(override.getAttributeNS(W, 'ilvl') ?? 0), Number(start));
    }
    lists.set(num.getAttributeNS(W, 'numId') ?? '', {
      abstract,
      levels: abstracts.get(abstract) ?? new Map<number, ListLevel>(),
      restarts,
    });
  }
  return lists;
}

/** The numbering a paragraph style gives its paragraphs (a heading style numbered 一、), by style id. */
function styleNumbering(styles: XmlDocument | undefined): Map<string, { numId: string; level: number }> {
  const numbered = new Map<string, { numId: string; level: number }>();
  for (const style of Array.from(styles?.getElementsByTagNameNS(W, 'style') ?? [])) {
    const numPr = child(child(style, 'pPr'), 'numPr');
    const numId = value(child(numPr, 'numId'));
    if (numId) numbered.set(style.getAttributeNS(W, 'styleId') ?? '', { numId, level: Number(value(child(numPr, 'ilvl')) ?? 0) });
  }
  return numbered;
}

/** True for a paragraph in a text box's fallback copy (mc:Fallback), which Word draws only where it cannot draw the first. */
function inFallback(element: Element): boolean {
  for (let node = element.parentNode; node; node = node.parentNode) if ((node as Element).localName === 'Fallback') return true;
  return false;
}

/** What preparing a .docx changed: numbers drawn into paragraphs, text boxes given a copy the reader reads; and its page headers' lines. */
export interface PreparedDocx {
  data: Uint8Array;
  numbersDrawn: number;
  boxesCopied: number;
  /** The text of the page headers and footers, a line a paragraph (mammoth reads the body only). */
  headerLines: string[];
}

/** The paragraphs' text of the page headers and footers (word/header*.xml, word/footer*.xml), each once. */
async function headerLines(zip: JSZip, parser: DOMParser): Promise<string[]> {
  const lines = new Set<string>();
  const parts = Object.keys(zip.files)
    .filter((name) => /^word\/(?:header|footer)\d*\.xml$/u.test(name))
    .sort();
  for (const name of parts) {
    const part = parser.parseFromString(await zip.file(name)!.async('string'), 'text/xml');
    for (const paragraph of Array.from(part.getElementsByTagNameNS(W, 'p'))) {
      // A tab sets parts apart (the series title left, 第N期 right): a wide gap, as in a text file.
      const text = Array.from(paragraph.getElementsByTagNameNS(W, '*'))
        .map((node) => (node.localName === 't' ? (node.textContent ?? '') : node.localName === 'tab' ? '    ' : ''))
        .join('')
        .trim();
      if (text) lines.add(text);
    }
  }
  return [...lines];
}

/** The .docx ready to be read: its numbers drawn, its modern text boxes copied into the form mammoth reads. */
export async function prepareDocx(data: Uint8Array): Promise<PreparedDocx> {
  const zip = await JSZip.loadAsync(data);
  const documentXml = await zip.file('word/document.xml')?.async('string');
  const parser = new DOMParser();
  const headers = await headerLines(zip, parser);
  if (!documentXml) return { data, numbersDrawn: 0, boxesCopied: 0, headerLines: headers };
  const document = parser.parseFromString(documentXml, 'text/xml');
  const boxesCopied = copyModernTextBoxes(document);
  const numberingXml = await zip.file('word/numbering.xml')?.async('string');
  const stylesXml = await zip.file('word/styles.xml')?.async('string');
  const numbersDrawn = numberingXml
    ? drawNumbers(
        document,
        parser.parseFromString(numberingXml, 'text/xml'),
        stylesXml ? parser.parseFromString(stylesXml, 'text/xml') : undefined,
      )
    : 0;
  if (!numbersDrawn && !boxesCopied) return { data, numbersDrawn, boxesCopied, headerLines: headers };
  zip.file('word/document.xml', new XMLSerializer().serializeToString(document));
  return { data: new Uint8Array(await zip.generateAsync({ type: 'uint8array' })), numbersDrawn, boxesCopied, headerLines: headers };
}

const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const VML = 'urn:schemas-microsoft-com:vml';

/** Gives each modern text box whose fallback holds no text a VML copy of its text (w:pict/v:textbox); returns how many. */
function copyModernTextBoxes(document: XmlDocument): number {
  let copied = 0;
  for (const alternate of Array.from(document.getElementsByTagNameNS(MC, 'AlternateContent'))) {
    const choice = children(alternate, 'Choice')[0];
    const contents = choice ? Array.from(choice.getElementsByTagNameNS(W, 'txbxContent')) : [];
    const fallback = children(alternate, 'Fallback')[0];
    if (!contents.length || (fallback && fallback.getElementsByTagNameNS(W, 'txbxContent').length)) continue;
    const target = fallback ?? alternate.appendChild(document.createElementNS(MC, 'mc:Fallback'));
    while (target.firstChild) target.removeChild(target.firstChild);
    const picture = document.createElementNS(W, 'w:pict');
    for (const content of contents) {
      const box = document.createElementNS(VML, 'v:textbox');
      box.appendChild(content.cloneNode(true));
      picture.appendChild(box);
    }
    target.appendChild(picture);
    copied++;
  }
  return copied;
}

/** Writes the numbers Word draws into the numbered paragraphs of `document`; returns how many. */
function drawNumbers(document: XmlDocument, numbering: XmlDocument, styles: XmlDocument | undefined): number {
  const lists = readLists(numbering);
  const byStyle = styleNumbering(styles);
  const counters = new Map<string, number[]>();
  const begun = new Set<string>();
  let drawn = 0;
  for (const paragraph of Array.from(document.getElementsByTagNameNS(W, 'p'))) {
    const properties = child(paragraph, 'pPr');
    const numPr = child(properties, 'numPr');
    const style = byStyle.get(value(child(properties, 'pStyle')) ?? '');
    const numId = (numPr ? value(child(numPr, 'numId')) : style?.numId) ?? '0';
    const level = numPr ? Number(value(child(numPr, 'ilvl')) ?? style?.level ?? 0) : (style?.level ?? 0);
    const list = lists.get(numId);
    const format = list?.levels.get(level);
    if (!list || !format || inFallback(paragraph)) continue;
    const counts = counters.get(list.abstract) ?? [];
    const restart = begun.has(`${numId} ${level}`) ? undefined : list.restarts.get(level);
    begun.add(`${numId} ${level}`);
    const label = drawListNumber(counts, (index) => list.levels.get(index), level, restart);
    counters.set(list.abstract, counts);
    // Numbering off for this paragraph (numId 0), so that no reader draws it again.
    const off = document.createElementNS(W, 'w:numPr');
    const none = document.createElementNS(W, 'w:numId');
    none.setAttributeNS(W, 'w:val', '0');
    off.appendChild(none);
    if (numPr) properties!.replaceChild(off, numPr);
    else properties!.appendChild(off);
    if (!label) continue;
    const run = document.createElementNS(W, 'w:r');
    const text = document.createElementNS(W, 'w:t');
    text.setAttribute('xml:space', 'preserve');
    text.appendChild(document.createTextNode(label));
    run.appendChild(text);
    paragraph.insertBefore(run, properties!.nextSibling);
    drawn++;
  }
  return drawn;
}
