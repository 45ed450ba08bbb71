/**
 * Printed originals for a generated archive: every `every`-th issue gets an original.pdf and its 原版
 * file, as if it had been imported from a PDF. Each issue is set on A4 pages (masthead, articles, the
 * closing block; 34 characters a line, 36 lines a page), its lines drawn as grey bars of their length
 * — pages a browser and the build treat as any other, quick to render — and the regions found by the
 * same code the importer uses (makeYuanban), so the archive holds 原版 pages as a real one would.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, rgb } from 'pdf-lib';
import type { ContentFile } from '../../src/lib/archive/check.ts';
import { parseIssueFile } from '../../src/lib/archive/issue-file.ts';
import type { ArticleText, PrintedPage } from '../../src/lib/archive/regions.ts';
import { makeYuanban, originalDigest, printedArticles, yuanbanText } from '../../src/lib/archive/yuanban.ts';
import { YUANBAN_FILE, YUANBAN_ORIGINAL } from '../../src/schemas/yuanban.ts';

/** One issue in this many comes with its printed original in the benchmarks' archives: an archive where some issues came as PDFs. */
export const PRINTED_EVERY = 20;

const A4 = { width: 595, height: 842 };
const MARGIN = { left: 70, top: 72 };
const PER_LINE = 34;
const LINES_PER_PAGE = 36;
const PITCH = 19;
const SIZE = 13.5;

/** The issue's lines as printed, each with its type: masthead, title, text, closing block. */
function printedLines(articles: readonly ArticleText[]): { text: string; title: boolean }[] {
  const lines: { text: string; title: boolean }[] = [
    { text: '内部资料注意保存', title: false },
    { text: '简报', title: true },
  ];
  const wrap = (paragraph: string) =>
    [...paragraph].reduce<string[]>((rows, char, i) => (i % PER_LINE ? ((rows[rows.length - 1] += char), rows) : [...rows, char]), []);
  for (const article of articles) {
    if (article.title) lines.push({ text: article.title, title: true });
    for (const paragraph of article.text.split('\n')) lines.push(...wrap(paragraph).map((row) => ({ text: row, title: false })));
  }
  lines.push({ text: '报：市委办公室、市政府办公室', title: false }, { text: '发：各区县教育局、各直属学校', title: false });
  return lines;
}

/** An issue's original PDF and its 原版 file. */
export async function printedOriginal(issueText: string): Promise<{ pdf: Uint8Array; yuanban: string }> {
  const articles = printedArticles(parseIssueFile(issueText, 'corpus'));
  const lines = printedLines(articles);
  const pages: PrintedPage[] = [];
  const pdf = await PDFDocument.create();
  // The file is the same for the same issue: no dates of its making inside.
  pdf.setCreationDate(new Date(0));
  pdf.setModificationDate(new Date(0));
  lines.forEach((line, index) => {
    if (index % LINES_PER_PAGE === 0) {
      pdf.addPage([A4.width, A4.height]);
      pages.push({ ...A4, lines: [] });
    }
    const width = [...line.text].length * SIZE;
    const left = line.title ? (A4.width - width) / 2 : MARGIN.left;
    const top = MARGIN.top + (index % LINES_PER_PAGE) * PITCH;
    pages.at(-1)!.lines.push({ text: line.text, left, top, right: left + width, bottom: top + SIZE });
    pdf
      .getPages()
      .at(-1)!
      .drawRectangle({
        x: left,
        y: A4.height - top - SIZE,
        width,
        height: line.title ? SIZE : SIZE * 0.7,
        color: line.title ? rgb(0.1, 0.1, 0.1) : rgb(0.45, 0.45, 0.45),
      });
  });
  const data = await pdf.save({ useObjectStreams: false });
  return { pdf: data, yuanban: yuanbanText(makeYuanban(pages, articles, originalDigest(data))) };
}

/** The issue files of a generated archive that get a printed original: every `every`-th, in file order. */
export function printedIssues(files: readonly ContentFile[], every: number): ContentFile[] {
  return files.filter((file) => /\/\d{4}\/[^/]+\.md$/.test(file.path)).filter((_, index) => index % every === every - 1);
}

/** Writes the original and 原版 file of each given issue into the content folder; returns how many. */
export async function writePrintedOriginals(content: string, issues: readonly ContentFile[]): Promise<number> {
  for (const issue of issues) {
    const { pdf, yuanban } = await printedOriginal(issue.text ?? '');
    const folder = path.join(content, issue.path.replace(/\.md$/, ''));
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, YUANBAN_ORIGINAL), pdf);
    writeFileSync(path.join(folder, YUANBAN_FILE), yuanban);
  }
  return issues.length;
}
