// Disable comments: `// http-status-disable-next-line id[, id]`, `// http-status-disable-line id`
// and `/* http-status-disable id */` for the whole file. Without ids they disable every rule.
import type { Finding, TextEdit, TextRange } from '../types';

export const DISABLE_NEXT_LINE = 'http-status-disable-next-line';
export const DISABLE_FILE = 'http-status-disable';

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

export function lineOf(starts: ArrayLike<number>, offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** One disable comment: where it is, the line it covers (or the file) and the ids it names. */
export interface DisableComment {
  range: TextRange;
  scope: number | 'file';
  ids: { id: string; range: TextRange }[];
}

/** Every disable comment of the text, in order (the CLI reports the ones that disabled nothing). */
export function readDisableComments(text: string): DisableComment[] {
  if (!text.includes('http-status-disable')) return [];
  const starts = lineStarts(text);
  const comments: DisableComment[] = [];
  for (const match of text.matchAll(COMMENT)) {
    const kind = match[1];
    // A block comment's ids end where the comment does; `--` starts a reason that is not an id.
    const rest = match[2].split('*/')[0].split(/\s--\s/)[0];
    const start = match.index ?? 0;
    const restStart = start + match[0].length - match[2].length;
    const ids = [...rest.matchAll(/[A-Za-z][\w-]*/g)].map((idMatch) => {
      const idStart = restStart + (idMatch.index ?? 0);
      return { id: idMatch[0], range: { start: idStart, end: idStart + idMatch[0].length } };
    });
    const line = lineOf(starts, start);
    const scope = kind === '-next-line' ? line + 1 : kind === '-line' ? line : 'file';
    comments.push({ range: { start, end: restStart + rest.trimEnd().length }, scope, ids });
  }
  return comments;
}

export function readSuppressions(text: string, isKnownId: (id: string) => boolean): Suppressions {
  const comments = readDisableComments(text);
  if (comments.length === 0) return { isSuppressed: () => false, unknownIds: [] };
  const starts = lineStarts(text);
  return {
    unknownIds: comments.flatMap((comment) => comment.ids).filter((entry) => !isKnownId(entry.id)),
    isSuppressed(finding) {
      const line = lineOf(starts, finding.range.start);
      return comments.some(
        (comment) => (comment.scope === 'file' || comment.scope === line) && (comment.ids.length === 0 || comment.ids.some((entry) => entry.id === finding.ruleId)),
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
