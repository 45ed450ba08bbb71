import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from './problems.ts';

/** A YAML text parsed with its positions, so that problems can name the line of a field. */
export interface YamlSource {
  /** The parsed data (plain objects; dates stay strings under the YAML 1.2 core schema). */
  data: unknown;
  /** 1-based line of the value at a path (`['distribution', 2, 'label']`), or of its nearest parent. */
  lineOf(path: readonly PropertyKey[]): number;
  /** Syntax problems, each with its line and column. */
  problems: Problem[];
}

/** Parses YAML that starts at `firstLine` of `file`, keeping positions for messages. */
export function parseYamlSource(text: string, file: string, firstLine = 1): YamlSource {
  const lineCounter = new LineCounter();
  // The 1.2 core schema keeps 2022-07-28 a string instead of turning it into a UTC Date.
  const doc: Document = parseDocument(text, { lineCounter, schema: 'core', prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = doc.errors.map((error) => {
    const pos = lineCounter.linePos(error.pos[0]);
    return {
      file,
      line: pos.line + firstLine - 1,
      field: `YAML (column ${pos.col})`,
      expected: 'valid YAML',
      found: error.message.split('\n')[0] ?? error.code,
      fix: 'correct the YAML syntax at that line (indentation, a missing colon, an unclosed quote, a key given twice)',
    };
  });
  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
      const range = isScalar(node) || isMap(node) || isSeq(node) ? node.range : undefined;
      // A missing key has no node: its nearest parent stands for it.
      if (range) return lineCounter.linePos(range[0]).line + firstLine - 1;
    }
    return firstLine;
  };
  return { data: problems.length ? undefined : doc.toJS(), lineOf, problems };
}
