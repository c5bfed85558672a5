// Edits re-check only what they touch. A file is cut into units (its top-level statements, and the
// trivia after the last one); the findings of each unit are kept with the text they came from. After
// an edit, the rules check again only the sites of units whose text changed, and of every unit that
// is not a route handler (imports, constants, helpers, error classes, middleware: what others read);
// route handlers that kept their text keep their findings, shifted to their new offsets. Facts are
// still read from the whole file (bindings and frameworks are file-wide), so they are never stale.
// When unsure, the whole file is checked: see `changedUnitsAreSafe`.
import ts from 'typescript';
import { addBindingsOf, type Binding } from '../facts/bindings';
import { skipTypeWrappers } from '../facts/syntax';
import type { Framework } from '../adapters/frameworks';
import { analysisSteps, type RuleScope } from '../index';
import type { AnalysisOptions, AnalysisResult, Finding, ResponseSite, TextRange } from '../types';
import { parse, parseErrorCount, type PreviousParse } from './parse';
import { DISABLE_FILE } from './suppressions';

/** A top-level statement with its leading trivia (or the trailing trivia of the file): `[start, end)`. */
interface Unit {
  start: number;
  end: number;
  /** A route registration (`app.get('/x', handler)`) or a Next.js route function: nothing else reads it. */
  handler: boolean;
}

/**
 * What the last analysis of a document leaves for the next one: its tree, its units and their findings.
 * Findings may come from imported modules (`result.modulesAsked`): when one of them changes, the host
 * keeps only the tree (`text` and `sourceFile`), as it does with its own cached results.
 */
export interface KeptAnalysis extends PreviousParse {
  fileName: string;
  optionsKey: string;
  units: Unit[];
  frameworks: Framework[];
  /** Per unit, the findings of the sites in it, in the result's order. */
  findingsByUnit: Finding[][];
}

export interface ReusingResult {
  result: AnalysisResult;
  /**
   * What the next edit starts from: the tree, with units and findings when this result can seed a reuse
   * (not when a rule failed); undefined when nothing was parsed.
   */
  kept?: KeptAnalysis | PreviousParse;
  /** Units whose sites the rules checked, and units whose findings were kept. */
  rechecked: number;
  reused: number;
}

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all']);
const NEXT_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/**
 * The analysis in steps, as `analysisSteps`, reusing what `previous` found for the units this edit left
 * alone. `previous` is consumed (its tree is updated in place), as with `parseEdited`.
 */
export function* reusingAnalysisSteps(
  text: string,
  fileName: string,
  options: AnalysisOptions,
  previous?: KeptAnalysis | PreviousParse,
): Generator<void, ReusingResult, void> {
  const optionsKey = keyOf(options);
  const usable = previous && 'units' in previous && previous.fileName === fileName && previous.optionsKey === optionsKey ? previous : undefined;
  let units: Unit[] = [];
  let frameworks: Framework[] = [];
  let reusedUnit: boolean[] = [];
  const findingUnit = new Map<Finding, number>();
  let reusedCount = 0;
  // The frameworks come from the facts the analysis has just read: not worked out twice per edit.
  const scopeOf = (sourceFile: ts.SourceFile, fileFrameworks: readonly Framework[]): RuleScope => {
    units = unitsOf(sourceFile);
    frameworks = [...fileFrameworks];
    const plan = usable && planReuse(usable, text, sourceFile, units, frameworks);
    reusedUnit = units.map(() => false);
    const reused: Finding[] = [];
    for (const [index, findings] of plan ?? []) {
      reusedUnit[index] = true;
      reusedCount++;
      for (const finding of findings) {
        findingUnit.set(finding, index);
        reused.push(finding);
      }
    }
    return {
      checks: (site) => !reusedUnit[unitAt(units, siteStart(site))],
      reused,
      reported: (site, finding) => findingUnit.set(finding, unitAt(units, siteStart(site))),
    };
  };
  const result = yield* analysisSteps(text, fileName, options, previous, scopeOf);
  const rechecked = units.length - reusedCount;
  if (!result.sourceFile) return { result, rechecked, reused: reusedCount };
  // A rule that threw skipped the sites after the failing one: start afresh next time.
  if (result.ruleErrors.length > 0) return { result, kept: { text, sourceFile: result.sourceFile }, rechecked, reused: reusedCount };
  const findingsByUnit: Finding[][] = units.map(() => []);
  for (const finding of result.findings) {
    const index = findingUnit.get(finding);
    // Not from a site (a disable comment naming no rule): read again from the text each time.
    if (index !== undefined) findingsByUnit[index].push(finding);
  }
  return { result, kept: { text, sourceFile: result.sourceFile, fileName, optionsKey, units, frameworks, findingsByUnit }, rechecked, reused: reusedCount };
}

