// Where a response body carries a caught error: the error object itself, its message or stack,
// or text made from it. Bodies guarded by an environment or an "exposable" check are left alone:
// the code already decided which errors a client may see.
import ts from 'typescript';
import { skipTypeWrappers } from '../facts/syntax';
import { mentionedNames, mentionedStrings } from './body';
import type { ResponseSite } from '../types';

// Properties that hold internals: text, stack, SQL, the driver's own error, the request config (axios: headers, tokens).
const LEAKING_PROPERTIES = new Set(['message', 'stack', 'sql', 'sqlMessage', 'detail', 'original', 'parent', 'config', 'cause']);
// Calls that turn an error into text: String(err), JSON.stringify(err), util.inspect(err), util.format(err).
const TEXT_FUNCTIONS = new Set(['String', 'stringify', 'inspect', 'format']);
// Names and strings that show the code decides who may see the details.
const GUARD_NAMES = new Set(['expose', 'isOperational', 'NODE_ENV', 'isDev', 'isDevelopment', 'isProd', 'isProduction', 'debug', 'DEBUG', 'dev']);
const GUARD_STRINGS = new Set(['development', 'production', 'dev', 'prod', 'env', 'test']);
// The first parameter of a Node-style callback; `e` is left out, as it often names an event or an item.
const CALLBACK_ERROR = /^(err|error)$/;
const BUILT_IN_ERRORS = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError']);

/**
 * The names a site's caught error goes by: the catch variable, the error middleware's first
 * parameter, the parameter of a promise's `.catch(err => …)` or `.then(…, err => …)`, and the first
 * parameter of a Node-style callback (`(err, user) => …`) around the site.
 */
export function errorNames(site: ResponseSite): Set<string> {
  const names = new Set<string>();
  if (site.catchClause?.errorName) names.add(site.catchClause.errorName);
  if (site.handler?.errorName) names.add(site.handler.errorName);
  for (let node = site.chain.parent; node && node !== site.handler?.node; node = node.parent) {
    if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) continue;
    const call = node.parent;
    const first = node.parameters[0];
    if (!ts.isCallExpression(call) || !first || !ts.isIdentifier(first.name)) continue;
    const position = call.arguments.indexOf(node);
    const method = ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : undefined;
    const rejection = (method === 'catch' && position === 0) || (method === 'then' && position === 1);
    if (rejection || (position >= 0 && CALLBACK_ERROR.test(first.name.text))) names.add(first.name.text);
  }
  return names;
}

/** `process.env.NODE_ENV === 'development'`, `err.expose`, `err instanceof AppError`: a deliberate choice. */
export function isDisclosureGuard(expression: ts.Expression): boolean {
  const names = mentionedNames(expression);
  if ([...GUARD_NAMES].some((name) => names.has(name))) return true;
  if (mentionedStrings(expression).some((text) => GUARD_STRINGS.has(text))) return true;
  let instanceTest = false;
  const visit = (node: ts.Node): void => {
    // `error instanceof Error` only narrows a type; `err instanceof AppError` picks errors meant for clients.
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword && !BUILT_IN_ERRORS.has(node.right.getText())) instanceTest = true;
    ts.forEachChild(node, visit);
  };
  visit(expression);
  return instanceTest;
}

/** The first property read from an error (`message` in `err.message.trim()`), when the access starts at one. */
function errorProperty(expression: ts.Expression, names: ReadonlySet<string>): { name: string; property: string } | undefined {
  const value = skipTypeWrappers(expression);
  if (!ts.isPropertyAccessExpression(value) && !ts.isElementAccessExpression(value)) return undefined;
  const object = skipTypeWrappers(value.expression);
  if (ts.isIdentifier(object) && names.has(object.text)) {
    const property = ts.isPropertyAccessExpression(value) ? value.name.text : ts.isStringLiteralLike(value.argumentExpression) ? value.argumentExpression.text : undefined;
    return property === undefined ? undefined : { name: object.text, property };
  }
  return errorProperty(object, names);
}

export interface Leak {
  /** The expression that carries the error, for messages. */
  node: ts.Node;
  /** The error's name as written (`err`). */
  name: string;
}

