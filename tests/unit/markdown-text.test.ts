import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { escapeMarkdownHeading, escapeMarkdownText } from '../../src/lib/import/markdown-text.ts';

const parse = (markdown: string) => unified().use(remarkParse).parse(markdown);

describe('Markdown escaping', () => {
  it.each([
    '<script>alert(1)</script> & <b>粗体</b>',
    '1. 不是列表',
    '- 不是列表',
    '# 不是标题',
    '> 不是引用',
    '*强调* _下划线_ `代码` [链接](http://example.com) ~删除~ a|b',
    '&amp; 实体 &#x3C; 与 \\ 反斜杠',
    '{#id .lead} 花括号',
  ])('keeps %s as plain text', (text) => {
    const tree = parse(escapeMarkdownText(text));
    expect(tree.children).toHaveLength(1);
    expect(tree.children[0]!.type).toBe('paragraph');
    expect(toString(tree)).toBe(text);
  });
  it('keeps # in headings and ends before the attribute block', () => {
    const tree = parse(`### ${escapeMarkdownHeading('第1#号 {注}')} {#a1}`);
    expect(toString(tree)).toBe('第1#号 {注} {#a1}');
  });
});
