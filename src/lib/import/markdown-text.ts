/** Text → Markdown that reads back as exactly that text: nothing in it becomes markup. */

/** Escapes text for a Markdown paragraph: inline markup characters anywhere, block markers at the start. */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>&~|{}]/g, '\\$&')
    .replace(/^(\s*)([#>+-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Escapes text for a heading line, where # and the {…} attribute block also matter. */
export function escapeMarkdownHeading(text: string): string {
  return escapeMarkdownText(text).replace(/#/g, '\\#');
}