/** The part of `expression` that puts the caught error into the body, or undefined. */
export function leakIn(expression: ts.Expression, names: ReadonlySet<string>): Leak | undefined {
  const value = skipTypeWrappers(expression);
  if (ts.isIdentifier(value)) return names.has(value.text) ? { node: value, name: value.text } : undefined;
  if (ts.isPropertyAccessExpression(value) || ts.isElementAccessExpression(value)) {
    const read = errorProperty(value, names);
    return read && LEAKING_PROPERTIES.has(read.property) ? { node: value, name: read.name } : undefined;
  }
  if (ts.isCallExpression(value)) return leakInCall(value, names);
  if (ts.isTemplateExpression(value)) return firstLeak(value.templateSpans.map((span) => span.expression), names, value);
  if (ts.isBinaryExpression(value)) {
    const operator = value.operatorToken.kind;
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return isDisclosureGuard(value.left) ? undefined : leakIn(value.right, names);
    if (operator === ts.SyntaxKind.PlusToken || operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) {
      return leakIn(value.left, names) ?? leakIn(value.right, names);
    }
    return undefined;
  }
  if (ts.isConditionalExpression(value)) return isDisclosureGuard(value.condition) ? undefined : leakIn(value.whenTrue, names) ?? leakIn(value.whenFalse, names);
  if (ts.isObjectLiteralExpression(value)) return objectLeaks(value, names)[0]?.leak;
  if (ts.isArrayLiteralExpression(value)) return firstLeak(value.elements, names);
  return undefined;
}

function firstLeak(expressions: readonly ts.Expression[], names: ReadonlySet<string>, whole?: ts.Node): Leak | undefined {
  for (const expression of expressions) {
    const leak = leakIn(ts.isSpreadElement(expression) ? expression.expression : expression, names);
    if (leak) return whole ? { node: whole, name: leak.name } : leak;
  }
  return undefined;
}

/** `String(err)`, `err.toString()`, `JSON.stringify(err)`, `err.message.slice(0, 80)`. */
function leakInCall(call: ts.CallExpression, names: ReadonlySet<string>): Leak | undefined {
  const callee = skipTypeWrappers(call.expression);
  const calledName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (calledName !== undefined && TEXT_FUNCTIONS.has(calledName)) {
    const leak = firstLeak(call.arguments, names);
    return leak && { node: call, name: leak.name };
  }
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const receiver = skipTypeWrappers(callee.expression);
  if (ts.isIdentifier(receiver) && names.has(receiver.text)) return callee.name.text === 'toString' ? { node: call, name: receiver.text } : undefined;
  const leak = leakIn(receiver, names);
  return leak && { node: call, name: leak.name };
}

/** The properties of an object literal body that carry the error, in source order. */
export function objectLeaks(object: ts.ObjectLiteralExpression, names: ReadonlySet<string>): { property: ts.ObjectLiteralElementLike; leak: Leak }[] {
  const leaks: { property: ts.ObjectLiteralElementLike; leak: Leak }[] = [];
  for (const property of object.properties) {
    let leak: Leak | undefined;
    if (ts.isPropertyAssignment(property)) leak = leakIn(property.initializer, names);
    else if (ts.isShorthandPropertyAssignment(property) && names.has(property.name.text)) leak = { node: property, name: property.name.text };
    else if (ts.isSpreadAssignment(property)) leak = leakIn(property.expression, names);
    if (leak) leaks.push({ property, leak });
  }
  return leaks;
}

/** The fallback of a status like `err.status || 500`, `err.statusCode ?? 500`, `err.status ? err.status : 500`. */
export function serverErrorFallback(expression: ts.Expression | undefined): number | undefined {
  const value = expression && skipTypeWrappers(expression);
  if (!value) return undefined;
  const serverError = (side: ts.Expression): number | undefined => {
    const literal = skipTypeWrappers(side);
    return ts.isNumericLiteral(literal) && Number(literal.text) >= 500 && Number(literal.text) <= 599 ? Number(literal.text) : undefined;
  };
  if (ts.isBinaryExpression(value) && (value.operatorToken.kind === ts.SyntaxKind.BarBarToken || value.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
    return serverError(value.right);
  }
  if (ts.isConditionalExpression(value)) return serverError(value.whenFalse) ?? serverError(value.whenTrue);
  return undefined;
}
