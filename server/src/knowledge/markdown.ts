// Markdown helpers for text that does not come from this module, such as code from the
// user's document. Escaping every ASCII punctuation mark a renderer could act on is valid
// CommonMark and keeps `*`, `[`, `<` and friends from turning into markup or links.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()<>#+\-.!|~&]/g;

/** Escapes `text` for inline use: markup characters are backslash-escaped, line breaks become spaces. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(MARKDOWN_SPECIAL, (char) => `\\${char}`);
}
