// What the names of one file stand for, as far as a reader of that file can tell: imports of
// status-constant libraries, numbers and objects of numbers held in a `const` (or a `let`/`var`
// never assigned again), and `enum` members. The map is flat by name, so a name declared twice
// with different values, or assigned anywhere, stands for nothing the file pins down.
import ts from 'typescript';
import { readOnce } from './keptReadings';
import { skipTypeWrappers } from './syntax';
import { constantValue, tableFor } from './constants';
import type { ConstantTable } from '../types';

type LibraryTable = Exclude<ConstantTable, 'local'>;

export type Binding =
  | { kind: 'table'; table: LibraryTable }
  | { kind: 'member'; table: LibraryTable; member: string }
  | { kind: 'number'; value: number }
  /** Member paths (`NOT_FOUND`, `client.notFound` one level down) to their numbers. */
  | { kind: 'object'; members: ReadonlyMap<string, number> }
  /** Declared or assigned in a way that does not pin a value down (a parameter, `let x; x = …`). */
  | { kind: 'unknown' };

export type Bindings = ReadonlyMap<string, Binding>;

const UNKNOWN: Binding = { kind: 'unknown' };

/** The kinds of node that bind or assign a name. Tested first on every node of the walk: one look-up in a set, where each `ts.isX` is a look-up in TypeScript's very large namespace object. */
export const BINDING_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.ImportDeclaration,
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.EnumDeclaration,
  ts.SyntaxKind.Parameter,
  ts.SyntaxKind.BinaryExpression,
  ts.SyntaxKind.PrefixUnaryExpression,
  ts.SyntaxKind.PostfixUnaryExpression,
  ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.ForInStatement,
]);

/** Hands on one name a node binds and what to: `assigned` when the name is assigned, not declared. */
type Bind = (name: string, binding: Binding, assigned?: boolean) => void;

/** Records what `node` binds, if anything, and says whether it binds any; called for every node of the file in one walk. */
export function addBindingsOf(node: ts.Node, bindings: Map<string, Binding>): boolean {
  if (!BINDING_KINDS.has(node.kind)) return false;
  let any = false;
  readBindings(node, (name, binding, assigned) => {
    any = true;
    record(name, binding, assigned, bindings);
  });
  return any;
}

/** One name a node binds, as `readBindings` hands it on. */
interface BindingStep {
  name: string;
  binding: Binding;
  assigned?: boolean;
}

/** What a kept statement's nodes bind (`keptReadings.ts`). */
const stepsByTaken = new WeakMap<readonly ts.Node[], readonly BindingStep[]>();

/** Records what the nodes `addBindingsOf` took before bind (an edited document's unchanged statement), in order. */
export function addBindingsOfTaken(nodes: readonly ts.Node[], bindings: Map<string, Binding>): void {
  const steps = readOnce(stepsByTaken, nodes, (taken) => {
    const read: BindingStep[] = [];
    for (const node of taken) readBindings(node, (name, binding, assigned) => read.push({ name, binding, assigned }));
    return read;
  });
  for (const { name, binding, assigned } of steps) record(name, binding, assigned, bindings);
}

/** One name a node binds, into the map: assigned, it stands for nothing; declared, see `bind`. */
function record(name: string, binding: Binding, assigned: boolean | undefined, bindings: Map<string, Binding>): void {
  if (assigned) bindings.set(name, UNKNOWN);
  else bind(name, binding, bindings);
}

function readBindings(node: ts.Node, bindName: Bind): void {
  if (ts.isImportDeclaration(node)) addImport(node, bindName);
  else if (ts.isVariableDeclaration(node)) addVariable(node, bindName);
  else if (ts.isEnumDeclaration(node)) bindName(node.name.text, enumBinding(node));
  else if (ts.isParameter(node)) bindUnknown(node.name, bindName);
  else for (const name of assignedNames(node)) bindName(name, UNKNOWN, true);
}

/** A name declared again with another value, in any scope, stands for nothing: the map cannot tell which is meant. */
function bind(name: string, binding: Binding, bindings: Map<string, Binding>): void {
  const existing = bindings.get(name);
  bindings.set(name, !existing || sameBinding(existing, binding) ? binding : UNKNOWN);
}

function sameBinding(a: Binding, b: Binding): boolean {
  // Every parameter binds the one UNKNOWN: no need to compare texts.
  if (a === b) return true;
  const key = (binding: Binding): string => JSON.stringify(binding.kind === 'object' ? [...binding.members] : binding);
  return a.kind === b.kind && key(a) === key(b);
}

function bindUnknown(name: ts.BindingName, bindName: Bind): void {
  if (ts.isIdentifier(name)) bindName(name.text, UNKNOWN);
  else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bindUnknown(element.name, bindName);
}

/** Most nodes assign nothing: one shared empty answer instead of an array per node of the walk. */
const NO_NAMES: readonly string[] = [];

/** Names a node assigns: `x = …`, `x += …`, `x++`, `[x, y] = …`, `({ x } = …)`, `for (x of …)`. */
function assignedNames(node: ts.Node): readonly string[] {
  if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
    return targetNames(node.left);
  }
  if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) {
    return targetNames(node.operand);
  }
  if ((ts.isForOfStatement(node) || ts.isForInStatement(node)) && !ts.isVariableDeclarationList(node.initializer)) return targetNames(node.initializer);
  return NO_NAMES;
}

