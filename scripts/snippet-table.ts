// The README's snippet table, generated from the patterns file so the two never disagree. Every
// framework offers the same prefixes (its body in its own idiom); the table says which leave one out.
import { FRAMEWORKS } from '../server/src/analysis/adapters/frameworks';
import { SNIPPET_PATTERNS, SNIPPET_TABLES } from '../server/src/snippets';

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** "all" or the frameworks that offer the pattern. */
function offeredBy(prefix: string): string {
  const without = FRAMEWORKS.filter((framework) => !SNIPPET_TABLES[framework].bodies[prefix]);
  return without.length === 0 ? 'all' : `all but ${without.join(', ')}`;
}

export function snippetTableMarkdown(): string {
  const rows = SNIPPET_PATTERNS.map(({ prefix, description }) => `| \`${prefix}\` | ${escapeCell(description)} | ${offeredBy(prefix)} |`);
  return ['| Prefix | Description | Frameworks |', '| --- | --- | --- |', ...rows].join('\n') + '\n';
}
