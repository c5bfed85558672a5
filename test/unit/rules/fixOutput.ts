// Reads one named fix of a rule on a fixture, for checks of fixes other than the preferred one
// (the table tester only compares the preferred fix's output).
import assert from 'node:assert/strict';
import { analyze, DEFAULT_OPTIONS } from '../../../server/src/analysis';
import { applyEdits } from '../../../server/src/analysis/engine/fixAll';
import type { RuleId } from '../../../server/src/analysis/rules';
import type { AnalysisOptions } from '../../../server/src/analysis/types';

/** The file after applying the fix whose title contains `title`; fails when no such fix is offered. */
export function fixOutput(ruleId: RuleId, code: string, title: string, options?: Partial<AnalysisOptions>, fileName = 'case.ts'): string {
  const findings = analyze(code, fileName, { ...DEFAULT_OPTIONS, ...options, rules: { [ruleId]: 'warning' } }).findings.filter((finding) => finding.ruleId === ruleId);
  const fix = findings.flatMap((finding) => finding.fixes).find((candidate) => candidate.title.includes(title));
  assert.ok(fix, `no fix titled "${title}" among: ${findings.flatMap((finding) => finding.fixes.map((f) => f.title)).join(' | ')}`);
  return applyEdits(code, fix.edits);
}

/** Titles of every fix the rule offers on the fixture. */
export function fixTitles(ruleId: RuleId, code: string, options?: Partial<AnalysisOptions>): string[] {
  return analyze(code, 'case.ts', { ...DEFAULT_OPTIONS, ...options, rules: { [ruleId]: 'warning' } })
    .findings.filter((finding) => finding.ruleId === ruleId)
    .flatMap((finding) => finding.fixes.map((fix) => fix.title));
}
