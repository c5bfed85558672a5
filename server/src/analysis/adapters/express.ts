// Express (and the node:http methods an Express response inherits): what its responses send, its
// defaults (`res.json(x)` is 200, `res.redirect(url)` 302), and fixes written in its idiom.
import ts from 'typescript';
import { codeText } from '../evidence/branchTests';
import { indentationAt } from '../facts/style';
import { chainRootIdentifier, skipTypeWrappers } from '../facts/syntax';
import type { RuleContext } from '../rule';
import type { Fix, ResponseSite, SendCall, SendKind, TextEdit } from '../types';
import type { ResponseAdapter } from './adapter';
import { addHeadersEdit, headersUnknown } from './expressHeaders';

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
export function expressSend(send: SendCall) {
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
function completesLater(site: ResponseSite): boolean {
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

/** Fixes for a status set but never sent: `res.status(N)` → `res.sendStatus(N)`, or an `.end()`. */
function completeResponseFixes(site: ResponseSite, context: RuleContext): Fix[] {
  const statement = site.chain.parent;
  // `res.status(400).send;` or a status inside a larger expression: no edit is obviously right.
  if (!statement || !ts.isExpressionStatement(statement)) return [];
  const chainEnd = site.chain.getEnd();
  const end: Fix = { title: 'Add .end() to send the response', edits: [{ start: chainEnd, end: chainEnd, newText: '.end()' }] };
  const node = site.statusNode;
  if (site.shape.setter === 'statusCode') {
    if (!ts.isBlock(statement.parent) && !ts.isSourceFile(statement.parent) && !ts.isCaseClause(statement.parent)) return [];
    const indent = indentationAt(context.text, statement.getStart());
    const call = `${site.responseName}.end()${context.style.semicolons ? ';' : ''}`;
    return [{ title: `Add ${site.responseName}.end() after it`, edits: [{ start: statement.getEnd(), end: statement.getEnd(), newText: `${context.style.eol}${indent}${call}` }], isPreferred: true }];
  }
  if (site.shape.setter === 'status' && node === site.chain && ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const member = node.expression.name;
    const value = node.arguments[0] ? codeText(node.arguments[0]) : '';
    const sendStatus: Fix = {
      title: `Replace ${site.responseName}.status(${value}) with ${site.responseName}.sendStatus(${value})`,
      edits: [{ start: member.getStart(), end: member.getEnd(), newText: 'sendStatus' }],
      isPreferred: true,
    };
    return [sendStatus, end];
  }
  return [{ ...end, isPreferred: true }];
}

/** The range from a call's method name to its closing parenthesis: `end()` in `res.status(400).end()`. */
function methodRange(call: ts.CallExpression): { start: number; end: number } | undefined {
  return ts.isPropertyAccessExpression(call.expression) ? { start: call.expression.name.getStart(), end: call.getEnd() } : undefined;
}

function setDefaultStatusEdit(site: ResponseSite, status: string): TextEdit | undefined {
  const send = site.shape.sendCall;
  if (send?.method === 'redirect') {
    const url = send.call.arguments[0];
    return url ? { start: url.getStart(), end: url.getStart(), newText: `${status}, ` } : undefined;
  }
  const root = chainRootIdentifier(site.chain);
  return root ? { start: root.getEnd(), end: root.getEnd(), newText: `.status(${status})` } : undefined;
}

/**
 * Body edits in the shapes Express allows: replace the body argument, fill an empty
 * `json()`/`send()`, turn `end()` into `json(…)`, and `sendStatus(N)` into `status(N).json(…)`.
 */
function sendBodyEdits(site: ResponseSite, body: string, _context: RuleContext, status?: string): TextEdit[] | undefined {
  const send = site.shape.sendCall;
  if (!send) return undefined;
  if (site.shape.setter === 'sendStatus') {
    const range = methodRange(send.call);
    const code = status ?? site.status.expression?.getText();
    return range && code ? [{ ...range, newText: `status(${code}).json(${body})` }] : undefined;
  }
  const statusEdits: TextEdit[] = [];
  if (status !== undefined) {
    const edit = site.status.expression ? { ...site.status.range, newText: status } : setDefaultStatusEdit(site, status);
    if (!edit) return undefined;
    statusEdits.push(edit);
  }
  if (site.body) return [...statusEdits, { start: site.body.getStart(), end: site.body.getEnd(), newText: body }];
  if (send.call.arguments.length > 0) return undefined;
  if (send.method === 'json' || send.method === 'send') {
    const at = send.call.arguments.pos;
    return [...statusEdits, { start: at, end: at, newText: body }];
  }
  if (send.method === 'end') {
    const range = methodRange(send.call);
    return range ? [...statusEdits, { ...range, newText: `json(${body})` }] : undefined;
  }
  return undefined;
}

/** `.json(x)` → `.end()`: the send call keeps its place in the chain, without the body. */
function dropBodyFix(site: ResponseSite): Fix | undefined {
  const send = site.shape.sendCall;
  const callee = send && skipTypeWrappers(send.call.expression);
  if (!send || !callee || !ts.isPropertyAccessExpression(callee)) return undefined;
  return { title: `Remove the body (\`.${send.method}(…)\` → \`.end()\`)`, edits: [{ start: callee.name.getStart(), end: send.call.getEnd(), newText: 'end()' }] };
}

export const expressAdapter: ResponseAdapter = {
  framework: 'express',
  setDefaultStatusEdit: (site, status) => setDefaultStatusEdit(site, status),
  addHeadersEdit,
  headersMayBeSetElsewhere: headersUnknown,
  sendBodyEdits,
  dropBodyFix,
  completeResponseFixes,
  completesLater,
  // Express 5 throws for `res.status('404')`; a `statusCode` assignment is coerced by node:http.
  stringStatusProblem: (site) => (site.shape.setter === 'status' || site.shape.setter === 'sendStatus' ? 'Express 5 throws for it (Express 4 warns)' : undefined),
};
