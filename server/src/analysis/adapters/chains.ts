// Reads one statement's use of an Express or node:http response object (an Express response is a
// node:http one with more methods): `res.status(201).location(url).json(user)` becomes links
// [status, location, json] rooted at `res`; what a sending call sends; whether later code sends.
import ts from 'typescript';
import { chainRootIdentifier, skipTypeWrappers } from '../facts/syntax';
import type { ResponseSite, Send, SendCall, SendKind } from '../types';

export interface ChainLink {
  name: string;
  call: ts.CallExpression;
  /** The `.name` member, for hovers on `.status`. */
  member: ts.MemberName;
}

export interface ResponseUse {
  /** The outermost expression: the whole chain, or the assignment `res.statusCode = 404`. */
  expression: ts.Expression;
  links: ChainLink[];
  /** `res.statusCode = N`: the assigned value. */
  statusCodeAssignment?: { value: ts.Expression; target: ts.PropertyAccessExpression };
}

export const SEND_METHODS = new Set(['json', 'send', 'end', 'sendStatus', 'redirect', 'render', 'sendFile', 'download', 'jsonp']);
export const HEADER_METHODS = new Set(['set', 'header', 'setHeader', 'append', 'location', 'links', 'type', 'contentType', 'cookie', 'vary', 'attachment']);

/** The links of a call chain from the root outwards. */
function linksOf(outermost: ts.CallExpression): ChainLink[] {
  const links: ChainLink[] = [];
  let current: ts.Expression = outermost;
  for (;;) {
    current = skipTypeWrappers(current);
    if (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression)) {
      links.unshift({ name: current.expression.name.text, call: current, member: current.expression.name });
      current = current.expression.expression;
    } else if (ts.isPropertyAccessExpression(current)) {
      current = current.expression;
    } else {
      return links;
    }
  }
}

/** Is this call the last one of its chain (nothing is called on its result)? */
function isOutermostCall(call: ts.CallExpression): boolean {
  let parent = call.parent;
  while (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent)) parent = parent.parent;
  return !(ts.isPropertyAccessExpression(parent) && ts.isCallExpression(parent.parent) && parent.parent.expression === parent);
}

/** The kinds of node a use can start at. Asked of every node of a handler: one look-up in a set, where each `ts.isX` is a look-up in TypeScript's very large namespace object. */
const USE_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([ts.SyntaxKind.CallExpression, ts.SyntaxKind.BinaryExpression]);

/** A use of `responseName` starting at `node`, or undefined when `node` is not one. */
export function responseUseAt(node: ts.Node, responseNames: ReadonlySet<string>): ResponseUse | undefined {
  if (!USE_KINDS.has(node.kind)) return undefined;
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && isOutermostCall(node)) {
    const root = chainRootIdentifier(node);
    if (!root || !responseNames.has(root.text)) return undefined;
    const links = linksOf(node);
    return links.length > 0 ? { expression: node, links } : undefined;
  }
  if (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    ts.isPropertyAccessExpression(node.left) &&
    node.left.name.text === 'statusCode'
  ) {
    const root = chainRootIdentifier(node.left.expression);
    if (root && responseNames.has(root.text) && ts.isIdentifier(skipTypeWrappers(node.left.expression))) {
      return { expression: node, links: [], statusCodeAssignment: { value: node.right, target: node.left } };
    }
  }
  return undefined;
}

/** What each sending method sends, and how it writes a body. */
const SENDS: Record<string, { kind: SendKind; encoding: 'json' | 'text' | 'auto' }> = {
  json: { kind: 'data', encoding: 'json' },
  jsonp: { kind: 'data', encoding: 'json' },
  send: { kind: 'data', encoding: 'auto' },
  end: { kind: 'data', encoding: 'text' },
  sendStatus: { kind: 'empty', encoding: 'text' },
  redirect: { kind: 'redirect', encoding: 'text' },
  render: { kind: 'view', encoding: 'text' },
  sendFile: { kind: 'file', encoding: 'text' },
  download: { kind: 'file', encoding: 'text' },
};

/** The neutral reading of a sending call: `res.json()` with no argument sends nothing. */
export function sendOf(send: SendCall): Send {
  const known = SENDS[send.method] ?? { kind: 'data', encoding: 'auto' };
  const kind: SendKind = known.kind === 'data' && send.call.arguments.length === 0 ? 'empty' : known.kind;
  const target = send.method === 'redirect' ? send.call.arguments[send.call.arguments.length - 1] : undefined;
  return { kind, node: send.call, label: `.${send.method}(…)`, encoding: known.encoding, target };
}

// Response methods known not to send. Any other method called later may: `res.write()` starts a
// stream, and projects add their own senders (`res.success(data)`, `res.boom.notFound()`).
const NON_SENDING_METHODS = new Set([
  'status', 'set', 'header', 'setHeader', 'append', 'location', 'links', 'type', 'contentType', 'cookie',
  'clearCookie', 'vary', 'attachment', 'get', 'getHeader', 'hasHeader', 'removeHeader', 'on', 'once', 'setTimeout',
]);

/** `res.write(…)`, `res.success(…)`, `res.boom.notFound()`: a call on the response that may send. */
function maySend(call: ts.CallExpression, names: ReadonlySet<string>): boolean {
  let callee: ts.Expression = call.expression;
  let method: string | undefined;
  while (ts.isPropertyAccessExpression(callee)) {
    method = callee.name.text;
    callee = callee.expression;
  }
  return ts.isIdentifier(callee) && names.has(callee.text) && method !== undefined && !NON_SENDING_METHODS.has(method);
}

function parameterName(handler: ts.FunctionLikeDeclaration, index: number): string | undefined {
  const parameter = handler.parameters[index];
  return parameter && ts.isIdentifier(parameter.name) ? parameter.name.text : undefined;
}

/**
 * Does someone else finish the response after the site? `next()` hands over to the next
 * middleware or the error handler, a `throw` does too, a call that receives the response object
 * (`sendError(res, …)`, `stream.pipe(res)`) or `return res` may send, and so may any method of
 * the response not known to leave it open.
 */
export function completesLater(site: ResponseSite): boolean {
  const handler = site.handler?.node;
  if (!handler?.body) return false;
  const nextName = parameterName(handler, site.handler?.errorName !== undefined ? 3 : 2) ?? 'next';
  const after = site.chain.getEnd();
  const isResponse = (expression: ts.Expression | undefined): boolean => expression !== undefined && ts.isIdentifier(expression) && site.responseNames.has(expression.text);
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (node.getStart() >= after) {
      if (ts.isThrowStatement(node) || (ts.isReturnStatement(node) && isResponse(node.expression))) found = true;
      else if (ts.isCallExpression(node)) {
        const callee = node.expression;
        found = (ts.isIdentifier(callee) && callee.text === nextName) || node.arguments.some(isResponse) || maySend(node, site.responseNames);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(handler.body);
  return found;
}
