// node:http (`http.createServer((req, res) => …)`): `res.writeHead(N, headers)`, `res.statusCode = N`,
// `res.setHeader(name, value)`, `res.end(body)`. A response with no status set answers 200. Edits
// are written in its idiom (a plain ServerResponse has no `.status`, `.set` or `.json`); Express
// uses the same edits where its code uses node:http's methods.
import ts from 'typescript';
import { chainRootIdentifier, skipTypeWrappers } from '../facts/syntax';
import { indentationAt, quoted } from '../facts/style';
import type { RuleContext } from '../rule';
import type { Fix, HeaderSet, HttpMethod, ResponseSite, Route, Send, TextEdit } from '../types';
import type { HeaderToAdd, ResponseAdapter } from './adapter';
import { completesLater } from './chains';
import { headersUnknown } from './headersElsewhere';

/** Adds properties (code text) to an object literal, on lines of their own where it has one property per line. */
export function addPropertiesEdit(object: ts.ObjectLiteralExpression, entries: readonly string[], context: RuleContext): TextEdit {
  const properties = object.properties;
  if (properties.length === 0) return { start: object.getStart(), end: object.getEnd(), newText: `{ ${entries.join(', ')} }` };
  const first = properties[0].getStart();
  const multiline = context.text.slice(object.getStart(), first).includes('\n');
  const separator = multiline ? `,${context.style.eol}${indentationAt(context.text, first)}` : ', ';
  const end = properties[properties.length - 1].getEnd();
  return { start: end, end, newText: entries.map((entry) => separator + entry).join('') };
}

/** Adds properties to a `writeHead` headers object, or a headers object where there is none. */
function writeHeadEdit(call: ts.CallExpression, headers: readonly HeaderToAdd[], context: RuleContext): TextEdit | undefined {
  const entries = headers.map(([name, value]) => `${quoted(name, context.style)}: ${value}`);
  const last = call.arguments[call.arguments.length - 1];
  if (!last) return undefined;
  const object = skipTypeWrappers(last);
  if (call.arguments.length === 1 || ts.isStringLiteralLike(object)) {
    return { start: last.getEnd(), end: last.getEnd(), newText: `, { ${entries.join(', ')} }` };
  }
  return ts.isObjectLiteralExpression(object) ? addPropertiesEdit(object, entries, context) : undefined;
}

