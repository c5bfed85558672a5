// Applies every preferred fix of a document at once (source.fixAll / codeActionsOnSave).
// One fix can reveal another (200 → 201 then a missing Location), so it repeats, at most 3 passes.
import { analyze } from '../index';
import { syntaxErrorCount } from './parse';
import type { AnalysisOptions, Finding, Fix, TextEdit } from '../types';

const MAX_PASSES = 3;

/** Applies edits sorted by position, skipping any that overlaps one already taken. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) continue;
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}

/**
 * The preferred fixes of one pass. Findings on the same status belong to one response: only one of
 * them is fixed per pass, a status change first, so that the next pass sees the new status (a 500
 * turned into a 400 no longer needs its error message made generic).
 */
function onePreferredFixPerSite(findings: readonly Finding[]): TextEdit[] {
  const changesStatus = (finding: Finding, fix: Fix): boolean =>
    fix.edits.some((edit) => edit.start <= finding.range.end && finding.range.start <= edit.end);
  const bySite = new Map<string, { fix: Fix; status: boolean }>();
  for (const finding of findings) {
    const fix = finding.fixes.find((candidate) => candidate.isPreferred);
    if (!fix) continue;
    const key = `${finding.range.start}:${finding.range.end}`;
    const status = changesStatus(finding, fix);
    const taken = bySite.get(key);
    if (!taken || (status && !taken.status)) bySite.set(key, { fix, status });
  }
  return [...bySite.values()].flatMap((entry) => entry.fix.edits);
}

export function fixAll(text: string, fileName: string, options: AnalysisOptions): string {
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const edits = onePreferredFixPerSite(analyze(current, fileName, options).findings);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    // A pass that would make the file parse worse is not taken.
    if (next === current || syntaxErrorCount(next, fileName) > syntaxErrorCount(current, fileName)) break;
    current = next;
  }
  return current;
}

/** The smallest single edit that turns `before` into `after`. */
export function minimalEdit(before: string, after: string): TextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { start, end: endBefore, newText: after.slice(start, endAfter) };
}
