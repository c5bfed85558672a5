// The headers of a Next.js response: its init's `headers` (an object, `new Headers({…})`, or a
// variable of either with `.set`/`.append` calls), and `response.headers.set(…)` on a response
// held in a variable before it is returned. Anything the file does not spell out makes them unknown.
import ts from 'typescript';
import { skipTypeWrappers } from '../facts/syntax';
import type { HeaderSet } from '../types';
import { isSpelledOut } from './headersElsewhere';
import { headersOfObject } from './sites';
import { enclosingFunction } from '../facts/syntax';

export interface ResponseHeaders {
  headers: HeaderSet[];
  /** Headers may be set where the file does not say which (`headers: upstream.headers`, the response handed to a helper). */
  unknown: boolean;
}

/** The init object of `NextResponse.json(body, init)`, `new Response(body, init)`, `NextResponse.redirect(url, init)`. */
export function initObject(making: ts.CallExpression | ts.NewExpression): ts.ObjectLiteralExpression | undefined {
  const init = making.arguments?.[1] && skipTypeWrappers(making.arguments[1]);
  return init && ts.isObjectLiteralExpression(init) ? init : undefined;
}

/** The `headers` value of an init object. */
export function headersValue(init: ts.ObjectLiteralExpression): ts.Expression | undefined {
  for (const property of init.properties) {
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'headers') return property.initializer;
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === 'headers') return property.name;
  }
  return undefined;
}

/** The object `new Headers({ … })` starts from, or the value itself. */
export function headersObjectOf(value: ts.Expression): ts.Expression | undefined {
  const inner = skipTypeWrappers(value);
  if (ts.isNewExpression(inner) && ts.isIdentifier(inner.expression) && inner.expression.text === 'Headers') return inner.arguments?.[0];
  return inner;
}

/** References to `name` in `scope`, declarations and property names left out. */
function referencesTo(name: string, scope: ts.Node): ts.Identifier[] {
  const found: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === name) {
      const parent = node.parent;
      const isName = (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node) || (ts.isVariableDeclaration(parent) && parent.name === node);
      if (!isName) found.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return found;
}

/** `headers.set('Retry-After', …)` / `.append(…)` on `target`: the header it names, unknown when the name is not a literal. */
function headerCall(target: ts.Expression): HeaderSet | 'unknown' | undefined {
  const access = target.parent;
  if (!ts.isPropertyAccessExpression(access) || access.expression !== target || !['set', 'append'].includes(access.name.text)) return undefined;
  const call = access.parent;
  if (!ts.isCallExpression(call) || call.expression !== access) return undefined;
  const [name] = call.arguments;
  return name && ts.isStringLiteralLike(name) ? { name: name.text.toLowerCase(), node: call } : 'unknown';
}

/** The headers a `headers` value names. */
function headersOf(value: ts.Expression, scope: ts.Node, before: number): ResponseHeaders {
  const object = headersObjectOf(value);
  if (!object) return { headers: [], unknown: false };
  const inner = skipTypeWrappers(object);
  if (ts.isObjectLiteralExpression(inner)) return { headers: headersOfObject(inner), unknown: !isSpelledOut(inner) };
  if (!ts.isIdentifier(inner)) return { headers: [], unknown: true };
  // A variable: what it starts as, and what is set on it before the response is made.
  const declaration = declarationOf(inner.text, scope) ?? declarationOf(inner.text, scope.getSourceFile());
  if (!declaration?.initializer) return { headers: [], unknown: true };
  const start = headersOf(declaration.initializer, scope, before);
  const headers = [...start.headers];
  let unknown = start.unknown;
  for (const reference of referencesTo(inner.text, scope)) {
    if (reference.getStart() >= before) continue;
    const set = headerCall(reference);
    if (set === 'unknown') unknown = true;
    else if (set) headers.push(set);
  }
  return { headers, unknown };
}

function declarationOf(name: string, scope: ts.Node): ts.VariableDeclaration | undefined {
  let found: ts.VariableDeclaration | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name) found = node;
    else ts.forEachChild(node, visit);
  };
  visit(scope);
  return found;
}

const cache = new WeakMap<ts.Node, ResponseHeaders>();

/** The headers of the response `making` makes, as far as the file says. */
export function responseHeaders(making: ts.CallExpression | ts.NewExpression): ResponseHeaders {
  const cached = cache.get(making);
  if (cached) return cached;
  const scope = enclosingFunction(making) ?? making.getSourceFile();
  const init = making.arguments?.[1] && skipTypeWrappers(making.arguments[1]);
  let result: ResponseHeaders = { headers: [], unknown: false };
  if (init && ts.isObjectLiteralExpression(init)) {
    const value = headersValue(init);
    if (value) result = headersOf(value, scope, making.getStart());
    // `{ ...init }` may carry headers.
    if (init.properties.some(ts.isSpreadAssignment)) result = { ...result, unknown: true };
  } else if (init && (ts.isIdentifier(init) || ts.isCallExpression(init))) {
    // An init held elsewhere (`NextResponse.json(body, init)`) may carry headers.
    result.unknown = true;
  }
  result = { headers: [...result.headers], unknown: result.unknown };
  // `const response = NextResponse.json(…); response.headers.set('Retry-After', '60'); return response`.
  let parent = making.parent;
  while (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent)) parent = parent.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) {
    for (const reference of referencesTo(parent.name.text, scope)) {
      const use = reference.parent;
      if (ts.isPropertyAccessExpression(use) && use.name.text === 'headers') {
        const set = headerCall(use);
        if (set === 'unknown' || (!set && !ts.isPropertyAccessExpression(use.parent))) result.unknown = true;
        else if (set) result.headers.push(set);
      } else if (ts.isCallExpression(use) && use.arguments.includes(reference)) {
        // Handed to a helper (`withCors(response)`) that may set headers.
        result.unknown = true;
      }
    }
  }
  cache.set(making, result);
  return result;
}
