/**
 * `npm run make-office-fixtures`: makes the Word and PDF test bulletins the way offices make them,
 * from bulletin texts whose truth is known, into tests/fixtures/office/: a .docx built as Word builds
 * one (the masthead in a table or a text box, a running header on pages 2+ and page numbers in the
 * footer, quotation marks in a Western font, a list numbered by Word itself, a photo with its
 * caption), then saved by LibreOffice as .docx, as Word 97 .doc and as PDF; and a PDF as Word exports
 * one whose quotation marks are set in a Western font. Needs Debian's libreoffice-writer-nogui; the
 * made files are committed, so the tests need no LibreOffice.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  Textbox,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import fontkit from '@pdf-lib/fontkit';
import {
  beginText,
  endText,
  moveText,
  PDFDocument,
  PDFHexString,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  setFontAndSize,
  showText,
  StandardFonts,
} from 'pdf-lib';
import sharp from 'sharp';
import { OFFICE_FIXTURES, type OfficeRecipe } from './lib/office-fixtures.ts';
import { printedLines } from './lib/scan.ts';

const OUT = new URL('../tests/fixtures/office/', import.meta.url);
const RED = 'C8161D';
const SONG = { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
/** Twips per character of 16 pt type: a paragraph's first line indented two characters. */
const TWO_CHARACTERS = 640;

/** A run of text with its quotation marks set in a Western font, as Word sets “” typed after Latin text. */
function runs(text: string, options: { size?: number; bold?: boolean; color?: string }, westernQuotes: boolean): TextRun[] {
  const parts = westernQuotes ? text.split(/([“”])/u).filter(Boolean) : [text];
  return parts.map(
    (part) =>
      new TextRun({
        text: part,
        size: (options.size ?? 16) * 2,
        bold: options.bold ?? false,
        ...(options.color && { color: options.color }),
        font: /^[“”]$/u.test(part) ? 'Times New Roman' : SONG,
      }),
  );
}

/** A photo for the article it illustrates: a picture drawn plainly, as PNG. */
async function photo(): Promise<Uint8Array> {
  const svg =
    '<svg width="480" height="300"><rect width="480" height="300" fill="#8aa9c8"/><circle cx="140" cy="120" r="60" fill="#f2d16b"/><rect x="40" y="200" width="400" height="80" fill="#4d7a43"/></svg>';
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}

