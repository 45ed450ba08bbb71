/**
 * The numbers Word draws for a Word 97–2003 file's numbered paragraphs (1．, 一、, （一）), which its text
 * does not hold: read from the binary file itself ([MS-DOC]) — the piece table maps the main text's
 * characters to the file, the paragraph properties (PAPX in their FKP pages) say which paragraph is in
 * which list at which level (sprmPIlfo, sprmPIlvl), and the list tables (PlfLst with its LVLs, PlfLfo)
 * say how each level is counted and drawn.
 */
import CFB from 'cfb';
import { drawListNumber, type ListLevel } from './docx-prepare.ts';

/** One numbered paragraph: its text as the file holds it (without its number), and the number Word draws. */
export interface DrawnNumber {
  text: string;
  label: string;
}

/** Word 97's number formats (nfc) by the names numbering.xml gives them. */
const FORMATS: Record<number, string> = {
  0: 'decimal',
  1: 'upperRoman',
  2: 'lowerRoman',
  3: 'upperLetter',
  4: 'lowerLetter',
  14: 'decimalFullWidth',
  18: 'decimalEnclosedCircle',
  22: 'decimalZero',
  23: 'bullet',
  25: 'decimalEnclosedCircleChinese',
  30: 'ideographTraditional',
  38: 'chineseCounting',
  39: 'chineseLegalSimplified',
  40: 'chineseCountingThousand',
};

/** The size of a sprm's operand, by its spra (the top three bits), reading a variable one's length byte. */
function operandSize(bytes: Buffer, at: number, sprm: number): number {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      // sprmPChgTabs and sprmTDefTable carry longer lengths; neither is in a paragraph's list properties.
      return sprm === 0xd608 ? bytes.readUInt16LE(at) + 1 : bytes[at]! + 1;
  }
}

/** The list (ilfo, 1-based) and level a paragraph's properties put it in, if any. */
function listOf(grpprl: Buffer): { ilfo: number; ilvl: number } | undefined {
  let ilfo = 0;
  let ilvl = 0;
  for (let at = 2; at + 2 <= grpprl.length;) {
    const sprm = grpprl.readUInt16LE(at);
    const size = operandSize(grpprl, at + 2, sprm);
    if (sprm === 0x460b) ilfo = grpprl.readInt16LE(at + 2);
    if (sprm === 0x260a) ilvl = grpprl[at + 2]!;
    at += 2 + size;
  }
  return ilfo > 0 ? { ilfo, ilvl } : undefined;
}

/** A Word 97–2003 file's lists: whether it numbers paragraphs at all (its list overrides hold any), and the numbers it draws, in order. */
export interface DocLists {
  lists: boolean;
  numbers: DrawnNumber[];
}

/** The lists of a Word 97–2003 file; no numbers where they cannot be read (its lists may still be said to exist). */
export function docListNumbers(data: Uint8Array): DocLists {
  const found: DocLists = { lists: false, numbers: [] };
  try {
    readListNumbers(Buffer.from(data.buffer, data.byteOffset, data.byteLength), found);
  } catch {
    found.numbers = [];
  }
  return found;
}

