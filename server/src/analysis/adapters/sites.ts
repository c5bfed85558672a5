// Collects the response sites of a file: for each handler, every statement that sets a status
// or sends, merged the way a reviewer reads them (`res.status(500)` then `res.json(x)` is one
// response), with the headers, conditions, catch clause and earlier calls around it.
import ts from 'typescript';
import { type Bindings } from '../facts/bindings';
import { visitListed } from '../facts/fileIndex';
import { reaches } from '../facts/flow';
import { calleeOf, inSourceOrder, skipTypeWrappers } from '../facts/syntax';
import type { ResponseAdapter } from './adapter';
import { HEADER_METHODS, SEND_METHODS, responseUseAt, sendOf, type ResponseUse } from './chains';
import { expressAdapter } from './express';
import type { Framework } from './frameworks';
import { checkedRoute, locationRedirect, nodeHttpAdapter } from './nodeHttp';
import { HandlerCollector } from './handlers';
import { HandlerSiteCollector } from './collector';
import { rangeOf, resolveStatus } from '../facts/status';
import type { BranchCondition, CallBefore, Handler, HeaderSet, ResponseSite, Route, SendCall, StatusSetter, StatusValue } from '../types';

interface StatusPart {
  value: StatusValue;
  setter: StatusSetter;
  node: ts.Node;
}

/** What one use of the response object does. */
interface UseParts {
  use: ResponseUse;
  status?: StatusPart;
  send?: SendCall;
  body?: ts.Expression;
  headers: HeaderSet[];
}

export function isNumberish(expression: ts.Expression | undefined): expression is ts.Expression {
  return expression !== undefined && !ts.isStringLiteralLike(skipTypeWrappers(expression)) && !ts.isTemplateExpression(expression);
}

/** The header names an object literal spells out (`{ 'Retry-After': '60' }`). */
export function headersOfObject(object: ts.Expression | undefined): HeaderSet[] {
  const value = object && skipTypeWrappers(object);
  if (!value || !ts.isObjectLiteralExpression(value)) return [];
  return value.properties.flatMap((property) =>
    ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))
      ? [{ name: property.name.text.toLowerCase(), node: property }]
      : [],
  );
}

function partsOf(use: ResponseUse, bindings: Bindings): UseParts {
  const parts: UseParts = { use, headers: [] };
  if (use.statusCodeAssignment) {
    const value = resolveStatus(use.statusCodeAssignment.value, bindings);
    parts.status = { value, setter: 'statusCode', node: use.expression };
    return parts;
  }
  for (const link of use.links) {
    const [first, second] = link.call.arguments;
    if (link.name === 'status' && first) parts.status = { value: resolveStatus(first, bindings), setter: 'status', node: link.call };
    else if (link.name === 'writeHead' && first) {
      parts.status = { value: resolveStatus(first, bindings), setter: 'writeHead', node: link.call };
      parts.headers.push(...headersOfObject(ts.isObjectLiteralExpression(second ?? first) ? second : link.call.arguments[2]));
    } else if (link.name === 'sendStatus' && first) {
      parts.status = { value: resolveStatus(first, bindings), setter: 'sendStatus', node: link.call };
      parts.send = { method: link.name, call: link.call };
    } else if (link.name === 'redirect') {
      if (second && isNumberish(first)) parts.status = { value: resolveStatus(first, bindings), setter: 'redirect', node: link.call };
      parts.send = { method: link.name, call: link.call };
    } else if (SEND_METHODS.has(link.name)) {
      parts.send = { method: link.name, call: link.call };
      if (['json', 'send', 'jsonp', 'end'].includes(link.name) && first) parts.body = bodyValue(first);
      // A view's locals are what the page says: `render('signup', { error: 'Email taken' })`.
      else if (link.name === 'render' && second) parts.body = second;
    } else if (HEADER_METHODS.has(link.name)) {
      if (link.name === 'location') parts.headers.push({ name: 'location', node: link.call });
      else if (link.name === 'links') parts.headers.push({ name: 'link', node: link.call });
      else if (first && ts.isStringLiteralLike(first)) parts.headers.push({ name: first.text.toLowerCase(), node: link.call });
      else parts.headers.push(...headersOfObject(first));
    }
  }
  return parts;
}

