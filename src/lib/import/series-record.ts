import { pinyin } from 'pinyin-pro';
import { parseDocument, stringify } from 'yaml';
import type { Series } from '../../schemas/series.ts';
import { RESERVED_SLUGS } from '../urls.ts';

/** Masthead text compared without spaces, punctuation width or case. */
function fold(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** The series whose masthead or title matches a recognised masthead, if any. */
export function matchSeries(series: readonly Series[], mastheadLines: readonly string[]): Series | undefined {
  const masthead = fold(mastheadLines.join(''));
  if (!masthead) return undefined;
  return series.find((s) => fold(s.masthead.join('')) === masthead || fold(s.title) === masthead);
}

/** An ASCII slug from Chinese text: pinyin initials (short) or whole syllables, a-z and digits only. */
export function pinyinSlug(text: string, style: 'initials' | 'syllables', maxLength: number): string {
  const letters = pinyin(text.normalize('NFKC'), {
    pattern: style === 'initials' ? 'first' : 'pinyin',
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
  })
    .join('')
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[^a-z0-9]/g, '');
  const slug = letters.replace(/^[0-9]+/, '').slice(0, maxLength);
  return slug || 'x';
}

/** A slug not yet taken (appending -2, -3 …) and not one of the site's own paths. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  let slug = base;
  for (let n = 2; taken.has(slug) || RESERVED_SLUGS.includes(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/** A new series record from a recognised masthead. */
export function newSeries(
  mastheadLines: readonly string[],
  office: string | undefined,
  sections: readonly string[],
  taken: ReadonlySet<string>,
  slug?: string,
  numbering: Series['numbering'] = 'continuous',
): Series {
  const title = mastheadLines.map((line) => line.replace(/\s+/g, '')).join('');
  return {
    slug: slug ?? uniqueSlug(pinyinSlug(title, 'initials', 8), taken),
    title,
    masthead: [...mastheadLines],
    ...(office && { office }),
    numbering,
    sections: withSections([], sections),
  };
}

/** The series' sections with any missing names added, each with a new unique slug. */
export function withSections(existing: Series['sections'], names: readonly string[]): Series['sections'] {
  const sections = [...existing];
  for (const name of names) {
    if (sections.some((s) => s.name === name)) continue;
    const taken = new Set(sections.map((s) => s.slug));
    sections.push({ name, slug: uniqueSlug(pinyinSlug(name, 'syllables', 24), taken) });
  }
  return sections;
}

/** series.yaml text for a new series record. */
export function seriesYaml(series: Series): string {
  return stringify(series, { lineWidth: 0 });
}

/** An existing series.yaml with sections appended, keeping its comments and layout. */
export function seriesYamlWithSections(text: string, added: Series['sections']): string {
  const doc = parseDocument(text);
  for (const section of added) doc.addIn(['sections'], doc.createNode(section));
  return doc.toString({ lineWidth: 0 });
}