/** `res.setHeader(name, value)` calls inserted after the response object: `res.setHeader(…).end()`. */
export function setHeaderCallsEdit(site: ResponseSite, headers: readonly HeaderToAdd[], context: RuleContext): TextEdit | undefined {
  const root = chainRootIdentifier(site.chain);
  if (!root) return undefined;
  const calls = headers.map(([name, value]) => `.setHeader(${quoted(name, context.style)}, ${value})`).join('');
  return { start: root.getEnd(), end: root.getEnd(), newText: calls };
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

/** `'POST'` compared with `req.method`, `'/users'` with `req.url` or a `pathname`: what one comparison says. */
function comparedRoute(expression: ts.Expression, requestName: string | undefined): Route {
  const value = skipTypeWrappers(expression);
  if (ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
    return { ...comparedRoute(value.left, requestName), ...comparedRoute(value.right, requestName) };
  }
  if (!ts.isBinaryExpression(value) || ![ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken].includes(value.operatorToken.kind)) return {};
  const [subject, literal] = ts.isStringLiteralLike(value.right) ? [value.left, value.right] : [value.right, value.left];
  return ts.isStringLiteralLike(literal) ? routePart(subject, literal.text, requestName) : {};
}

/** What `subject === text` says about the route: `req.method === 'POST'`, `url.pathname === '/users'`. */
function routePart(subject: ts.Expression, text: string, requestName: string | undefined): Route {
  const value = skipTypeWrappers(subject);
  const name = ts.isPropertyAccessExpression(value) ? value.name.text : ts.isIdentifier(value) ? value.text : undefined;
  const ofRequest = ts.isPropertyAccessExpression(value) && ts.isIdentifier(value.expression) && value.expression.text === requestName;
  if (name === 'method' && (ofRequest || ts.isIdentifier(value)) && METHODS.has(text.toLowerCase())) return { method: text.toLowerCase() as HttpMethod };
  if (((name === 'url' && ofRequest) || name === 'pathname') && text.startsWith('/')) return { path: text };
  return {};
}

/**
 * The route a node:http site answers, read from the checks around it: `if (req.method === 'POST'
 * && req.url === '/users')`, `switch (req.method) { case 'POST': … }`, up to its handler.
 */
export function checkedRoute(node: ts.Node, boundary: ts.Node, requestName: string | undefined): Route | undefined {
  let route: Route = {};
  let child: ts.Node = node;
  for (let current = node.parent; current && current !== boundary; child = current, current = current.parent) {
    let found: Route = {};
    if (ts.isIfStatement(current) && child === current.thenStatement) found = comparedRoute(current.expression, requestName);
    else if (ts.isCaseClause(current) && ts.isStringLiteralLike(current.expression)) found = routePart(current.parent.parent.expression, current.expression.text, requestName);
    // The innermost check wins: a method checked inside a path check refines it.
    route = { ...found, ...route };
  }
  return route.method || route.path ? route : undefined;
}

/**
 * node:http's redirect: a 3xx with a `Location` header (`writeHead(302, { Location: url })`, or
 * `setHeader('Location', url)`), then `end()`. Read as a redirect to `url`, as `res.redirect(url)` is.
 */
export function locationRedirect(send: Send, code: number | undefined, headers: readonly HeaderSet[]): Send {
  if (code === undefined || code < 300 || code > 399 || code === 304 || (send.kind !== 'empty' && send.kind !== 'data')) return send;
  const location = headers.filter((header) => header.name === 'location').pop()?.node;
  const target = location && ts.isPropertyAssignment(location) ? location.initializer : location && ts.isCallExpression(location) ? location.arguments[1] : undefined;
  return target ? { ...send, kind: 'redirect', target } : send;
}

/** Fixes that end a response whose status is set: `res.end()` after a `statusCode` assignment, `.end()` on a chain. */
export function endResponseFixes(site: ResponseSite, context: RuleContext): Fix[] {
  const statement = site.chain.parent;
  // `res.writeHead(400).end;` or a status inside a larger expression: no edit is obviously right.
  if (!statement || !ts.isExpressionStatement(statement)) return [];
  if (site.shape.setter === 'statusCode') {
    if (!ts.isBlock(statement.parent) && !ts.isSourceFile(statement.parent) && !ts.isCaseOrDefaultClause(statement.parent)) return [];
    const indent = indentationAt(context.text, statement.getStart());
    const call = `${site.responseName}.end()${context.style.semicolons ? ';' : ''}`;
    return [{ title: `Add ${site.responseName}.end() after it`, edits: [{ start: statement.getEnd(), end: statement.getEnd(), newText: `${context.style.eol}${indent}${call}` }], isPreferred: true }];
  }
  const chainEnd = site.chain.getEnd();
  return [{ title: 'Add .end() to send the response', edits: [{ start: chainEnd, end: chainEnd, newText: '.end()' }], isPreferred: true }];
}

/** One edit adding headers: into `writeHead`'s headers (after it nothing more can be set), else `setHeader` calls. */
export function nodeHeadersEdit(site: ResponseSite, headers: readonly HeaderToAdd[], context: RuleContext): TextEdit | undefined {
  if (site.shape.setter === 'writeHead') return site.statusNode && ts.isCallExpression(site.statusNode) ? writeHeadEdit(site.statusNode, headers, context) : undefined;
  return setHeaderCallsEdit(site, headers, context);
}

/**
 * `res.end(x)` → `res.writeHead(404).end(x)`: writeHead returns the response, so the chain holds.
 * It goes right before the sending call, after any `setHeader` calls of the chain (or added at its
 * root by another edit of the same fix): a header set after `writeHead` throws.
 */
function setDefaultStatusEdit(site: ResponseSite, status: string): TextEdit | undefined {
  const callee = site.shape.sendCall && skipTypeWrappers(site.shape.sendCall.call.expression);
  if (callee && ts.isPropertyAccessExpression(callee)) {
    const name = callee.name;
    return { start: name.getStart(), end: name.getEnd(), newText: `writeHead(${status}).${name.text}` };
  }
  const root = chainRootIdentifier(site.chain);
  return root ? { start: root.getEnd(), end: root.getEnd(), newText: `.writeHead(${status})` } : undefined;
}

/** Is `body` inside `JSON.stringify(…)` already (`res.end(JSON.stringify({ error }))`)? */
function isStringified(body: ts.Expression): boolean {
  const call = body.parent;
  return ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && call.expression.getText() === 'JSON.stringify';
}

/** `end` takes text: an object or array body is written through JSON.stringify. */
function endArgument(body: string): string {
  return /^[[{]/.test(body.trim()) ? `JSON.stringify(${body})` : body;
}

function sendBodyEdits(site: ResponseSite, body: string, _context: RuleContext, status?: string): TextEdit[] | undefined {
  const send = site.shape.sendCall;
  if (!send || send.method !== 'end') return undefined;
  const edits: TextEdit[] = [];
  if (status !== undefined) {
    const edit = site.status.expression ? { ...site.status.range, newText: status } : setDefaultStatusEdit(site, status);
    if (!edit) return undefined;
    edits.push(edit);
  }
  if (site.body) return [...edits, { start: site.body.getStart(), end: site.body.getEnd(), newText: isStringified(site.body) ? body : endArgument(body) }];
  if (send.call.arguments.length > 0) return undefined;
  const at = send.call.arguments.pos;
  return [...edits, { start: at, end: at, newText: endArgument(body) }];
}

/** `res.end(x)` → `res.end()`. */
function dropBodyFix(site: ResponseSite): Fix | undefined {
  const call = site.shape.sendCall?.call;
  if (site.shape.sendCall?.method !== 'end' || !call || call.arguments.length === 0) return undefined;
  return { title: 'Remove the body (`.end(…)` → `.end()`)', edits: [{ start: call.arguments.pos, end: call.arguments.end, newText: '' }] };
}

export const nodeHttpAdapter: ResponseAdapter = {
  framework: 'node:http',
  setDefaultStatusEdit: (site, status) => setDefaultStatusEdit(site, status),
  headersMayBeSetElsewhere: headersUnknown,
  addHeadersEdit: nodeHeadersEdit,
  sendBodyEdits,
  dropBodyFix,
  completeResponseFixes: endResponseFixes,
  completesLater,
  // `writeHead` returns the response, so head and body fit one statement.
  answerStatement: (site, status, body, context) =>
    `return ${site.responseName}.writeHead(${status}, { ${quoted('Content-Type', context.style)}: ${quoted('application/json', context.style)} }).end(JSON.stringify(${body}))`,
  // node:http coerces a numeric string (`writeHead('404')` sends 404).
  stringStatusProblem: () => undefined,
};
