// What a Hono handler does with its context `c`: the calls that build a response (`c.json(body,
// 404, headers)`, `c.body(null, 204)`, `c.redirect(url)`), set its status (`c.status(N)`) or a header
// (`c.header(name, value)`, `c.res.headers.set(…)`). Read by the collector and by the edits.
import ts from 'typescript';
import { skipTypeWrappers } from '../facts/syntax';
import type { Send } from '../types';

/** Context methods that build the response, with what they send by default. */
export const SENDERS: Readonly<Record<string, { kind: Send['kind']; encoding: Send['encoding']; status: number }>> = {
  json: { kind: 'data', encoding: 'json', status: 200 },
  text: { kind: 'data', encoding: 'text', status: 200 },
  html: { kind: 'data', encoding: 'text', status: 200 },
  body: { kind: 'data', encoding: 'text', status: 200 },
  newResponse: { kind: 'data', encoding: 'text', status: 200 },
  render: { kind: 'view', encoding: 'text', status: 200 },
  redirect: { kind: 'redirect', encoding: 'text', status: 302 },
  notFound: { kind: 'data', encoding: 'text', status: 404 },
};
/** Senders whose second argument is the status (or a `ResponseInit`). */
export const STATUS_SECOND = new Set(['json', 'text', 'html', 'body', 'newResponse', 'redirect']);
/** One call on the context: a send, a status, or a header. */
export interface ContextCall {
  method: string;
  call: ts.CallExpression;
}

/** `c.json(…)`, `c.status(…)`, `c.header(…)`, and `c.res.headers.set(…)` (a header too). */
export function contextCallAt(node: ts.Node, names: ReadonlySet<string>): ContextCall | undefined {
  if (!ts.isCallExpression(node)) return undefined;
  const callee = skipTypeWrappers(node.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const target = skipTypeWrappers(callee.expression);
  const method = callee.name.text;
  // A response built to read from (`c.newResponse(null).status`) answers nothing.
  if (SENDERS[method] && ts.isPropertyAccessExpression(node.parent)) return undefined;
  if (ts.isIdentifier(target) && names.has(target.text) && (SENDERS[method] || method === 'status' || method === 'header')) return { method, call: node };
  // c.res.headers.set('Retry-After', '60')
  if ((method === 'set' || method === 'append') && ts.isPropertyAccessExpression(target) && target.name.text === 'headers') {
    const res = skipTypeWrappers(target.expression);
    if (ts.isPropertyAccessExpression(res) && res.name.text === 'res' && ts.isIdentifier(res.expression) && names.has(res.expression.text)) return { method: 'header', call: node };
  }
  return undefined;
}

/** A `ResponseInit` object (`{ status: 404, headers }`) given as the second argument. */
export function responseInit(call: ts.CallExpression): ts.ObjectLiteralExpression | undefined {
  const second = call.arguments[1] && skipTypeWrappers(call.arguments[1]);
  return second && ts.isObjectLiteralExpression(second) ? second : undefined;
}

/** The `name: value` property of an object literal (`status` of a `ResponseInit`, `method` of a route definition). */
export function initProperty(init: ts.ObjectLiteralExpression, name: string): ts.PropertyAssignment | undefined {
  return init.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name);
}