/** A `res.format({ … })` call's branches and the status they all send with. */
interface Negotiation {
  choices: ts.ObjectLiteralExpression;
  status: StatusPart;
}

/** The object of branches of `res.format({ json() {…}, html() {…} })`, Express's content negotiation. */
function negotiationChoices(use: ResponseUse): ts.ObjectLiteralExpression | undefined {
  const last = use.links[use.links.length - 1];
  const choices = last?.name === 'format' ? last.call.arguments[0] && skipTypeWrappers(last.call.arguments[0]) : undefined;
  return choices && ts.isObjectLiteralExpression(choices) ? choices : undefined;
}

/** What a body says: the value inside `JSON.stringify(x)` (how node:http code sends JSON). */
export function bodyValue(argument: ts.Expression): ts.Expression {
  const value = skipTypeWrappers(argument);
  return ts.isCallExpression(value) && value.arguments[0] && value.expression.getText() === 'JSON.stringify' ? value.arguments[0] : argument;
}

/** Methods of an Express response that a plain node:http ServerResponse lacks. */
const EXPRESS_ONLY = new Set([...SEND_METHODS, ...HEADER_METHODS, 'clearCookie', 'format']);
EXPRESS_ONLY.delete('end');
EXPRESS_ONLY.delete('setHeader');

/**
 * Express unless the file is node:http's alone and the handler uses node:http's methods only: a
 * handler that calls `res.status()` or `res.json()` is an Express handler whatever the file imports.
 */
function adapterFor(uses: readonly ResponseUse[], frameworks: readonly Framework[]): ResponseAdapter {
  if (frameworks.includes('express') || !frameworks.includes('node:http')) return expressAdapter;
  return uses.some((use) => use.links.some((link) => EXPRESS_ONLY.has(link.name))) ? expressAdapter : nodeHttpAdapter;
}

function implicitStatus(send: SendCall, handler: Handler, redirectStatus: number): StatusValue {
  const code = send.method === 'redirect' ? redirectStatus : (handler.defaultStatus ?? 200);
  return { source: 'implicit', code, range: rangeOf(send.call) };
}

/** The route a handler is registered for, when the registration says (`app.post('/users', …)`). */
export function handlerRoute(handler: Handler | undefined): Route | undefined {
  return handler && (handler.method || handler.path) ? { method: handler.method, path: handler.path } : undefined;
}

/** The statement that holds `node`, or the expression itself when it is an arrow function's body. */
export function enclosingStatement(node: ts.Expression): ts.Node {
  let current: ts.Node = node;
  while (!ts.isStatement(current)) {
    if (ts.isArrowFunction(current.parent) && current.parent.body === current) return current;
    if (ts.isSourceFile(current.parent)) return current;
    current = current.parent;
  }
  return current;
}

/** The conditions and the catch clause around `node`, up to `boundary` (its handler or function). */
export function surroundings(node: ts.Node, boundary: ts.Node): Pick<ResponseSite, 'conditions' | 'catchClause'> {
  const conditions: BranchCondition[] = [];
  let catchClause: ResponseSite['catchClause'];
  let child: ts.Node = node;
  for (let current = node.parent; current && current !== boundary; child = current, current = current.parent) {
    if (ts.isIfStatement(current) && child !== current.expression) {
      conditions.push({ expression: current.expression, inElse: child === current.elseStatement });
    } else if (ts.isConditionalExpression(current) && child !== current.condition) {
      conditions.push({ expression: current.condition, inElse: child === current.whenFalse });
    } else if (ts.isCatchClause(current) && !catchClause) {
      const declaration = current.variableDeclaration;
      catchClause = { node: current, errorName: declaration && ts.isIdentifier(declaration.name) ? declaration.name.text : undefined };
    }
  }
  return { conditions, catchClause };
}