/** The bulletin's text as a Word document made by the recipe. */
async function wordDocument(text: string, recipe: OfficeRecipe): Promise<Uint8Array> {
  const lines = printedLines(text);
  const image = await photo();
  const body: (Paragraph | Table | Textbox)[] = [];
  const masthead = lines.filter((line) => ['title', 'masthead', 'spread'].includes(line.role));
  const rest = lines.slice(masthead.length);
  const centred = (line: string, options: { size?: number; bold?: boolean; color?: string } = {}, extra: IParagraphOptions = {}) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: runs(line, options, recipe.westernQuotes), ...extra });
  const spread = (line: string) =>
    new Paragraph({
      tabStops: [{ type: 'right', position: 8800 }],
      children: line
        .split(/\s{2,}/u)
        .flatMap((part, index) => [...(index ? [new TextRun({ text: '\t', size: 32 })] : []), ...runs(part, {}, recipe.westernQuotes)]),
    });
  const mastheadParagraph = (line: (typeof lines)[number]) =>
    line.role === 'title'
      ? centred(line.text, { size: 26, bold: true, color: RED })
      : line.role === 'spread'
        ? spread(line.text)
        : centred(line.text);
  if (recipe.masthead === 'table') {
    body.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        borders: {
          top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
          left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
          right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
          insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
          insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
          bottom: { style: BorderStyle.SINGLE, size: 24, color: RED },
        },
        rows: masthead.map((line) => new TableRow({ children: [new TableCell({ children: [mastheadParagraph(line)] })] })),
      }),
    );
  } else {
    // The series title and number in a text box at the top of the page, the rest of the masthead below it.
    const boxed = masthead.filter((line) => line.role === 'title' || /第.*期/u.test(line.text));
    const box = new Textbox({
      alignment: AlignmentType.CENTER,
      style: { width: '6in', height: '1.6in' },
      children: boxed.map(mastheadParagraph),
    });
    // The box stands where its first line is printed: the classification above it, the office below.
    for (const line of masthead) {
      if (line === boxed[0]) body.push(box);
      else if (!boxed.includes(line)) body.push(mastheadParagraph(line));
    }
  }
  let photoPlaced = false;
  for (const [index, line] of rest.entries()) {
    const numbered = recipe.autoNumbering ? /^\d{1,2}[．.]\s*(.*)$/u.exec(line.text) : null;
    if (line.role === 'section')
      body.push(new Paragraph({ spacing: { before: 240 }, children: runs(line.text, { bold: true }, recipe.westernQuotes) }));
    else if (line.role === 'heading') body.push(centred(line.text, { size: 18, bold: true }, { spacing: { before: 200, after: 120 } }));
    else if (line.role === 'closing') {
      const first = rest[index - 1]?.role !== 'closing';
      body.push(
        new Paragraph({
          ...(first && { border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } } }),
          indent: { left: TWO_CHARACTERS, hanging: TWO_CHARACTERS },
          children: /\s{2,}/u.test(line.text) ? spread(line.text).options.children : runs(line.text, { size: 14 }, recipe.westernQuotes),
        }),
      );
    } else if (numbered) {
      // Drawn by Word from the numbering definitions: the text holds no number.
      body.push(new Paragraph({ numbering: { reference: 'items', level: 0 }, children: runs(numbered[1]!, {}, recipe.westernQuotes) }));
    } else {
      if (recipe.photo && !photoPlaced && /^(?:图为|图片)/u.test(line.text)) {
        body.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new ImageRun({ type: 'png', data: image, transformation: { width: 320, height: 200 } })],
          }),
        );
        photoPlaced = true;
      }
      body.push(
        new Paragraph({
          indent: { firstLine: TWO_CHARACTERS },
          alignment: AlignmentType.BOTH,
          children: runs(line.text, {}, recipe.westernQuotes),
        }),
      );
    }
  }
  const number = masthead.find((line) => /第.*期/u.test(line.text))?.text ?? '';
  const title = masthead.find((line) => line.role === 'title')?.text ?? '';
  const document = new Document({
    numbering: {
      config: [
        {
          reference: 'items',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1．',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { firstLine: TWO_CHARACTERS } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: { titlePage: recipe.runningHeader, page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } },
        ...(recipe.runningHeader && {
          headers: {
            first: new Header({ children: [new Paragraph('')] }),
            default: new Header({
              children: [
                new Paragraph({
                  tabStops: [{ type: 'right', position: 8800 }],
                  border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 2 } },
                  children: [
                    new TextRun({ text: title, size: 21 }),
                    new TextRun({ text: '\t', size: 21 }),
                    new TextRun({ text: number, size: 21 }),
                  ],
                }),
              ],
            }),
          },
        }),
        footers: {
          ...(recipe.runningHeader && {
            first: new Footer({ children: [pageNumber(recipe.pageNumber)] }),
          }),
          default: new Footer({ children: [pageNumber(recipe.pageNumber)] }),
        },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** The page number in the footer, as offices print it. */
function pageNumber(form: OfficeRecipe['pageNumber']): Paragraph {
  const [before, after] = form === 'dash' ? ['— ', ' —'] : ['第 ', ' 页'];
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new TextRun({ text: before, size: 28 }),
      new TextRun({ children: [PageNumber.CURRENT], size: 28 }),
      new TextRun({ text: after, size: 28 }),
    ],
  });
}

/** Debian's CJK font with a TrueType outline that pdf-lib can embed (fonts-droid-fallback, which LibreOffice brings). */
const CJK_FONT = '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf';

/**
 * The bulletin as Word exports it to PDF when its quotation marks (and digits) are set in Times New
 * Roman: each line's Chinese one text item (a TJ array that leaves room where each mark stands), the
 * marks and digits drawn apart in the Western font at their places; page numbers at the foot.
 */
