import type { Element, Root } from 'hast';

/**
 * Runs a lead phrase into the first paragraph, as bulletins print it:
 * <p><strong class="lead-phrase">国防教育，入脑入行。</strong>为增强…</p>.
 * The phrase comes from the rendered entry's front matter (`leadPhrase`); without one, nothing changes.
 */
export default function rehypeLeadPhrase() {
  return (tree: Root, file: { data: { astro?: { frontmatter?: Record<string, unknown> } } }) => {
    const phrase = file.data.astro?.frontmatter?.leadPhrase;
    if (typeof phrase !== 'string' || !phrase) return;
    const paragraph = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'p');
    const strong: Element = {
      type: 'element',
      tagName: 'strong',
      properties: { className: ['lead-phrase'] },
      children: [{ type: 'text', value: phrase }],
    };
    if (paragraph) paragraph.children.unshift(strong);
    else tree.children.unshift({ type: 'element', tagName: 'p', properties: {}, children: [strong] });
  };
}
