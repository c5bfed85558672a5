// The one entry point of the analysis: text in, sites, status references and findings out.
import { collectBindings } from './bindings';
import { parse } from './parse';
import { collectStatusRefs } from './refs';
import type { RuleContext, RuleReport } from './rule';
import { RULES, RULE_IDS, isRuleId, type RuleId } from './rules';
import { collectSites } from './sites';
import { detectStyle } from './style';
import { readSuppressions } from './suppressions';
import type { AnalysisOptions, AnalysisResult, Finding, Severity } from './types';

export type { AnalysisOptions, AnalysisResult, Finding } from './types';

export const DEFAULT_OPTIONS: AnalysisOptions = { rules: {}, validationStatus: 400, maxFileSize: 2_000_000 };

/** Words that any response or status check contains; a file without them has nothing to report. */
const CANDIDATE = /\b(status|sendStatus|statusCode|redirect|writeHead|json|send|end|expect|code|HttpCode)\b/;
/** Minified or generated code: very long lines, few of them. Not worth a parse on every keystroke. */
const LONG_LINE = 5_000;

export function skipReason(text: string, options: AnalysisOptions): AnalysisResult['skipped'] {
  if (text.length > options.maxFileSize) return 'too-large';
  if (!CANDIDATE.test(text)) return 'no-candidates';
  if (text.length > 50_000 && averageLineLength(text) > 400) return 'minified';
  if (text.length > LONG_LINE && /[^\n]{50000}/.test(text)) return 'minified';
  return undefined;
}

function averageLineLength(text: string): number {
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines++;
  return text.length / lines;
}

export function severityOf(ruleId: RuleId, options: AnalysisOptions): Severity | 'off' {
  return options.rules[ruleId] ?? RULES[ruleId].meta.defaultSeverity;
}

function readFile(text: string, fileName: string) {
  const sourceFile = parse(text, fileName);
  const bindings = collectBindings(sourceFile);
  return { sourceFile, bindings, sites: collectSites(sourceFile, bindings), statusRefs: collectStatusRefs(sourceFile, bindings), style: detectStyle(sourceFile) };
}

export function analyze(text: string, fileName: string, options: AnalysisOptions = DEFAULT_OPTIONS): AnalysisResult {
  const skipped = skipReason(text, options);
  if (skipped) return { sites: [], statusRefs: [], findings: [], skipped, ruleErrors: [] };
  let parsed;
  try {
    parsed = readFile(text, fileName);
  } catch (error) {
    // Pathologically deep nesting overflows the parser's or our walk's stack: no results, no crash.
    if (error instanceof RangeError) return { sites: [], statusRefs: [], findings: [], skipped: 'too-deep', ruleErrors: [] };
    throw error;
  }
  const { sourceFile, bindings, sites, statusRefs, style } = parsed;
  const findings: Finding[] = [];
  const ruleErrors: AnalysisResult['ruleErrors'] = [];
  for (const ruleId of RULE_IDS) {
    const configured = severityOf(ruleId, options);
    if (configured === 'off') continue;
    const rule = RULES[ruleId];
    // A user who configured a severity gets it; otherwise a rule may grade its own findings.
    const userSet = options.rules[ruleId] !== undefined;
    const context: RuleContext = {
      sourceFile,
      text,
      options,
      style,
      bindings,
      sites,
      report: (report: RuleReport) =>
        findings.push({ ruleId, message: report.message, range: report.range, fixes: report.fixes ?? [], severity: userSet ? configured : (report.severity ?? configured) }),
    };
    try {
      for (const site of sites) rule.check(site, context);
    } catch (error) {
      ruleErrors.push({ ruleId, error });
    }
  }
  const suppressions = readSuppressions(text, isRuleId);
  const kept = findings.filter((finding) => !suppressions.isSuppressed(finding));
  for (const unknown of suppressions.unknownIds) {
    kept.push({ ruleId: 'unknown-rule', message: `Unknown rule "${shorten(unknown.id)}" in a disable comment.`, severity: 'warning', range: unknown.range, fixes: [] });
  }
  kept.sort((a, b) => a.range.start - b.range.start);
  return { sourceFile, sites, statusRefs, findings: kept, ruleErrors };
}

/** User text in messages is bounded, so a long identifier never floods a hover. */
export function shorten(value: string, max = 40): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