/**
 * Reads one handler: its uses of the response object (read by `useAt`, from calls and assignments),
 * every other call, and the handler's own `return` statements (a Fastify handler answers with what it
 * returns), in source order, from the walk's nodes in the handler's body.
 */
export function walkHandler<Use>(
  handler: Handler,
  useAt: (node: ts.Node, names: ReadonlySet<string>) => Use | undefined,
): { uses: Use[]; calls: CallBefore[]; returns: ts.ReturnStatement[]; names: ReadonlySet<string> } {
  const names = new Set([handler.responseName]);
  const uses: Use[] = [];
  const calls: CallBefore[] = [];
  const returns: ts.ReturnStatement[] = [];
  const visit = (node: ts.Node): 'skip' | undefined => {
    if (ts.isReturnStatement(node) && ownFunction(node) === handler.node) returns.push(node);
    // A nested function that takes its own response parameter is a handler of its own.
    if (ts.isFunctionLike(node) && node.parameters.some((p) => ts.isIdentifier(p.name) && names.has(p.name.text))) return 'skip';
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const init = skipTypeWrappers(node.initializer);
      if (ts.isIdentifier(init) && names.has(init.text)) names.add(node.name.text);
    }
    const use = useAt(node, names);
    if (use) uses.push(use);
    else if (ts.isCallExpression(node)) {
      const callee = calleeOf(node);
      // Inner links of a response chain (`res.status(201)` in `res.status(201).json(x)`) are not other calls.
      if (callee && !names.has(callee.text.split('.')[0])) calls.push({ callee: callee.text, name: callee.name, node });
    }
    return undefined;
  };
  if (handler.node.body) visitListed(handler.node.body, visit);
  return { uses, calls, returns, names };
}

/** The function a statement belongs to (a `return` inside a callback returns from the callback). */
function ownFunction(node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (ts.isFunctionLike(current)) return current;
  return undefined;
}

/**
 * `res.status(400); throw new Error('Name is required')`: the status is set and the very next
 * statement throws, so the error handler sends the error with that status (express-async-handler
 * projects answer this way). The thrown error's message is the body.
 */
function throwAfter(anchor: ts.Expression): { statement: ts.ThrowStatement; message?: ts.Expression } | undefined {
  const statement = enclosingStatement(anchor);
  const block = statement.parent;
  if (!block || !(ts.isBlock(block) || ts.isCaseClause(block) || ts.isDefaultClause(block))) return undefined;
  const next = block.statements[block.statements.indexOf(statement as ts.Statement) + 1];
  if (!next || !ts.isThrowStatement(next)) return undefined;
  const error = next.expression && skipTypeWrappers(next.expression);
  const message = error && (ts.isNewExpression(error) || ts.isCallExpression(error)) ? error.arguments?.[0] : undefined;
  return { statement: next, message: message && !ts.isObjectLiteralExpression(skipTypeWrappers(message)) ? message : undefined };
}

/** Is the chain handed to someone else (`return res.status(404)`, `next(res.status(500))`)? */
export function isHandedOver(use: ResponseUse): boolean {
  let parent = use.expression.parent;
  while (ts.isParenthesizedExpression(parent) || ts.isAwaitExpression(parent)) parent = parent.parent;
  return ts.isReturnStatement(parent) || ts.isCallExpression(parent) || ts.isVariableDeclaration(parent) || ts.isArrowFunction(parent);
}

/**
 * How a framework whose responses are Express-like (Next.js Pages API routes) has them read: its
 * adapter, the route a site answers and the status of a redirect that names none.
 */
export interface ExpressLikeReading {
  adapter: ResponseAdapter;
  route: (anchor: ts.Node, handler: Handler) => Route | undefined;
  redirectStatus: number;
}