/** Everything in the options but the module source (a function; the host says when a module changed). */
function keyOf(options: AnalysisOptions): string {
  return JSON.stringify({ ...options, modules: undefined });
}

function siteStart(site: ResponseSite): number {
  return site.chain.getStart();
}

function unitsOf(sourceFile: ts.SourceFile): Unit[] {
  const units: Unit[] = sourceFile.statements.map((statement) => ({ start: statement.getFullStart(), end: statement.getEnd(), handler: isRouteHandler(statement) }));
  const last = units.length > 0 ? units[units.length - 1].end : 0;
  units.push({ start: last, end: sourceFile.text.length, handler: false });
  return units;
}

function isRouteHandler(statement: ts.Statement): boolean {
  if (ts.isExpressionStatement(statement)) {
    const call = statement.expression;
    return ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && ROUTE_METHODS.has(call.expression.name.text);
  }
  return ts.isFunctionDeclaration(statement) && statement.name !== undefined && NEXT_METHODS.has(statement.name.text) && (ts.getCombinedModifierFlags(statement) & ts.ModifierFlags.Export) !== 0;
}

/** The unit holding `offset` (units cover the text without gaps). */
function unitAt(units: readonly Unit[], offset: number): number {
  let low = 0;
  let high = units.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (units[middle].start <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Which new units keep the findings of which old ones, or undefined when the whole file must be
 * checked: the old and new texts agree on a run of units at the start and at the end; the units
 * between them changed, and may be dropped, added or edited only if they are route handlers that
 * give the file nothing the rest reads.
 */
function planReuse(previous: KeptAnalysis, text: string, sourceFile: ts.SourceFile, units: readonly Unit[], frameworks: readonly Framework[]): Map<number, Finding[]> | undefined {
  // A syntax error can make the parser read neighbours differently; frameworks decide every site.
  if (parseErrorCount(sourceFile) > 0 || frameworks.join() !== previous.frameworks.join()) return undefined;
  const before = previous.text;
  const old = previous.units;
  const same = (a: Unit, b: Unit): boolean => a.end - a.start === b.end - b.start && a.handler === b.handler && before.slice(a.start, a.end) === text.slice(b.start, b.end);
  let head = 0;
  while (head < old.length && head < units.length && old[head].start === units[head].start && same(old[head], units[head])) head++;
  let tail = 0;
  while (tail < old.length - head && tail < units.length - head && same(old[old.length - 1 - tail], units[units.length - 1 - tail])) tail++;
  const oldChanged = old.slice(head, old.length - tail);
  const newChanged = units.slice(head, units.length - tail);
  if (!changedUnitsAreSafe(oldChanged, before, newChanged, sourceFile.statements.slice(head, units.length - tail), previous.fileName)) return undefined;
  const changeStart = head < old.length ? old[head].start : before.length;
  const changeEnd = tail > 0 ? old[old.length - tail].start : before.length;
  const shift = text.length - before.length;
  const move = (offset: number): number | undefined => {
    if (offset < changeStart || (offset === changeStart && changeStart < changeEnd)) return offset;
    if (offset > changeEnd || (offset === changeEnd && changeStart < changeEnd)) return offset + shift;
    return undefined;
  };
  const plan = new Map<number, Finding[]>();
  const keep = (oldIndex: number, newIndex: number): boolean => {
    if (!old[oldIndex].handler) return true;
    const moved = previous.findingsByUnit[oldIndex].map((finding) => movedFinding(finding, move));
    if (moved.some((finding) => finding === undefined)) return false;
    plan.set(newIndex, moved as Finding[]);
    return true;
  };
  for (let index = 0; index < head; index++) if (!keep(index, index)) return undefined;
  for (let index = 0; index < tail; index++) if (!keep(old.length - 1 - index, units.length - 1 - index)) return undefined;
  return plan;
}

/**
 * Changed units are safe to check alone when all are route handlers that declare nothing another
 * unit could read (functions, classes), hold no disable comment for the whole file, bind the same
 * names to the same values as before (bindings are one map for the file), and speak of the same
 * authentication schemes (a rule reads the file's strings for them).
 */
function changedUnitsAreSafe(oldUnits: readonly Unit[], before: string, newUnits: readonly Unit[], newStatements: readonly ts.Statement[], fileName: string): boolean {
  if (![...oldUnits, ...newUnits].every((unit) => unit.handler)) return false;
  // The old tree was updated in place by the incremental parse: the old units are parsed from their text.
  const oldStatements: ts.Statement[] = [];
  for (const unit of oldUnits) {
    const unitFile = parse(before.slice(unit.start, unit.end), fileName);
    if (parseErrorCount(unitFile) > 0) return false;
    oldStatements.push(...unitFile.statements);
  }
  const oldMark = contributionOf(oldStatements);
  const newMark = contributionOf(newStatements);
  return oldMark !== undefined && oldMark === newMark;
}

/** What these statements give the rest of the file, as one comparable string; undefined when unsafe to say. */
function contributionOf(statements: readonly ts.Statement[]): string | undefined {
  const bindings = new Set<string>();
  const schemes = new Set<string>();
  let unsafe = false;
  const visit = (node: ts.Node): void => {
    if (unsafe) return;
    if (ts.isClassLike(node) || (ts.isFunctionDeclaration(node) && !ts.isSourceFile(node.parent)) || (ts.isVariableDeclaration(node) && node.initializer && isFunctionOrClass(node.initializer))) {
      unsafe = true;
      return;
    }
    const single = new Map<string, Binding>();
    addBindingsOf(node, single);
    for (const [name, binding] of single) bindings.add(`${name} ${binding.kind} ${JSON.stringify(binding.kind === 'object' ? [...binding.members] : binding)}`);
    if (ts.isStringLiteralLike(node)) {
      if (/^\s*bearer\b/i.test(node.text)) schemes.add('bearer');
      if (/^\s*basic\b/i.test(node.text)) schemes.add('basic');
    }
    ts.forEachChild(node, visit);
  };
  for (const statement of statements) {
    if (statement.getFullText().includes(DISABLE_FILE)) return undefined;
    visit(statement);
  }
  return unsafe ? undefined : JSON.stringify([[...bindings].sort(), [...schemes].sort()]);
}

function isFunctionOrClass(node: ts.Expression): boolean {
  const inner = skipTypeWrappers(node);
  return ts.isFunctionExpression(inner) || ts.isArrowFunction(inner) || ts.isClassExpression(inner);
}

/** The finding with every offset in this file moved past the edit; undefined if one lies inside it. */
function movedFinding(finding: Finding, move: (offset: number) => number | undefined): Finding | undefined {
  let lost = false;
  const range = (value: TextRange): TextRange => {
    const start = move(value.start);
    const end = move(value.end);
    if (start === undefined || end === undefined) lost = true;
    return { ...value, start: start ?? 0, end: end ?? 0 };
  };
  const moved: Finding = {
    ...finding,
    range: range(finding.range),
    fixes: finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...range(edit), newText: edit.newText })) })),
    ...(finding.related ? { related: finding.related.map((note) => ('range' in note ? { ...note, range: range(note.range) } : note)) } : {}),
  };
  return lost ? undefined : moved;
}
