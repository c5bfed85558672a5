// Disable comments: `// http-status-disable-next-line id[, id]`, `// http-status-disable-line id`
// and `/* http-status-disable id */` for the whole file. Without ids they disable every rule.
import type { Finding, TextEdit, TextRange } from '../types';

export const DISABLE_NEXT_LINE = 'http-status-disable-next-line';
export const DISABLE_FILE = 'http-status-disable';

interface Suppression {
  /** The line it applies to, or 'file'. */
  scope: number | 'file';
  /** Rule ids; empty means every rule. */
  ids: string[];
}

export interface Suppressions {
  isSuppressed(finding: Finding): boolean;
  /** Ids in comments that name no rule, for the `unknown-rule` finding. */
  unknownIds: { id: string; range: TextRange }[];
}

const COMMENT = /(?:\/\/|\/\*)[ \t]*http-status-disable(-next-line|-line)?(?![\w-])([^\r\n]*)/g;

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

export function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

export function readSuppressions(text: string, isKnownId: (id: string) => boolean): Suppressions {
  if (!text.includes('http-status-disable')) return { isSuppressed: () => false, unknownIds: [] };
  const starts = lineStarts(text);
  const suppressions: Suppression[] = [];
  const unknownIds: Suppressions['unknownIds'] = [];
  for (const match of text.matchAll(COMMENT)) {
    const kind = match[1];
    // A block comment's ids end where the comment does; `--` starts a reason that is not an id.
    const rest = match[2].split('*/')[0].split(/\s--\s/)[0];
    const restStart = (match.index ?? 0) + match[0].length - match[2].length;
    const ids: string[] = [];
    for (const idMatch of rest.matchAll(/[A-Za-z][\w-]*/g)) {
      const id = idMatch[0];
      ids.push(id);
      const start = restStart + (idMatch.index ?? 0);
      if (!isKnownId(id)) unknownIds.push({ id, range: { start, end: start + id.length } });
    }
    const line = lineOf(starts, match.index ?? 0);
    const scope = kind === '-next-line' ? line + 1 : kind === '-line' ? line : 'file';
    suppressions.push({ scope, ids });
  }
  return {
    unknownIds,
    isSuppressed(finding) {
      const line = lineOf(starts, finding.range.start);
      return suppressions.some(
        (suppression) => (suppression.scope === 'file' || suppression.scope === line) && (suppression.ids.length === 0 || suppression.ids.includes(finding.ruleId)),
      );
    },
  };
}

/** Inserts (or extends) a `// http-status-disable-next-line` comment above the line of `offset`. */
export function disableNextLineEdit(text: string, offset: number, ruleId: string, eol: string): TextEdit {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  const previousEnd = lineStart - eol.length;
  const previousStart = previousEnd > 0 ? text.lastIndexOf('\n', previousEnd - 1) + 1 : 0;
  const previous = lineStart > 0 ? text.slice(previousStart, previousEnd) : '';
  const existing = /^[ \t]*\/\/[ \t]*http-status-disable-next-line[ \t]+[\w-]+(?:[ \t]*,[ \t]*[\w-]+)*[ \t]*$/.exec(previous);
  if (existing) {
    const end = previousStart + previous.trimEnd().length;
    return { start: end, end, newText: `, ${ruleId}` };
  }
  return { start: lineStart, end: lineStart, newText: `${indent}// ${DISABLE_NEXT_LINE} ${ruleId}${eol}` };
}

/** Inserts a `/* http-status-disable id *\/` comment at the top of the file (after a shebang). */
export function disableFileEdit(text: string, ruleId: string, eol: string): TextEdit {
  const start = text.startsWith('#!') ? text.indexOf('\n') + 1 || text.length : 0;
  const prefix = start === text.length && start > 0 ? eol : '';
  return { start, end: start, newText: `${prefix}/* ${DISABLE_FILE} ${ruleId} */${eol}` };
}
