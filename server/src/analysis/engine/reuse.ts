// Edits re-check only what they touch. A file is cut into units (its top-level statements, and the
// trivia after the last one); the findings of each unit are kept with the text they came from. After
// an edit, the sites of a route handler or a top-level function that kept its text keep their
// findings, shifted to their new offsets, and are not even built; the rules check the rest: the
// units whose text changed, every other unit (imports, constants, error classes, `app.use(…)`: what
// the whole file reads), and the handlers and functions that name a function the edit changed or
// are named by the changed code. Facts are still read from the whole file (bindings and frameworks
// are file-wide), so they are never stale. When unsure, the whole file is checked: see `changeOf`.
import ts from 'typescript';
import { addBindingsOf, type Binding } from '../facts/bindings';
import { skipTypeWrappers } from '../facts/syntax';
import type { Framework } from '../adapters/frameworks';
import { analysisSteps, type RuleScope } from '../index';
import type { AnalysisOptions, AnalysisResult, Finding, ResponseSite, StatusRef, TextRange } from '../types';
import { parse, parseErrorCount, type PreviousParse } from './parse';
import { DISABLE_FILE } from './suppressions';

/** A top-level statement with its leading trivia (or the trailing trivia of the file): `[start, end)`. */
interface Unit {
  start: number;
  end: number;
  /**
   * `handler`: a route registration (`app.get('/x', handler)`) or a Next.js route function, which
   * nothing else reads; `function`: a function declared at the top (`function requireAuth(…)`,
   * `const sendError = (…) => …`), which other code reads only by its name; `other`: anything else.
   */
  kind: 'handler' | 'function' | 'other';
  /** The function's name, for a `function` unit. */
  name?: string;
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
  /** Per unit, its status references (`res.status(404)`, `new ApiError(404)`): not read again while it is reused. */
  refsByUnit: StatusRef[][];
}

