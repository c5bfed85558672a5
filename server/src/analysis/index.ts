// The one entry point of the analysis: text in, sites, status references and findings out.
import ts from 'typescript';
import { addBindingsOf, addBindingsOfTaken, BINDING_KINDS, type Binding } from './facts/bindings';
import { HELPER_WALK_KINDS, HelperCallCollector } from './adapters/helperCalls';
import { isParserFailure, parseEdited, type PreviousParse } from './engine/parse';
import { addStatusPositionsOf, coverageOf, resolveStatusRefs, STATUS_HOLDING_KINDS, type StatusPosition } from './facts/refs';
import { fileIndexing } from './facts/fileIndex';
import type { RuleContext, RuleReport } from './rule';
import { RULES, RULE_IDS, isRuleId, type RuleId } from './rules';
import { collectorsFor, EXCEPTION_READERS, frameworksOf, type Framework } from './adapters/frameworks';
import { COLLECTOR_WALK_KINDS } from './adapters/collector';
import { walkFile, type WalkReader } from './engine/walk';
import { splitStatusBranches } from './adapters/statusBranches';
import { HANDING_KINDS, ThrownErrorCollector } from './adapters/thrownErrors';
import { withLostRejections } from './adapters/asyncRejections';
import { detectStyle, type CodeStyle } from './facts/style';
import { shorten } from './facts/shorten';
import { inSourceOrder } from './facts/syntax';
import { readSuppressions } from './engine/suppressions';
import type { AnalysisOptions, AnalysisResult, Finding, ResponseSite, Severity, StatusRef } from './types';

export type { AnalysisOptions, AnalysisResult, Finding } from './types';

/**
 * Which sites the rules check this time, and the findings kept from the last time for the others
 * (`engine/reuse.ts`: an edit re-checks only the units it touched). Given the new tree once parsed.
 */
export interface RuleScope {
  /** Whether a node lies in the part of the file checked this time: only its sites are built and checked. */
  wants(node: ts.Node): boolean;
  /** Findings of the sites not checked, already past the disable comments. */
  reused: readonly Finding[];
  /** The status references of the part not checked, from last time (`res.status(404)`, `new ApiError(404)`). */
  reusedRefs: readonly StatusRef[];
  /** Each finding a checked site produced, so the caller can tell which unit it belongs to. */
  reported(site: ResponseSite, finding: Finding): void;
  /** The status references of the part checked, for the same reason. */
  builtRefs(refs: readonly StatusRef[]): void;
}

export const DEFAULT_OPTIONS: AnalysisOptions = { rules: {}, validationStatus: 400, lookupFailures: true, maxFileSize: 2_000_000, frameworks: [] };

