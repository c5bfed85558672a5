// The README's snippet table, generated from the snippet file so the two never disagree.
// JavaScript and TypeScript offer the same prefixes and descriptions (the snippet tests check it).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const SNIPPET_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'snippets', 'javascript.json');

interface SnippetJson {
  prefix: string;
  description: string;
}

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

export function snippetTableMarkdown(): string {
  const snippets = JSON.parse(fs.readFileSync(SNIPPET_FILE, 'utf8')) as Record<string, SnippetJson>;
  const rows = Object.values(snippets).map(({ prefix, description }) => `| \`${prefix}\` | ${escapeCell(description)} |`);
  return ['| Prefix | Description |', '| --- | --- |', ...rows].join('\n') + '\n';
}