export interface ReusingResult {
  /** The findings and status references of the whole file; the sites of the units checked again only. */
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
  let refsByUnit: StatusRef[][] = [];
  let reusedCount = 0;
  // The frameworks come from the facts the analysis has just read: not worked out twice per edit.
  const scopeOf = (sourceFile: ts.SourceFile, fileFrameworks: readonly Framework[]): RuleScope => {
    units = unitsOf(sourceFile);
    frameworks = [...fileFrameworks];
    const plan = usable && planReuse(usable, text, sourceFile, units, frameworks);
    reusedUnit = units.map(() => false);
    refsByUnit = units.map(() => []);
    const reused: Finding[] = [];
    const reusedRefs: StatusRef[] = [];
    for (const [index, kept] of plan ?? []) {
      reusedUnit[index] = true;
      reusedCount++;
      for (const finding of kept.findings) {
        findingUnit.set(finding, index);
        reused.push(finding);
      }
      refsByUnit[index] = kept.refs;
      reusedRefs.push(...kept.refs);
    }
    return {
      // A node's full start lies in its statement's unit (units start at their leading trivia).
      wants: (node) => !reusedUnit[unitAt(units, node.pos)],
      reused,
      reusedRefs,
      reported: (site, finding) => findingUnit.set(finding, unitAt(units, siteStart(site))),
      builtRefs: (refs) => {
        for (const ref of refs) refsByUnit[unitAt(units, ref.range.start)].push(ref);
      },
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
  return { result, kept: { text, sourceFile: result.sourceFile, fileName, optionsKey, units, frameworks, findingsByUnit, refsByUnit }, rechecked, reused: reusedCount };
}

/** Everything in the options but the module source (a function; the host says when a module changed). */
function keyOf(options: AnalysisOptions): string {
  return JSON.stringify({ ...options, modules: undefined });
}

function siteStart(site: ResponseSite): number {
  return site.chain.getStart();
}

function unitsOf(sourceFile: ts.SourceFile): Unit[] {
  const units: Unit[] = sourceFile.statements.map((statement) => {
    const start = statement.getFullStart();
    const end = statement.getEnd();
    if (isRouteHandler(statement)) return { start, end, kind: 'handler' };
    const name = declaredFunctionName(statement);
    return name === undefined ? { start, end, kind: 'other' } : { start, end, kind: 'function', name };
  });
  const last = units.length > 0 ? units[units.length - 1].end : 0;
  units.push({ start: last, end: sourceFile.text.length, kind: 'other' });
  return units;
}

/** `function f(…) {…}` or `const f = (…) => …` / `function (…) {…}` alone in its statement: its name. */
function declaredFunctionName(statement: ts.Statement): string | undefined {
  if (ts.isFunctionDeclaration(statement)) return statement.name?.text;
  const declaration = ownFunctionDeclaration(statement);
  return declaration && ts.isIdentifier(declaration.name) ? declaration.name.text : undefined;
}

/** The one declaration of a variable statement whose value is a function. */
function ownFunctionDeclaration(statement: ts.Node): ts.VariableDeclaration | undefined {
  if (!ts.isVariableStatement(statement) || statement.declarationList.declarations.length !== 1) return undefined;
  const declaration = statement.declarationList.declarations[0];
  const value = declaration.initializer && skipTypeWrappers(declaration.initializer);
  return value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) ? declaration : undefined;
}

function isRouteHandler(statement: ts.Statement): boolean {
  if (ts.isExpressionStatement(statement)) {
    const call = statement.expression;
    if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return false;
    const method = call.expression.name.text;
    return ROUTE_METHODS.has(method) || (method === 'use' && isPlainMiddleware(call.arguments));
  }
  return ts.isFunctionDeclaration(statement) && statement.name !== undefined && NEXT_METHODS.has(statement.name.text) && (ts.getCombinedModifierFlags(statement) & ts.ModifierFlags.Export) !== 0;
}

/**
 * `app.use((req, res, next) => …)`: middleware written in place, which nothing else reads. Not an
 * error handler (four parameters: the errors of every handler go there), nor a mount (`app.use('/api', router)`).
 */
function isPlainMiddleware(args: ts.NodeArray<ts.Expression>): boolean {
  const functions = args.map(skipTypeWrappers).filter((arg) => ts.isArrowFunction(arg) || ts.isFunctionExpression(arg));
  return functions.length > 0 && functions.length === args.length && functions.every((fn) => (fn as ts.FunctionLikeDeclaration).parameters.length <= 3);
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

/** What a unit the edit left alone keeps from the last analysis, moved to its new offsets. */
interface KeptUnit {
  findings: Finding[];
  refs: StatusRef[];
}

/**
 * Which new units keep the findings of which old ones, or undefined when the whole file must be
 * checked: the old and new texts agree on a run of units at the start and at the end; the units
 * between them changed, and may be dropped, added or edited only if they are route handlers or
 * functions that give the rest of the file nothing new but through their names (`changeOf`).
 */
function planReuse(previous: KeptAnalysis, text: string, sourceFile: ts.SourceFile, units: readonly Unit[], frameworks: readonly Framework[]): Map<number, KeptUnit> | undefined {
  // A syntax error can make the parser read neighbours differently; frameworks decide every site.
  if (parseErrorCount(sourceFile) > 0 || frameworks.join() !== previous.frameworks.join()) return undefined;
  const before = previous.text;
  const old = previous.units;
  const same = (a: Unit, b: Unit): boolean => a.end - a.start === b.end - b.start && a.kind === b.kind && before.slice(a.start, a.end) === text.slice(b.start, b.end);
  let head = 0;
  while (head < old.length && head < units.length && old[head].start === units[head].start && same(old[head], units[head])) head++;
  let tail = 0;
  while (tail < old.length - head && tail < units.length - head && same(old[old.length - 1 - tail], units[units.length - 1 - tail])) tail++;
  const oldChanged = old.slice(head, old.length - tail);
  const newChanged = units.slice(head, units.length - tail);
  const change = changeOf(oldChanged, before, newChanged, sourceFile.statements.slice(head, units.length - tail), previous.fileName);
  if (!change) return undefined;
  const namesChanged = wordsOf(change.declared);
  const changeStart = head < old.length ? old[head].start : before.length;
  const changeEnd = tail > 0 ? old[old.length - tail].start : before.length;
  const shift = text.length - before.length;
  const move = (offset: number): number | undefined => {
    if (offset < changeStart || (offset === changeStart && changeStart < changeEnd)) return offset;
    if (offset > changeEnd || (offset === changeEnd && changeStart < changeEnd)) return offset + shift;
    return undefined;
  };
  const plan = new Map<number, KeptUnit>();
  const keep = (oldIndex: number, newIndex: number): boolean => {
    const unit = old[oldIndex];
    // Checked again: what the whole file reads, a function the changed code names, code that names a changed function.
    if (unit.kind === 'other' || (unit.name !== undefined && change.referenced.has(unit.name)) || namesChanged?.test(before.slice(unit.start, unit.end))) return true;
    const findings = previous.findingsByUnit[oldIndex].map((finding) => movedFinding(finding, move));
    const refs = previous.refsByUnit[oldIndex].map((ref) => movedRef(ref, move));
    if (findings.some((finding) => finding === undefined) || refs.some((ref) => ref === undefined)) return false;
    plan.set(newIndex, { findings: findings as Finding[], refs: refs as StatusRef[] });
    return true;
  };
  for (let index = 0; index < head; index++) if (!keep(index, index)) return undefined;
  for (let index = 0; index < tail; index++) if (!keep(old.length - 1 - index, units.length - 1 - index)) return undefined;
  return plan;
}

/** What an edit's changed units give the rest of the file through names. */
interface Change {
  /** The functions they declare (the same before and after). */
  declared: ReadonlySet<string>;
  /** The names whose use changed: held more or fewer times, or anywhere in registrations that changed. */
  referenced: ReadonlySet<string>;
}

/**
 * Changed units are safe to check alone, with their neighbours that name them or that they name,
 * when all are route handlers or top-level functions that declare the same functions as before and
 * nothing else another unit could read (classes, nested functions), hold no disable comment for the
 * whole file, bind the same names to the same values as before (bindings are one map for the file),
 * and speak of the same authentication schemes (a rule reads the file's strings for them).
 */
function changeOf(oldUnits: readonly Unit[], before: string, newUnits: readonly Unit[], newStatements: readonly ts.Statement[], fileName: string): Change | undefined {
  if ([...oldUnits, ...newUnits].some((unit) => unit.kind === 'other')) return undefined;
  const names = (units: readonly Unit[]): string[] => units.flatMap((unit) => (unit.name === undefined ? [] : [unit.name])).sort();
  const declared = names(newUnits);
  if (names(oldUnits).join() !== declared.join()) return undefined;
  // The old tree was updated in place by the incremental parse: the old units are parsed from their text.
  const oldStatements: ts.Statement[] = [];
  for (const unit of oldUnits) {
    const unitFile = parse(before.slice(unit.start, unit.end), fileName);
    if (parseErrorCount(unitFile) > 0) return undefined;
    oldStatements.push(...unitFile.statements);
  }
  const oldMark = contributionOf(oldStatements);
  const newMark = contributionOf(newStatements);
  if (!oldMark || !newMark || oldMark.key !== newMark.key) return undefined;
  // Where the registrations changed (a method, a path, middleware), every name they hold; else the names used more or less often.
  const used = new Set([...oldMark.identifiers.keys(), ...newMark.identifiers.keys()]);
  const referenced = oldMark.shape === newMark.shape ? [...used].filter((name) => oldMark.identifiers.get(name) !== newMark.identifiers.get(name)) : used;
  return { declared: new Set(declared), referenced: new Set(referenced) };
}

/** A test for any of these names as a whole word; undefined for none. */
function wordsOf(names: ReadonlySet<string>): RegExp | undefined {
  if (names.size === 0) return undefined;
  const escaped = [...names].map((name) => name.replace(/\$/g, '\\$'));
  return new RegExp(`(?<![\\w$])(?:${escaped.join('|')})(?![\\w$])`);
}

/** What changed statements give the rest of the file, and how they use names. */
interface Contribution {
  /** Bindings and authentication schemes, comparable as one string. */
  key: string;
  /** How many times each identifier appears. */
  identifiers: Map<string, number>;
  /** Their text without the bodies of functions: registrations (`app.get('/x', auth, …)`) and signatures. */
  shape: string;
}

/**
 * What these statements give the rest of the file besides their functions' names; undefined when
 * unsafe to say (a class, a nested function).
 */
function contributionOf(statements: readonly ts.Statement[]): Contribution | undefined {
  const bindings = new Set<string>();
  const schemes = new Set<string>();
  const identifiers = new Map<string, number>();
  const bodies: ts.Node[] = [];
  // The function a `function` unit declares is read by its name, which the caller compares.
  const own = new Set<ts.Node>(statements.flatMap((statement) => ownFunctionDeclaration(statement) ?? []));
  let unsafe = false;
  const visit = (node: ts.Node): void => {
    if (unsafe) return;
    if (ts.isClassLike(node) || (ts.isFunctionDeclaration(node) && !ts.isSourceFile(node.parent)) || (ts.isVariableDeclaration(node) && !own.has(node) && node.initializer && isFunctionOrClass(node.initializer))) {
      unsafe = true;
      return;
    }
    if (ts.isIdentifier(node)) identifiers.set(node.text, (identifiers.get(node.text) ?? 0) + 1);
    if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node)) && node.body && !bodies.some((body) => body.pos <= node.pos && node.end <= body.end)) bodies.push(node.body);
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
  if (unsafe) return undefined;
  const shape = statements.map((statement) => {
    const text = statement.getSourceFile().text;
    let shown = '';
    let at = statement.getStart();
    for (const body of bodies.filter((node) => statement.pos <= node.pos && node.end <= statement.end)) {
      shown += text.slice(at, body.getStart());
      at = body.end;
    }
    return shown + text.slice(at, statement.end);
  });
  return { key: JSON.stringify([[...bindings].sort(), [...schemes].sort()]), identifiers, shape: shape.join('\n') };
}

function isFunctionOrClass(node: ts.Expression): boolean {
  const inner = skipTypeWrappers(node);
  return ts.isFunctionExpression(inner) || ts.isArrowFunction(inner) || ts.isClassExpression(inner);
}

/** The reference moved past the edit; undefined if it lies inside it. */
function movedRef(ref: StatusRef, move: (offset: number) => number | undefined): StatusRef | undefined {
  const start = move(ref.range.start);
  const end = move(ref.range.end);
  if (start === undefined || end === undefined) return undefined;
  const memberStart = ref.memberRange && move(ref.memberRange.start);
  const memberEnd = ref.memberRange && move(ref.memberRange.end);
  if (ref.memberRange && (memberStart === undefined || memberEnd === undefined)) return undefined;
  return { ...ref, range: { ...ref.range, start, end }, ...(ref.memberRange ? { memberRange: { ...ref.memberRange, start: memberStart!, end: memberEnd! } } : {}) };
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
