// A shared tester for rule tables: valid code reports nothing, invalid code reports the rule,
// `output` is the whole file after the preferred fix. Every case runs as JavaScript and as
// TypeScript, and every fix offered on an invalid case is checked: it parses no worse, it clears
// the finding (unless the case says it keeps it), and re-running the fix changes nothing more.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_OPTIONS } from '../../server/src/analysis';
import { applyEdits } from '../../server/src/analysis/engine/fixAll';
import { syntaxErrorCount } from '../../server/src/analysis/engine/parse';
import type { RuleId } from '../../server/src/analysis/rules';
import type { AnalysisOptions, Finding } from '../../server/src/analysis/types';

export interface ValidCase {
  code: string;
  options?: Partial<AnalysisOptions>;
  /** Run only as one dialect (e.g. code with type annotations). */
  only?: 'js' | 'ts';
  /**
   * The adapter every response site of the case must come from (`node:http`): a table written for
   * one framework fails when its code is read as another's.
   */
  adapter?: string;
  /** The place the case runs at, when not the table's (`pages/api/users`): both dialects' extensions are added. */
  file?: string;
}

export interface InvalidCase extends ValidCase {
  /**
   * Where each finding is, in source order: a fragment of the code that occurs once, with the
   * reported text between « and » (`status(«404»)`). No hand-counted columns.
   */
  at: string | string[];
  /** Findings of this rule expected (1 by default). */
  errors?: number;
  /** A pattern the (first) message must match. */
  message?: RegExp;
  /** The whole file after applying the first finding's preferred fix. */
  output?: string;
  /** Titles of fixes that, by design, leave the finding standing (a skeleton a person completes). */
  keeps?: string[];
}

export type Case = string | ValidCase;

function normalise<T extends ValidCase>(entry: string | T): T {
  return (typeof entry === 'string' ? { code: entry } : entry) as T;
}

function findingsOf(ruleId: RuleId, code: string, fileName: string, options: Partial<AnalysisOptions> | undefined, adapter?: string): Finding[] {
  // The rule under test runs even when it is off by default; the others keep their defaults.
  const merged: AnalysisOptions = { ...DEFAULT_OPTIONS, ...options, rules: { [ruleId]: 'warning', ...options?.rules } };
  const result = analyze(code, fileName, merged);
  if (adapter !== undefined) {
    const frameworks = [...new Set(result.sites.map((site) => site.adapter.framework))];
    assert.ok(frameworks.length > 0 && frameworks.every((framework) => framework === adapter), `expected sites from the ${adapter} adapter, got [${frameworks.join(', ')}] on:\n${code}`);
  }
  return result.findings.filter((finding) => finding.ruleId === ruleId);
}

/** The file each dialect of a case runs as: `case.js` and `case.ts`, or a table's place (`app/api/users/route.js`, `.ts`). */
function dialects(entry: ValidCase, file = 'case'): string[] {
  return entry.only ? [`${file}.${entry.only}`] : [`${file}.js`, `${file}.ts`];
}

function dialectOf(fileName: string): string {
  return fileName.slice(fileName.lastIndexOf('.') + 1);
}

/** The ranges `at` describes, as `text@start`, to compare with the findings'. */
export function expectedRanges(entry: InvalidCase): string[] {
  return (Array.isArray(entry.at) ? entry.at : [entry.at]).map((fragment) => {
    const match = /^([^«]*)«([^»]*)»(.*)$/s.exec(fragment);
    assert.ok(match, `"${fragment}" should mark the reported text with « and »`);
    const [, before, reported, after] = match;
    const plain = before + reported + after;
    const first = entry.code.indexOf(plain);
    assert.ok(first >= 0 && entry.code.indexOf(plain, first + 1) === -1, `"${plain}" should occur exactly once in:\n${entry.code}`);
    return `${reported}@${first + before.length}`;
  });
}

