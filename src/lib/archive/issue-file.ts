import type { Blockquote, Heading, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { ArticleKind } from '../../schemas/article.ts';
import { SLUG } from '../../schemas/common.ts';
import type { Problem } from './problems.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';

/**
 * The body of an issue file:
 *
 *   ## 市局工作                                   a section, named as printed between 【】
 *   ### 郑州市教育局开展…活动 {#minqing}           a titled article and its stable id
 *   ### 国防教育，入脑入行。 {#guofang .lead}      a lead-phrase article: the phrase runs into its first paragraph
 *   ### {#a7}                                     an article printed without a title
 *   > 编者按：……                                  first in an article: its editor's note (before the heading: printed before the title)
 *   （供稿：某某学校） {.source}                  last in an article: where it came from, as printed
 *
 * Everything else belongs to the article above it. An issue without sections has no ## headings:
 * its articles are one run.
 */

/** How an article's title is printed. */
export type ParsedArticleKind = ArticleKind;

/** The words an editor's note opens with (编者按：…), as a pattern's source. */
export const NOTE_WORDS = '编者按|编者的话|编者注|编后语?';
/** A blockquote that opens with one of these is an editor's note. */
const NOTE = new RegExp(`^[【[]?\\s*(?:${NOTE_WORDS})`, 'u');
const SOURCE = /\s*\{\.source\}\s*$/u;

/** An article as written in the file. */
export interface ParsedArticle {
  /** The id given in `{#id}`; empty when the heading has none (a problem is reported). */
  id: string;
  /** Heading text without the attribute block, as printed (a lead phrase keeps its 。). */
  printedTitle: string;
  /** titled, lead (`.lead`) or untitled (no heading text). */
  kind: ParsedArticleKind;
  /** 1-based line of the heading. */
  line: number;
  /** The article's Markdown below its heading. */
  markdown: string;
  /** Plain text of each block, in order, for the print text. */
  blocks: string[];
  /** Images the article shows: their URL as written and the line. */
  images: { url: string; line: number }[];
  /** The editor's note (a blockquote opening 编者按), paragraphs separated by blank lines. */
  note?: string;
  /** True when the note stands before the heading: printed before the title. */
  noteBefore: boolean;
  /** The source paragraph marked {.source}, as printed. */
  source?: string;
}

/** A section with its articles; the one run of articles of an issue without sections has an empty name. */
export interface ParsedSection {
  /** Heading text, as printed between 【】; empty for the articles of an issue without sections. */
  name: string;
  /** 1-based line of the heading. */
  line: number;
  /** Articles in order. */
  articles: ParsedArticle[];
}

/** An issue file split into front matter and body structure, before any validation of the front matter. */
export interface ParsedIssueFile {
  /** The front matter, parsed but not validated; undefined when it is missing or not valid YAML. */
  frontMatter: YamlSource | undefined;
  /** Sections in order. */
  sections: ParsedSection[];
  /** Problems with the file's structure (front matter fence, YAML syntax, headings, text outside an article). */
  problems: Problem[];
}

const ATTRIBUTES = /\s*\{([^{}]*)\}\s*$/;

/** Splits an issue file (LF or CRLF, with or without BOM) and parses its body with remark. */
export function parseIssueFile(source: string, file: string): ParsedIssueFile {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const problems: Problem[] = [];
  const fence = /^---\n([\s\S]*?)\n?^---[ \t]*$\n?/m.exec(text);
  if (!fence || fence.index !== 0) {
    problems.push({
      file,
      line: 1,
      field: 'front matter',
      expected: 'a front matter block between two "---" lines at the top of the file',
      found: text.trim() ? `"${text.split('\n')[0]!.slice(0, 30)}"` : 'an empty file',
      fix: 'start the file with "---", the issue fields (number, date, sections …), and "---"',
    });
    return { frontMatter: undefined, sections: [], problems };
  }
  const frontMatter = parseYamlSource(fence[1] ?? '', file, 2);
  problems.push(...frontMatter.problems);
  const bodyStartLine = text.slice(0, fence[0].length).split('\n').length;
  const body = text.slice(fence[0].length);
  const sections = parseBody(body, file, bodyStartLine, problems);
  return { frontMatter, sections, problems };
}

function parseBody(body: string, file: string, firstLine: number, problems: Problem[]): ParsedSection[] {
  const tree: Root = unified().use(remarkParse).parse(body);
  const sections: ParsedSection[] = [];
  const lineOf = (node: RootContent) => (node.position?.start.line ?? 1) + firstLine - 1;
  const source = (node: RootContent) => body.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  let section: ParsedSection | undefined;
  let article: (ParsedArticle & { parts: string[] }) | undefined;
  // An editor's note waiting for the heading below it.
  let pendingNote: { text: string; line: number } | undefined;
  const closeArticle = () => {
    if (!article) return;
    const { parts, ...done } = article;
    done.markdown = parts.join('\n\n');
    section!.articles.push(done);
    article = undefined;
  };
  const notePlaced = () => {
    if (!pendingNote) return;
    problems.push({
      file,
      line: pendingNote.line,
      field: 'body',
      expected: "an editor's note (> 编者按：…) right above an article heading or first below it",
      found: `"${pendingNote.text.slice(0, 30)}" followed by no article`,
      fix: 'move the note next to its article',
    });
    pendingNote = undefined;
  };

  for (const [index, node] of tree.children.entries()) {
    if (node.type === 'heading' && node.depth <= 3) {
      closeArticle();
      if (node.depth === 2) {
        notePlaced();
        if (section && !section.name) {
          problems.push({
            file,
            line: lineOf(node),
            field: 'heading',
            expected: 'sections (##) for all articles of the issue, or for none',
            found: `articles before the first section "${plainText(node).trim()}"`,
            fix: 'add the section heading (## 〈name〉) above the first article, or remove every ## heading',
          });
        }
        section = { name: plainText(node).trim(), line: lineOf(node), articles: [] };
        sections.push(section);
        if (ATTRIBUTES.test(section.name)) {
          problems.push({
            file,
            line: section.line,
            field: 'heading',
            expected: 'a section heading with the section name only',
            found: `"${section.name}"`,
            fix: 'remove the {…} block: ids belong on article headings (###)',
          });
        }
      } else if (node.depth === 3) {
        const parsed = parseArticleHeading(node, file, lineOf(node), problems);
        if (!section) {
          // Articles before any ## heading: an issue printed as one run of articles.
          section = { name: '', line: lineOf(node), articles: [] };
          sections.push(section);
        }
        article = { ...parsed, parts: [] };
        if (pendingNote) {
          article.note = pendingNote.text;
          article.noteBefore = true;
          pendingNote = undefined;
        }
      } else {
        problems.push({
          file,
          line: lineOf(node),
          field: 'heading',
          expected: '## for sections and ### for articles (the issue title comes from the front matter)',
          found: `# ${plainText(node)}`,
          fix: 'remove the heading, or make it ## (a section) or ### (an article)',
        });
      }
      continue;
    }
    const next = tree.children[index + 1];
    if (node.type === 'blockquote' && isNote(node)) {
      const text = noteText(node);
      if (next?.type === 'heading' && next.depth === 3) {
        notePlaced();
        pendingNote = { text, line: lineOf(node) };
        continue;
      }
      if (article && !article.parts.length && !article.note) {
        article.note = text;
        continue;
      }
    }
    if (article) {
      const text = blockText(node);
      if (node.type === 'paragraph' && SOURCE.test(text)) {
        const after = tree.children[index + 2];
        const noteOfNext = next?.type === 'blockquote' && isNote(next) && after?.type === 'heading' && after.depth === 3;
        const nextIsArticleBlock = next !== undefined && !(next.type === 'heading' && next.depth <= 3) && !noteOfNext;
        if (article.source !== undefined || nextIsArticleBlock) {
          problems.push({
            file,
            line: lineOf(node),
            field: 'body',
            expected: 'one source paragraph ({.source}) as the last paragraph of its article',
            found: `"${text.slice(0, 30)}"`,
            fix: 'move the source to the end of its article, or drop {.source}',
          });
        }
        article.source = text.replace(SOURCE, '').trim();
        continue;
      }
      if (text) article.blocks.push(text);
      article.parts.push(source(node));
      visit(node, 'image', (image) => {
        article!.images.push({ url: image.url, line: (image.position?.start.line ?? 1) + firstLine - 1 });
      });
      continue;
    }
    problems.push({
      file,
      line: lineOf(node),
      field: 'body',
      expected: section
        ? 'text inside an article (below a ### heading)'
        : 'a section heading (## 〈name〉) or an article heading (###) before any text',
      found: `"${blockText(node).slice(0, 30)}"`,
      fix: section
        ? 'add an article heading (### 〈title〉 {#id}, or ### {#id} for an untitled item) above this text'
        : 'add an article heading (### 〈title〉 {#id}) above the text',
    });
  }
  closeArticle();
  notePlaced();
  return sections;
}

function isNote(node: Blockquote): boolean {
  return NOTE.test(plainText(node).trim());
}

function noteText(node: Blockquote): string {
  return node.children
    .map((child) => plainText(child).trim())
    .filter(Boolean)
    .join('\n\n');
}

function parseArticleHeading(node: Heading, file: string, line: number, problems: Problem[]) {
  const raw = plainText(node).trim();
  const attributes = ATTRIBUTES.exec(raw);
  const printedTitle = attributes ? raw.slice(0, attributes.index).trim() : raw;
  const tokens = attributes?.[1]?.trim().split(/\s+/).filter(Boolean) ?? [];
  const ids = tokens.filter((token) => token.startsWith('#')).map((token) => token.slice(1));
  const classes = tokens.filter((token) => token.startsWith('.')).map((token) => token.slice(1));
  const unknown = tokens.filter((token) => !token.startsWith('#') && !token.startsWith('.'));
  const lead = classes.includes('lead');
  const id = ids[0] ?? '';
  const where = { file, line, field: 'heading' };
  if (ids.length !== 1) {
    problems.push({
      ...where,
      expected: 'one article id in braces after the title, e.g. ### 标题 {#minqing}',
      found: ids.length ? `${ids.length} ids` : `"${raw}" without an id`,
      fix: 'write one short ASCII id in braces at the end of the heading; never change an id once published',
    });
  } else if (!SLUG.test(id)) {
    problems.push({
      ...where,
      expected: 'an article id of a-z, 0-9 and "-", starting with a letter (at most 32 characters)',
      found: `"#${id}"`,
      fix: 'choose a short ASCII id such as "minqing" or "a3"',
    });
  }
  const badClasses = classes.filter((name) => name !== 'lead');
  if (badClasses.length || unknown.length) {
    problems.push({
      ...where,
      expected: 'only {#id} or {#id .lead} after the title',
      found: `"${[...badClasses.map((c) => `.${c}`), ...unknown].join(' ')}"`,
      fix: 'remove it; ".lead" marks a lead-phrase article',
    });
  }
  if (lead && !printedTitle) {
    problems.push({
      ...where,
      expected: 'a lead phrase before {#id .lead}',
      found: 'an empty heading',
      fix: 'write the lead phrase as printed (国防教育，入脑入行。), or drop ".lead" for an untitled item',
    });
  }
  const kind: ParsedArticleKind = lead ? 'lead' : printedTitle ? 'titled' : 'untitled';
  return {
    id,
    printedTitle,
    kind,
    line,
    markdown: '',
    blocks: [] as string[],
    images: [] as { url: string; line: number }[],
    noteBefore: false,
  };
}

function plainText(node: Nodes): string {
  return toString(node, { includeImageAlt: false });
}

function blockText(node: RootContent): string {
  if (node.type === 'list') return node.children.map((item) => plainText(item).trim()).join('\n');
  if (node.type === 'html') return '';
  return plainText(node).trim();
}