async function wordQuotesPdf(text: string): Promise<Uint8Array | undefined> {
  const face = fontkit.create(readFileSync(CJK_FONT));
  if ([...text.replace(/[\s“”0-9A-Za-z.%·-]/gu, '')].some((char) => !face.hasGlyphForCodePoint(char.codePointAt(0)!))) return undefined;
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const cjk = await pdf.embedFont(readFileSync(CJK_FONT), { subset: true });
  const latin = await pdf.embedFont(StandardFonts.TimesRoman);
  const [width, height, margin, size] = [595, 842, 72, 14];
  // Quotation marks, digits and Latin letters are set in the Western font, as Word sets them.
  const WESTERN = /([“”]|[0-9A-Za-z.%·-]+)/u;
  const western = (part: string) => /^(?:[“”]|[0-9A-Za-z.%·-]+)$/u.test(part);
  const measure = (part: string) => (western(part) ? latin.widthOfTextAtSize(part, size) : cjk.widthOfTextAtSize(part, size));
  let page = pdf.addPage([width, height]);
  let y = height - margin;
  const pages = [page];
  const drawLine = (line: string, x: number) => {
    if (y < margin + size) {
      page = pdf.addPage([width, height]);
      pages.push(page);
      y = height - margin;
    }
    const cjkName = page.node.newFontDictionary(cjk.name, cjk.ref);
    const latinName = page.node.newFontDictionary(latin.name, latin.ref);
    const shown: (PDFHexString | PDFNumber)[] = [];
    const marks: { x: number; mark: string }[] = [];
    let at = x;
    for (const part of line.split(WESTERN).filter(Boolean)) {
      if (western(part)) {
        marks.push({ x: at, mark: part });
        shown.push(PDFNumber.of((-measure(part) * 1000) / size));
      } else shown.push(cjk.encodeText(part));
      at += measure(part);
    }
    page.pushOperators(
      beginText(),
      setFontAndSize(cjkName, size),
      moveText(x, y),
      PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [pdf.context.obj(shown)]),
      endText(),
    );
    for (const { x: markX, mark } of marks) {
      page.pushOperators(beginText(), setFontAndSize(latinName, size), moveText(markX, y), showText(latin.encodeText(mark)), endText());
    }
    y -= size * 1.8;
  };
  const measureText = (value: string) =>
    value
      .split(/([“”])/u)
      .filter(Boolean)
      .reduce((sum, part) => sum + measure(part), 0);
  for (const { text: line, role } of printedLines(text)) {
    if (role === 'text' || role === 'closing') {
      // Wrapped at the margin, the first line of a paragraph indented two characters.
      let rest = [...line];
      let first = role === 'text';
      while (rest.length) {
        const indent = first ? 2 * size : 0;
        let count = 0;
        while (count < rest.length && measureText(rest.slice(0, count + 1).join('')) <= width - 2 * margin - indent) count++;
        drawLine(rest.slice(0, count).join(''), margin + indent);
        rest = rest.slice(count);
        first = false;
      }
    } else {
      const shown = line.replace(/\s{2,}/gu, '    ');
      drawLine(shown, role === 'section' ? margin : (width - measureText(shown)) / 2);
    }
  }
  pages.forEach((each, index) => {
    const name = each.node.newFontDictionary(latin.name, latin.ref);
    const label = `- ${index + 1} -`;
    each.pushOperators(
      beginText(),
      setFontAndSize(name, 12),
      moveText((width - latin.widthOfTextAtSize(label, 12)) / 2, margin / 2),
      showText(latin.encodeText(label)),
      endText(),
    );
  });
  return pdf.save();
}

/** Saves a document as another format with LibreOffice. */
function convert(file: string, format: string, outDir: string): string {
  const result = spawnSync('soffice', ['--headless', '--convert-to', format, '--outdir', outDir, file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`soffice could not make ${format} of ${file}: ${result.stderr}`);
  return path.join(outDir, `${path.basename(file, path.extname(file))}.${format.split(':')[0]}`);
}

const work = mkdtempSync(path.join(tmpdir(), 'jianbao-office-'));
for (const fixture of OFFICE_FIXTURES) {
  const text = readFileSync(new URL(fixture.text, OUT), 'utf8');
  const folder = new URL(`${fixture.name}/`, OUT);
  mkdirSync(folder, { recursive: true });
  const made = path.join(work, `${fixture.name}.docx`);
  writeFileSync(made, await wordDocument(text, fixture.recipe));
  copyFileSync(made, new URL('word.docx', folder));
  // LibreOffice's own .docx, its Word 97 .doc and its PDF of the same document.
  const lo = path.join(work, 'lo');
  mkdirSync(lo, { recursive: true });
  copyFileSync(convert(made, 'docx:MS Word 2007 XML', lo), new URL('libreoffice.docx', folder));
  copyFileSync(convert(made, 'doc:MS Word 97', lo), new URL('word97.doc', folder));
  copyFileSync(convert(made, 'pdf:writer_pdf_Export', lo), new URL('exported.pdf', folder));
  // Only where the font that pdf-lib can embed draws every character of the text.
  const quotes = await wordQuotesPdf(text);
  if (quotes) writeFileSync(new URL('word-quotes.pdf', folder), quotes);
  console.log(
    `make-office-fixtures: ${fixture.name} (${fixture.recipe.masthead} masthead) → word.docx, libreoffice.docx, word97.doc, exported.pdf${quotes ? ', word-quotes.pdf' : ''}`,
  );
}
rmSync(work, { recursive: true, force: true });