/** Words that any response or status check contains; a file without them has nothing to report. */
const CANDIDATE = /\b(status|sendStatus|statusCode|redirect|writeHead|json|send|end|render|expect|code|HttpCode|Controller|createError|throw|next|reply|fastify|Response|notFound|permanentRedirect|body|assert|text|html|newResponse|responses)\b/;
/** A relative import: with a module source, a helper it exports may send responses this file never spells. */
const RELATIVE_IMPORT = /(\bfrom|\brequire\s*\()\s*['"]\.\.?\//;
/** Minified or generated code: very long lines, few of them. Not worth a parse on every keystroke. */
const LONG_LINE = 5_000;

export function skipReason(text: string, options: AnalysisOptions): AnalysisResult['skipped'] {
  if (text.length > options.maxFileSize) return 'too-large';
  if (!CANDIDATE.test(text) && !(options.modules && RELATIVE_IMPORT.test(text))) return 'no-candidates';
  if (text.length > LONG_LINE) {
    const { lines, longest } = lineStats(text);
    if ((text.length > 50_000 && text.length / lines > 400) || longest >= 50_000) return 'minified';
  }
  return undefined;
}

/** Lines and the longest one's length, in one pass: a regex such as /[^\n]{50000}/ retries from every offset, quadratic on lines just shorter. */
function lineStats(text: string): { lines: number; longest: number } {
  let lines = 1;
  let longest = 0;
  let start = 0;
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
    longest = Math.max(longest, end - start);
    start = end + 1;
    lines++;
  }
  return { lines, longest: Math.max(longest, text.length - start) };
}

export function severityOf(ruleId: RuleId, options: AnalysisOptions): Severity | 'off' {
  return options.rules[ruleId] ?? RULES[ruleId].meta.defaultSeverity;
}

/**
 * One walk over the whole file feeds every collector that needs it; sites then walk only handlers,
 * and with a scope (an edit), only the handlers of the part it re-checks.
 */
function readFacts(sourceFile: ts.SourceFile, options: AnalysisOptions, scopeOf?: (sourceFile: ts.SourceFile, frameworks: readonly Framework[]) => RuleScope | undefined) {
  const bindings = new Map<string, Binding>();
  const frameworks = frameworksOf(sourceFile, options.frameworks);
  const collectors = collectorsFor(frameworks);
  const thrown = new ThrownErrorCollector(EXCEPTION_READERS);
  const helperCalls = new HelperCallCollector();
  const positions: StatusPosition[] = [];
  const indexing = fileIndexing();
  const scope = scopeOf?.(sourceFile, frameworks);
  const wanted = scope && ((node: ts.Node) => scope.wants(node));
  const readers: WalkReader[] = [
    { key: 'bindings', kinds: BINDING_KINDS, read: (node) => addBindingsOf(node, bindings), readTaken: (nodes) => addBindingsOfTaken(nodes, bindings) },
    ...collectors.map(({ key, collector }): WalkReader => ({
      key: `collector: ${key}`,
      kinds: COLLECTOR_WALK_KINDS,
      read: (node) => collector.visit(node),
      ...(collector.takeAll ? { readTaken: (nodes: readonly ts.Node[]) => collector.takeAll?.(nodes) } : {}),
    })),
    { key: 'thrown errors', kinds: HANDING_KINDS, read: (node, inChecked) => thrown.visit(node, inChecked), readTaken: (nodes, inChecked) => thrown.takeAll(nodes, inChecked) },
    { key: 'helper calls', kinds: HELPER_WALK_KINDS, read: (node, inChecked) => helperCalls.visit(node, inChecked), readTaken: (nodes, inChecked) => helperCalls.takeAll(nodes, inChecked) },
    // The references of the part not checked come from the last analysis.
    {
      key: 'status positions',
      kinds: STATUS_HOLDING_KINDS,
      read: (node, inChecked) => !inChecked || addStatusPositionsOf(node, positions),
      readTaken: (nodes, inChecked) => {
        if (inChecked) for (const node of nodes) addStatusPositionsOf(node, positions);
      },
    },
    ...indexing.parts,
  ];
  // An edited document (a scope is asked for) keeps what each reader took per statement for the next edit.
  walkFile(sourceFile, readers, scopeOf !== undefined, wanted);
  indexing.remember(sourceFile);
  const reading = { sourceFile, bindings, frameworks, wanted };
  const handlers = collectors.flatMap(({ collector }) => collector.handlers());
  const built = [...collectors.flatMap(({ collector }) => collector.sites(reading)), ...thrown.sites(sourceFile, handlers, bindings), ...helperCalls.sites(sourceFile, handlers, bindings, options)];
  // Collectors that build every site anyway: the engine keeps those of the part re-checked.
  const found = (wanted ? built.filter((site) => wanted(site.chain)) : built)
    .flatMap((site) => splitStatusBranches(site, bindings))
    .sort((a, b) => inSourceOrder(a.chain, b.chain));
  const sites = withLostRejections(found, handlers, sourceFile, options.project, wanted);
  // The references of the units an edit left alone come from the last analysis (`scope.reusedRefs`).
  const statusRefs = resolveStatusRefs(positions, bindings);
  // The status an error carries or a helper is named after is a status position too
  // (`new ApiError(httpStatus.UNAUTHORIZED, …)`, `reply.notFound()`).
  const covered = coverageOf(statusRefs);
  const added: StatusRef[] = [];
  for (const site of sites) {
    const { code, range, source } = site.status;
    if (code === undefined || source === 'implicit' || covered(range) || added.some((ref) => ref.range.start <= range.start && range.end <= ref.range.end)) continue;
    const ref = { code, range };
    statusRefs.push(ref);
    added.push(ref);
  }
  if (scope) {
    scope.builtRefs(statusRefs);
    statusRefs.push(...scope.reusedRefs);
  }
  statusRefs.sort((a, b) => a.range.start - b.range.start);
  return { bindings, sites, statusRefs, frameworks, modulesAsked: helperCalls.modulesAsked, scope };
}

/** Pathologically deep nesting overflows the parser's or our walk's stack: no results, no crash. */
function withinDepth<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** TypeScript's parser asserts on a few garbled inputs ("Debug Failure"): such a text gets no results. */
function parsed(text: string, fileName: string, previous: PreviousParse | undefined): ts.SourceFile | 'too-deep' | 'unparsable' {
  try {
    return withinDepth(() => parseEdited(text, fileName, previous)) ?? 'too-deep';
  } catch (error) {
    if (isParserFailure(error)) return 'unparsable';
    throw error;
  }
}

export function analyze(text: string, fileName: string, options: AnalysisOptions = DEFAULT_OPTIONS, previous?: PreviousParse): AnalysisResult {
  const steps = analysisSteps(text, fileName, options, previous);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The analysis in steps (parse, read, each rule). The server pauses between steps so a newer edit can
 * arrive, and drops the work if one did: cooperative cancellation, not a worker thread.
 */
export function* analysisSteps(
  text: string,
  fileName: string,
  options: AnalysisOptions = DEFAULT_OPTIONS,
  previous?: PreviousParse,
  scopeOf?: (sourceFile: ts.SourceFile, frameworks: readonly Framework[]) => RuleScope | undefined,
): Generator<void, AnalysisResult, void> {
  const skipped = skipReason(text, options);
  if (skipped) return { sites: [], statusRefs: [], findings: [], skipped, ruleErrors: [] };
  const sourceFile = parsed(text, fileName, previous);
  if (typeof sourceFile === 'string') return { sites: [], statusRefs: [], findings: [], skipped: sourceFile, ruleErrors: [] };
  yield;
  const facts = withinDepth(() => readFacts(sourceFile, options, scopeOf));
  if (!facts) return { sites: [], statusRefs: [], findings: [], skipped: 'too-deep', ruleErrors: [] };
  yield;
  const { bindings, sites, statusRefs, modulesAsked, scope } = facts;
  // Only fixes need the file's style: most files have none to offer, so it is read on first use.
  let style: CodeStyle | undefined;
  const styleOf = (): CodeStyle => (style ??= detectStyle(sourceFile));
  const findings: Finding[] = [];
  // Sites that share a status (one decorator over a method's several returns) report it once.
  const reported = new Set<string>();
  const ruleErrors: AnalysisResult['ruleErrors'] = [];
  /** The site a rule is checking, so a finding can say where a status set out of sight comes from. */
  let checking: ResponseSite | undefined;
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
      get style() {
        return styleOf();
      },
      bindings,
      sites,
      report: (report: RuleReport) => {
        const key = `${ruleId} ${report.range.start} ${report.range.end} ${report.message}`;
        if (reported.has(key)) return;
        reported.add(key);
        const severity = userSet ? configured : (report.severity ?? configured);
        const finding: Finding = { ruleId, message: report.message, range: report.range, fixes: report.fixes ?? [], severity, ...(report.related ? { related: report.related } : {}) };
        const shown = checking?.statusFrom ? withStatusOrigin(finding, checking.statusFrom) : finding;
        findings.push(shown);
        if (checking) scope?.reported(checking, shown);
      },
    };
    try {
      for (const site of sites) {
        checking = site;
        rule.check(site, context);
      }
    } catch (error) {
      ruleErrors.push({ ruleId, error });
    }
    yield;
  }
  const suppressions = readSuppressions(text, isRuleId);
  const kept = findings.filter((finding) => !suppressions.isSuppressed(finding));
  for (const unknown of suppressions.unknownIds) {
    kept.push({ ruleId: 'unknown-rule', message: `Unknown rule "${shorten(unknown.id)}" in a disable comment.`, severity: 'warning', range: unknown.range, fixes: [] });
  }
  if (scope) kept.push(...scope.reused);
  kept.sort((a, b) => a.range.start - b.range.start);
  return { sourceFile, sites, statusRefs, findings: kept, ruleErrors, modulesAsked };
}

/** A finding on a status an imported helper sets: the message names the helper, and related information shows the status in its file. */
function withStatusOrigin(finding: Finding, origin: NonNullable<ResponseSite['statusFrom']>): Finding {
  const where = `\`${origin.helper}\` in ${origin.module}`;
  return {
    ...finding,
    message: `${finding.message} (The ${origin.code} comes from ${where}.)`,
    related: [...(finding.related ?? []), { message: `${where} sets ${origin.code} here.`, place: origin.place }],
  };
}