function targetNames(target: ts.Expression): string[] {
  const value = skipTypeWrappers(target);
  if (ts.isIdentifier(value)) return [value.text];
  if (ts.isArrayLiteralExpression(value)) return value.elements.flatMap((element) => (ts.isSpreadElement(element) ? targetNames(element.expression) : targetNames(element)));
  if (ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.EqualsToken) return targetNames(value.left);
  if (!ts.isObjectLiteralExpression(value)) return [];
  return value.properties.flatMap((property) => {
    if (ts.isShorthandPropertyAssignment(property)) return [property.name.text];
    if (ts.isPropertyAssignment(property)) return targetNames(property.initializer);
    return ts.isSpreadAssignment(property) ? targetNames(property.expression) : [];
  });
}

function bindImported(module: string, imported: string, local: string, bindName: Bind): void {
  const table = tableFor(module, imported);
  if (table) {
    bindName(local, { kind: 'table', table });
    return;
  }
  // A member imported by name: `import { NOT_FOUND } from 'http-status-codes'`.
  const moduleTable = tableFor(module, '*');
  const known = moduleTable && constantValue(moduleTable, imported) !== undefined;
  bindName(local, known ? { kind: 'member', table: moduleTable, member: imported } : UNKNOWN);
}

function addImport(node: ts.ImportDeclaration, bindName: Bind): void {
  if (!ts.isStringLiteral(node.moduleSpecifier) || !node.importClause) return;
  const module = node.moduleSpecifier.text;
  const clause = node.importClause;
  if (clause.name) bindImported(module, 'default', clause.name.text, bindName);
  const named = clause.namedBindings;
  if (!named) return;
  if (ts.isNamespaceImport(named)) {
    bindImported(module, '*', named.name.text, bindName);
    return;
  }
  for (const element of named.elements) {
    bindImported(module, (element.propertyName ?? element.name).text, element.name.text, bindName);
  }
}

/** `require('x')` or `require('x').Member`: the module and the member taken. */
function requireOf(expression: ts.Expression): { module: string; member?: string } | undefined {
  if (ts.isPropertyAccessExpression(expression)) {
    const inner = requireOf(expression.expression);
    return inner && !inner.member ? { module: inner.module, member: expression.name.text } : undefined;
  }
  if (
    ts.isCallExpression(expression) &&
    ts.isIdentifier(expression.expression) &&
    expression.expression.text === 'require' &&
    expression.arguments.length === 1 &&
    ts.isStringLiteral(expression.arguments[0])
  ) {
    return { module: expression.arguments[0].text };
  }
  return undefined;
}

function addVariable(node: ts.VariableDeclaration, bindName: Bind): void {
  const init = node.initializer && skipTypeWrappers(node.initializer);
  const required = init && requireOf(init);
  if (required) {
    if (ts.isIdentifier(node.name)) {
      // CommonJS default export (`const httpStatus = require('http-status')`) or a member.
      bindImported(required.module, required.member ?? (tableFor(required.module, 'default') ? 'default' : '*'), node.name.text, bindName);
    } else if (ts.isObjectBindingPattern(node.name) && !required.member) {
      for (const element of node.name.elements) {
        if (!ts.isIdentifier(element.name)) continue;
        const imported = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
        bindImported(required.module, imported, element.name.text, bindName);
      }
    } else bindUnknown(node.name, bindName);
    return;
  }
  if (!ts.isIdentifier(node.name)) return bindUnknown(node.name, bindName);
  if (init && ts.isNumericLiteral(init)) return bindName(node.name.text, { kind: 'number', value: Number(init.text) });
  const members = init && objectMembers(init);
  bindName(node.name.text, members && members.size > 0 ? { kind: 'object', members } : UNKNOWN);
}

function isObjectFreeze(callee: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object' && callee.name.text === 'freeze';
}

/** `{ NOT_FOUND: 404 }`, `Object.freeze({ … })`, `{ … } as const`, and one level of nesting (`client.notFound`). */
function objectMembers(expression: ts.Expression, depth = 0): Map<string, number> | undefined {
  let value = skipTypeWrappers(expression);
  if (ts.isCallExpression(value) && value.arguments.length === 1 && isObjectFreeze(value.expression)) value = skipTypeWrappers(value.arguments[0]);
  if (!ts.isObjectLiteralExpression(value)) return undefined;
  const members = new Map<string, number>();
  for (const property of value.properties) {
    if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
    const name = property.name.text;
    const member = skipTypeWrappers(property.initializer);
    if (ts.isNumericLiteral(member)) members.set(name, Number(member.text));
    else if (depth === 0) for (const [inner, code] of objectMembers(member, 1) ?? []) members.set(`${name}.${inner}`, code);
  }
  return members;
}

/** `enum Status { NotFound = 404, Gone }`: numbers given, and those counted on from them. */
function enumBinding(node: ts.EnumDeclaration): Binding {
  const members = new Map<string, number>();
  let next: number | undefined = 0;
  for (const member of node.members) {
    const init = member.initializer && skipTypeWrappers(member.initializer);
    const value: number | undefined = init ? (ts.isNumericLiteral(init) ? Number(init.text) : undefined) : next;
    if (value !== undefined && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) members.set(member.name.text, value);
    next = value === undefined ? undefined : value + 1;
  }
  return members.size > 0 ? { kind: 'object', members } : UNKNOWN;
}
