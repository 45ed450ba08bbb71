import { readFileSync } from 'node:fs';
import type { ContentFile } from '../../src/lib/archive/check.ts';

/** The bundled series record and 第59期 (a copy kept with the tests, so that editing content/ changes no unit test). */
export const SERIES_YAML = readFileSync(new URL('../fixtures/content/nlzf/series.yaml', import.meta.url), 'utf8');
export const ISSUE_59 = readFileSync(new URL('../fixtures/content/nlzf/2022/59.md', import.meta.url), 'utf8');
/** The seed: text extracted from the printed 第59期. */
export const SEED_59 = readFileSync(new URL('../fixtures/seeds/nlzf-2022-59.txt', import.meta.url), 'utf8');

/** A content folder holding the bundled series and the given issue files (path → text). */
export function archiveWith(issues: Record<string, string>, seriesYaml = SERIES_YAML): ContentFile[] {
  return [{ path: 'nlzf/series.yaml', text: seriesYaml }, ...Object.entries(issues).map(([path, text]) => ({ path, text }))];
}

/** 第59期 with one piece of text replaced (the replacement must happen, or the test is wrong). */
export function issue59With(from: string | RegExp, to: string): string {
  const changed = ISSUE_59.replace(from, to);
  if (changed === ISSUE_59) throw new Error(`fixture edit did not apply: ${String(from)}`);
  return changed;
}