/**
 * A rule's table. The main table (Express) holds at least 6 valid and 6 invalid cases; a table
 * for another adapter (`{ adapter: 'node:http' }`) checks that every site comes from that adapter
 * and holds at least 3 of each. `file` runs the cases at a place (`app/api/users/route`), for
 * frameworks that match files by where they are.
 */
export function ruleTests(ruleId: RuleId, cases: { valid: Case[]; invalid: InvalidCase[] }, table: { adapter?: string; file?: string } = {}): void {
  const minimum = table.adapter ? 3 : 6;
  describe(table.adapter ? `${ruleId} (${table.adapter})` : ruleId, () => {
    it(`has at least ${minimum} valid and ${minimum} invalid cases`, () => {
      assert.ok(cases.valid.length >= minimum && cases.invalid.length >= minimum, `${cases.valid.length} valid, ${cases.invalid.length} invalid`);
    });
    cases.valid.map((entry) => ({ adapter: table.adapter, ...normalise<ValidCase>(entry) })).forEach((entry, index) => {
      for (const fileName of dialects(entry, entry.file ?? table.file)) {
        it(`valid #${index + 1} (${dialectOf(fileName)}) reports nothing`, () => {
          const findings = findingsOf(ruleId, entry.code, fileName, entry.options, entry.adapter);
          assert.deepEqual(findings.map((finding) => finding.message), [], `unexpected report on:\n${entry.code}`);
        });
      }
    });
    cases.invalid.map((entry) => ({ adapter: table.adapter, ...normalise<InvalidCase>(entry) })).forEach((entry, index) => {
      for (const fileName of dialects(entry, entry.file ?? table.file)) {
        it(`invalid #${index + 1} (${dialectOf(fileName)}) reports and its fixes repair`, () => {
          const findings = findingsOf(ruleId, entry.code, fileName, entry.options, entry.adapter);
          assert.equal(findings.length, entry.errors ?? 1, `expected ${entry.errors ?? 1} report(s) on:\n${entry.code}\ngot: ${findings.map((f) => f.message).join(' | ')}`);
          if (entry.message) assert.match(findings[0].message, entry.message);
          assert.deepEqual(findings.map((finding) => entry.code.slice(finding.range.start, finding.range.end) + `@${finding.range.start}`), expectedRanges(entry), 'reported at the wrong place');
          if (entry.output !== undefined) {
            const preferred = findings[0].fixes.find((fix) => fix.isPreferred);
            assert.ok(preferred, 'expected a preferred fix');
            assert.equal(applyEdits(entry.code, preferred.edits), entry.output);
          }
          for (const finding of findings) checkFixes(ruleId, entry, fileName, finding, findings.length);
        });
      }
    });
  });
}

function checkFixes(ruleId: RuleId, entry: InvalidCase, fileName: string, finding: Finding, count: number): void {
  const errorsBefore = syntaxErrorCount(entry.code, fileName);
  for (const fix of finding.fixes) {
    const fixed = applyEdits(entry.code, fix.edits);
    assert.ok(syntaxErrorCount(fixed, fileName) <= errorsBefore, `"${fix.title}" makes the file parse worse:\n${fixed}`);
    const after = findingsOf(ruleId, fixed, fileName, entry.options);
    if (!entry.keeps?.some((title) => fix.title.includes(title))) {
      assert.ok(after.length < count, `"${fix.title}" leaves the finding:\n${fixed}`);
    }
    // Applied twice changes nothing: where the rule still offers the same fix on the same finding
    // (its start moved by whatever the fix inserted before it), that fix is a no-op now.
    const shift = fix.edits.filter((edit) => edit.end <= finding.range.start).reduce((sum, edit) => sum + edit.newText.length - (edit.end - edit.start), 0);
    const same = after.filter((next) => next.range.start === finding.range.start + shift);
    for (const repeat of same.flatMap((next) => next.fixes.filter((other) => other.title === fix.title))) {
      assert.equal(applyEdits(fixed, repeat.edits), fixed, `"${fix.title}" changes the file again when re-applied`);
    }
  }
}