function collectSites(handlers: readonly Handler[], bindings: Bindings, frameworks: readonly Framework[], reading: ExpressLikeReading | undefined): ResponseSite[] {
  const sites: ResponseSite[] = [];
  for (const handler of handlers) {
    const { uses, calls, names } = walkHandler(handler, responseUseAt);
    const adapter = reading?.adapter ?? adapterFor(uses, frameworks);
    const headers: HeaderSet[] = [];
    let pending: UseParts | undefined;
    const makeSite = (parts: UseParts, status: StatusPart | undefined, send: SendCall | undefined): ResponseSite => {
      const anchor = parts.use.expression;
      const start = anchor.getStart();
      const thrown = send ? undefined : throwAfter(anchor);
      const siteHeaders = headers.filter((header) => header.node.getStart() < (send?.call.getEnd() ?? anchor.getEnd()));
      const sent = send && sendOf(send);
      return {
        adapter,
        responseName: handler.responseName,
        responseNames: names,
        handler,
        route: reading ? reading.route(anchor, handler) : adapter === nodeHttpAdapter ? checkedRoute(anchor, handler.node, handler.requestName) : handlerRoute(handler),
        status: status?.value ?? implicitStatus(send as SendCall, handler, reading?.redirectStatus ?? 302),
        statusNode: status?.node,
        send: sent
          ? adapter === nodeHttpAdapter
            ? locationRedirect(sent, status?.value.code, siteHeaders)
            : sent
          : thrown && { kind: thrown.message ? 'data' : 'empty', node: thrown.statement, label: 'the error', encoding: 'json' },
        ...(thrown && { completedBy: 'error-handler' as const }),
        shape: { setter: status?.setter ?? 'implicit', sendCall: send },
        body: parts.body ?? thrown?.message,
        headers: siteHeaders,
        chain: anchor,
        statement: enclosingStatement(anchor),
        ...surroundings(anchor, handler.node),
        callsBefore: calls.filter((call) => call.node.getEnd() <= start),
      };
    };
    const negotiated: Negotiation[] = [];
    for (const use of uses) {
      const parts = partsOf(use, bindings);
      headers.push(...parts.headers);
      const choices = negotiationChoices(use);
      if (choices) {
        // `res.status(404).format({ json() {…}, html() {…} })`: every branch sends with that status.
        const status = parts.status ?? (pending?.status && reaches(pending.use.expression, use.expression) ? pending.status : undefined);
        if (status) negotiated.push({ choices, status });
        if (status && !parts.status) pending = undefined;
      } else if (parts.status && parts.send) sites.push(makeSite(parts, parts.status, parts.send));
      else if (parts.send) {
        const chosen = negotiated.find(({ choices }) => choices.getStart() <= use.expression.getStart() && use.expression.getEnd() <= choices.getEnd());
        // `res.status(500);` then `res.json(x)` on the path after it: one response.
        const merged = chosen?.status ?? (pending?.status && reaches(pending.use.expression, use.expression) ? pending.status : undefined);
        sites.push(makeSite(parts, merged, parts.send));
        if (merged && !chosen) pending = undefined;
      } else if (parts.status && !isHandedOver(use)) {
        // A status replaced before anything sends (or after a return) stands on its own.
        if (pending?.status) sites.push(makeSite(pending, pending.status, undefined));
        pending = parts;
      }
    }
    if (pending?.status) sites.push(makeSite(pending, pending.status, undefined));
  }
  return sites.sort((a, b) => inSourceOrder(a.chain, b.chain));
}

/** Express and node:http handlers: `(req, res)` functions and the uses of their response object. */
export class ResponseObjectCollector extends HandlerSiteCollector {
  constructor(reading?: ExpressLikeReading) {
    super(new HandlerCollector(), (handlers, file) => collectSites(handlers, file.bindings, file.frameworks, reading));
  }
}
