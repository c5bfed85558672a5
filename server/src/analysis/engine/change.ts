// What an edit's changed units give the rest of the file: whether they can be checked alone, and
// which names their change touches (`engine/reuse.ts` re-checks the units that read those).
import ts from 'typescript';
import { addBindingsOf, type Binding } from '../facts/bindings';
import { skipTypeWrappers } from '../facts/syntax';
import { parse, parseErrorCount } from './parse';
import { DISABLE_FILE } from './suppressions';
import { ownFunctionDeclaration, type Unit } from './units';

/** What an edit's changed units give the rest of the file through names. */
export interface Change {
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
export function changeOf(oldUnits: readonly Unit[], before: string, newUnits: readonly Unit[], newStatements: readonly ts.Statement[], fileName: string): Change | undefined {
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
export function wordsOf(names: ReadonlySet<string>): RegExp | undefined {
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
