import { assemble } from './assemble.ts';
import { contentsLength, lineRole, readMarker, toBlocks, wrapWidth } from './blocks.ts';
import { closingStart, readClosing } from './closing.ts';
import { newContext } from './context.ts';
import { IMAGE_MARK, toLines, type Line } from './lines.ts';
import { readMasthead } from './masthead.ts';
import { RecognitionError, type Recognition, type RecognizedIssue } from './types.ts';

/**
 * Reads the text of a printed bulletin (as extracted from Word, PDF or a text file) and recognises
 * its parts, in stages: lines (page numbers and rules set aside) → masthead → table of contents →
 * blocks with the role their lines show → articles and sections assembled → closing block. What fits
 * nowhere is reported, never silently lost; where layout cannot settle a decision, a warning says
 * `unsure:` and names the line.
 */

export { IMAGE_MARK } from './lines.ts';
export { RecognitionError } from './types.ts';
export type { Recognition, RecognizedArticle, RecognizedIssue, RecognizedSection } from './types.ts';

function plural(count: number, word: string): string {
  return `${count} ${word}${count > 1 ? 's' : ''}`;
}

/** True when the text opens with a masthead that can be read: a number line, with a date under it. */
export function hasMasthead(text: string): boolean {
  try {
    readMasthead(toLines(text).lines, newContext());
    return true;
  } catch (error) {
    if (error instanceof RecognitionError) return false;
    throw error;
  }
}

/** Recognises a bulletin's parts in its extracted text. Throws RecognitionError when the number, date or every article is missing. */
export function recognizeBulletin(text: string): Recognition {
  const context = newContext();
  const { lines, pageNumbers, rules } = toLines(text);
  if (!lines.some((line) => !line.raw.startsWith(IMAGE_MARK))) throw new RecognitionError('no text at all');
  const { masthead, bodyStart } = readMasthead(lines, context);
  const contents = contentsLength(lines, bodyStart);
  const contentLines = new Set(lines.slice(bodyStart, bodyStart + contents).map((line) => line.no));
  const from = bodyStart + contents;
  const closingAt = closingStart(lines, from, (line) => lineRole(line.text) === 'section');
  const body = lines.slice(from, closingAt);
  const wrap = wrapWidth(body.filter((line) => lineRole(line.text) === 'text').map((line) => line.text));
  const issue: RecognizedIssue = { ...masthead, sections: [], credits: [], distribution: [] };
  issue.sections = assemble(toBlocks(body, wrap), context, issue.credits);
  if (!issue.sections.some((section) => section.articles.length)) throw new RecognitionError('no article in the body under the masthead');
  for (const section of issue.sections) {
    if (!section.articles.length) throw new RecognitionError(`section 【${section.name}】 has no article under it`);
  }
  readClosing(lines.slice(closingAt), wrap, issue, context);

  const { decisions } = context;
  if (contents)
    decisions.push(
      `dropped the table of contents (${plural(contents, 'line')} from line ${lines[bodyStart]!.no}): the site builds its own`,
    );
  if (pageNumbers.length) decisions.push(`dropped ${plural(pageNumbers.length, 'page-number line')}`);
  if (rules.length) decisions.push(`dropped ${plural(rules.length, 'rule line')}`);
  if (context.droppedMarkers.size) {
    const markers = [...context.droppedMarkers].map((no) => readMarker(lineOf(lines, no).text)!.marker.text);
    decisions.push(
      `dropped ${plural(markers.length, 'item marker')} (${[...new Set(markers)].join(' ')}) before titles, sections and items`,
    );
  }
  const keptText = lines
    .filter((line) => !contentLines.has(line.no) && !context.unplacedLines.has(line.no) && !line.raw.startsWith(IMAGE_MARK))
    .map((line) => {
      const section = context.plainSections.get(line.no);
      if (section !== undefined) return `【${section}】`;
      return context.droppedMarkers.has(line.no) ? (readMarker(line.text)?.rest ?? line.text) : line.raw;
    })
    .join('\n');
  if (context.plainSections.size) {
    decisions.push(
      `took ${plural(context.plainSections.size, 'line')} printed without 【】 as section headings: ${[...context.plainSections.values()].join('、')}`,
    );
  }
  const { unplacedLines: _lines, droppedMarkers: _markers, plainSections: _sections, ...findings } = context;
  return { issue, ...findings, keptText };
}

function lineOf(lines: readonly Line[], no: number): Line {
  return lines.find((line) => line.no === no)!;
}