function readListNumbers(file: Buffer, found: DocLists): void {
  const container = CFB.read(file, { type: 'buffer' });
  const word = Buffer.from(CFB.find(container, 'WordDocument')!.content as Uint8Array);
  const tableName = word.readUInt16LE(0x0a) & 0x0200 ? '1Table' : '0Table';
  const table = Buffer.from(CFB.find(container, tableName)!.content as Uint8Array);
  const pair = (index: number) => [word.readUInt32LE(154 + index * 8), word.readUInt32LE(158 + index * 8)] as const;
  const [fcLfo, lcbLfo] = pair(74);
  found.lists = lcbLfo > 0;
  if (!lcbLfo) return;
  const ccpText = word.readInt32LE(76);

  // The piece table: which bytes of the file hold which characters of the text.
  const [fcClx, lcbClx] = pair(33);
  let at = fcClx;
  while (table[at] === 0x01) at += 3 + table.readUInt16LE(at + 1);
  const lcb = table.readUInt32LE(at + 1);
  const pieces = (lcb - 4) / 12;
  const cps = Array.from({ length: pieces + 1 }, (_, i) => table.readUInt32LE(at + 5 + i * 4));
  const pieceList = Array.from({ length: pieces }, (_, i) => {
    const raw = table.readUInt32LE(at + 5 + (pieces + 1) * 4 + i * 8 + 2);
    const compressed = (raw & 0x40000000) !== 0;
    return { cp: cps[i]!, cpEnd: cps[i + 1]!, fc: compressed ? (raw & ~0x40000000) / 2 : raw, width: compressed ? 1 : 2 };
  });
  if (at + 5 + (pieces + 1) * 4 + pieces * 8 > fcClx + lcbClx) return;
  const textOf = (from: number, to: number) => {
    let text = '';
    for (const piece of pieceList) {
      for (let cp = Math.max(from, piece.cp); cp < Math.min(to, piece.cpEnd); cp++) {
        const offset = piece.fc + (cp - piece.cp) * piece.width;
        text += piece.width === 1 ? String.fromCharCode(word[offset]!) : String.fromCharCode(word.readUInt16LE(offset));
      }
    }
    return text;
  };
  const cpOf = (fc: number) => {
    const piece = pieceList.find((each) => fc >= each.fc && fc < each.fc + (each.cpEnd - each.cp) * each.width);
    return piece ? piece.cp + (fc - piece.fc) / piece.width : -1;
  };

  // The lists: each LSTF (its id, simple or nine levels), then all their LVLs one after another.
  const [fcLst] = pair(73);
  const lists = new Map<number, ListLevel[]>();
  const count = table.readUInt16LE(fcLst);
  let lvl = fcLst + 2 + count * 28;
  for (let i = 0; i < count; i++) {
    const lstf = fcLst + 2 + i * 28;
    const id = table.readInt32LE(lstf);
    const simple = (table[lstf + 26]! & 0x01) !== 0;
    const levels: ListLevel[] = [];
    for (let level = 0; level < (simple ? 1 : 9); level++) {
      const start = table.readInt32LE(lvl);
      const nfc = table[lvl + 4]!;
      const chpx = table[lvl + 24]!;
      const papx = table[lvl + 25]!;
      const xst = lvl + 28 + papx + chpx;
      const cch = table.readUInt16LE(xst);
      levels.push({
        start,
        format: FORMATS[nfc] ?? 'decimal',
        // The number text's characters 0–8 stand for the levels' numbers: written %1–%9, as numbering.xml writes them.
        text: Array.from({ length: cch }, (_, c) => table.readUInt16LE(xst + 2 + c * 2))
          .map((code) => (code < 9 ? `%${code + 1}` : String.fromCharCode(code)))
          .join(''),
      });
      lvl = xst + 2 + cch * 2;
    }
    lists.set(id, levels);
  }
  // The list overrides (ilfo is 1-based into them), each naming its list by id.
  const lfoCount = table.readInt32LE(fcLfo);
  const overrides = Array.from({ length: lfoCount }, (_, i) => table.readInt32LE(fcLfo + 4 + i * 16));

  // Paragraphs' properties: FKP pages of PAPX, each run one paragraph ending at the next run's start.
  const [fcBte, lcbBte] = pair(13);
  const pages = (lcbBte - 4) / 8;
  const numbered: { cp: number; cpEnd: number; ilfo: number; ilvl: number }[] = [];
  for (let i = 0; i < pages; i++) {
    const page = word.subarray((table.readUInt32LE(fcBte + (pages + 1) * 4 + i * 4) & 0x3fffff) * 512);
    const runs = page[511]!;
    for (let run = 0; run < runs; run++) {
      const offset = page[4 * (runs + 1) + run * 13]! * 2;
      if (!offset) continue;
      const cb = page[offset]!;
      const grpprl = cb ? page.subarray(offset + 1, offset + 2 * cb) : page.subarray(offset + 2, offset + 2 + 2 * page[offset + 1]!);
      const list = listOf(Buffer.from(grpprl));
      if (!list) continue;
      const cp = cpOf(page.readUInt32LE(run * 4));
      // The character after the paragraph's last (its mark), found from the mark's last byte.
      const last = cpOf(page.readUInt32LE((run + 1) * 4) - 1);
      const cpEnd = Math.floor(last) + 1;
      if (cp >= 0 && last >= 0 && cpEnd <= ccpText) numbered.push({ cp, cpEnd, ...list });
    }
  }
  numbered.sort((a, b) => a.cp - b.cp);

  const counters = new Map<number, number[]>();
  const drawn = found.numbers;
  for (const paragraph of numbered) {
    const id = overrides[paragraph.ilfo - 1];
    const levels = id === undefined ? undefined : lists.get(id);
    const level = levels?.[paragraph.ilvl];
    if (!levels || !level) continue;
    const counts = counters.get(id!) ?? [];
    const label = drawListNumber(counts, (index) => levels[index], paragraph.ilvl);
    counters.set(id!, counts);
    // Less the paragraph mark (13) and a table cell's mark (7).
    const text = [...textOf(paragraph.cp, paragraph.cpEnd)]
      .filter((char) => char !== '\r' && char.charCodeAt(0) !== 7)
      .join('')
      .trim();
    if (label && text) drawn.push({ text, label });
  }
}
