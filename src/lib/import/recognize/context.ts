import type { Line } from './lines.ts';
import type { Findings } from './types.ts';

/** What the stages record while they read one bulletin: findings, and the source lines they dropped in part or whole. */
export interface Context extends Findings {
  /** Lines that landed nowhere (by source line number). */
  unplacedLines: Set<number>;
  /** Lines whose opening marker (◆, 一、) the file does not keep. */
  droppedMarkers: Set<number>;
  /** Section headings printed without 【】 (一、工作动态), by line: the file writes them as sections, printed 【工作动态】. */
  plainSections: Map<number, string>;
}

/** A new, empty context. */
export function newContext(): Context {
  return { decisions: [], warnings: [], unplaced: [], unplacedLines: new Set(), droppedMarkers: new Set(), plainSections: new Map() };
}

/** Records source text that fits nowhere. */
export function unplace(context: Context, lines: readonly Line[], text = lines.map((line) => line.raw).join('')): void {
  context.unplaced.push(text);
  for (const line of lines) context.unplacedLines.add(line.no);
}
