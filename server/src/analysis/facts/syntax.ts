// Small readings of the syntax tree that every layer needs, written once: what an expression is
// under its type wrappers, where a call chain starts, and how a callee is named.
import ts from 'typescript';
import { listedWithin } from './fileIndex';
import type { CallBefore } from '../types';

type TypeWrapper = ts.ParenthesizedExpression | ts.AsExpression | ts.SatisfiesExpression | ts.TypeAssertion | ts.NonNullExpression;

// Asked of nearly every expression the analysis reads: a set of kinds, not five `ts.isX` calls (each
// a look-up in TypeScript's namespace object, too large for fast properties).
const TYPE_WRAPPERS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.ParenthesizedExpression,
  ts.SyntaxKind.AsExpression,
  ts.SyntaxKind.SatisfiesExpression,
  ts.SyntaxKind.TypeAssertionExpression,
  ts.SyntaxKind.NonNullExpression,
]);

/** A function that can be a handler or a helper: written with a body, not a signature or an accessor. */
export type FunctionNode = ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration | ts.MethodDeclaration;

export function isFunctionNode(node: ts.Node): node is FunctionNode {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node);
}

/**
 * Orders two nodes of one file as their text does. By `pos` (where a node's leading trivia starts):
 * the same order as `getStart()`, whose look for the first token costs a scan and a climb to the
 * file, once per comparison.
 */
export function inSourceOrder(a: ts.Node, b: ts.Node): number {
  return a.pos - b.pos;
}

/** `x as const`, `(x)`, `x satisfies T`, `<T>x`, `x!`: the value inside. */
export function skipTypeWrappers(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (TYPE_WRAPPERS.has(current.kind)) current = (current as TypeWrapper).expression;
  return current;
}

/** Where a chain of calls and member accesses starts: `res` in `res.status(400).json(x)`, `fetch(url)` → `fetch`. */
export function chainRoot(expression: ts.Expression): ts.Expression {
  let current = skipTypeWrappers(expression);
  while (ts.isCallExpression(current) || ts.isPropertyAccessExpression(current)) current = skipTypeWrappers(current.expression);
  return current;
}

/** The identifier a chain starts from, when it starts from one. */
export function chainRootIdentifier(expression: ts.Expression): ts.Identifier | undefined {
  const root = chainRoot(expression);
  return ts.isIdentifier(root) ? root : undefined;
}

/**
 * How a call names what it calls: `name` is the last name (`findById` in `User.findById`), `text`
 * the callee shortened for messages (`User.findById`, `this.save`, `repo.save` for `this.repo.save`,
 * `….insertOne` for `db.collection('notes').insertOne`: a method, of something unnamed).
 */
export function calleeOf(call: ts.CallExpression): { name: string; text: string } | undefined {
  const callee = skipTypeWrappers(call.expression);
  if (ts.isIdentifier(callee)) return { name: callee.text, text: callee.text };
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const object = skipTypeWrappers(callee.expression);
  const qualifier = ts.isIdentifier(object)
    ? object.text
    : object.kind === ts.SyntaxKind.ThisKeyword
      ? 'this'
      : ts.isPropertyAccessExpression(object)
        ? object.name.text
        : '…';
  return { name: callee.name.text, text: qualifier ? `${qualifier}.${callee.name.text}` : callee.name.text };
}

/** Where each of `names` is given its value in `body`: `const isMatch = await bcrypt.compare(…)`. */
export function initializersOf(body: ts.Node, names: ReadonlySet<string>): ts.Expression[] {
  const found: ts.Expression[] = [];
  for (const node of listedWithin(body)) {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && names.has(node.name.text) && node.initializer) found.push(node.initializer);
  }
  return found;
}

/** The function around a node (its body, parameters or name), if any. */
export function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) if (ts.isFunctionLike(current) && 'body' in current) return current as ts.FunctionLikeDeclaration;
  return undefined;
}

/** Every call of a function body, in source order; a site keeps those that end before it. */
function callsIn(fn: ts.FunctionLikeDeclaration | undefined): CallBefore[] {
  const calls: CallBefore[] = [];
  for (const node of fn?.body ? listedWithin(fn.body) : []) {
    if (ts.isCallExpression(node)) {
      const callee = calleeOf(node);
      if (callee) calls.push({ callee: callee.text, name: callee.name, node });
    }
  }
  return calls.sort((a, b) => inSourceOrder(a.node, b.node));
}

/** `callsIn`, walking each function once however many sites in it ask. */
export function callsReader(): (fn: ts.FunctionLikeDeclaration | undefined) => CallBefore[] {
  const calls = new Map<ts.FunctionLikeDeclaration | undefined, CallBefore[]>();
  return (fn) => {
    if (!calls.has(fn)) calls.set(fn, callsIn(fn));
    return calls.get(fn)!;
  };
}
