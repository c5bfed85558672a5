// Koa (`koa`, `@koa/router`): a handler takes a context (`ctx`) and answers by assigning to it.
// `ctx.status = N` and `ctx.body = x` on one path are one response, in either order; a body with no
// status is 200 (`null` is 204); a status with no body sends its reason phrase; `ctx.redirect(url)` is
// 302 unless a 3xx was set; `ctx.throw(N, msg)` and `ctx.assert(value, N, msg)` throw an http-errors
// error that Koa (or the project's error middleware) sends. Handlers are found in `koaHandlers.ts`.
import ts from 'typescript';
import type { Bindings } from '../facts/bindings';
import { visitListed } from '../facts/fileIndex';
import { reaches } from '../facts/flow';
import { rangeOf, resolveStatus } from '../facts/status';
import { calleeOf, chainRootIdentifier, inSourceOrder, isFunctionNode, skipTypeWrappers } from '../facts/syntax';
import type { CallBefore, Handler, HeaderSet, ResponseSite, Send, StatusSetter, StatusValue } from '../types';
import type { FileReading, SiteCollector } from './collector';
import { koaAdapter, koaErrorAdapter } from './koaAdapter';
import { ROUTE_METHODS, contextMember, contextName, declaredRoute, isRouter, koaHandler, routeMethod } from './koaHandlers';
import { enclosingStatement, handlerRoute, surroundings } from './sites';
import { headersOf } from './thrownErrors';

/** Context methods that answer or set headers; other `ctx.x()` calls (`ctx.get`, `ctx.is`) read the request. */
const RESPONSE_METHODS = new Set(['throw', 'assert', 'redirect', 'set', 'append', 'remove', 'attachment', 'vary']);

/** What one statement does to the context, in source order. */
type KoaUse =
  | { kind: 'status'; node: ts.BinaryExpression; value: StatusValue }
  | { kind: 'body'; node: ts.BinaryExpression; body: ts.Expression }
  | { kind: 'redirect' | 'throw' | 'assert'; node: ts.CallExpression }
  | { kind: 'headers'; headers: HeaderSet[] };

function headerNames(call: ts.CallExpression): HeaderSet[] {
  const [first] = call.arguments;
  if (first && ts.isStringLiteralLike(first)) return [{ name: first.text.toLowerCase(), node: call }];
  const object = first && skipTypeWrappers(first);
  if (!object || !ts.isObjectLiteralExpression(object)) return [];
  return object.properties.flatMap((property) =>
    ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? [{ name: property.name.text.toLowerCase(), node: property }] : [],
  );
}

function useAt(node: ts.Node, names: ReadonlySet<string>, bindings: Bindings): KoaUse | undefined {
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const member = contextMember(node.left, names);
    if (member === 'status') return { kind: 'status', node, value: resolveStatus(node.right, bindings) };
    if (member === 'body') return { kind: 'body', node, body: node.right };
    return undefined;
  }
  if (!ts.isCallExpression(node)) return undefined;
  const member = contextMember(node.expression, names);
  if (member === 'redirect' || member === 'throw' || member === 'assert') return { kind: member, node };
  if (member === 'set' || member === 'append') return { kind: 'headers', headers: headerNames(node) };
  return undefined;
}

/** Not a status: a message (`'Not found'`, `` `No ${what}` ``) or http-errors props (`{ expose: true }`). */
function isStatusArgument(argument: ts.Expression): boolean {
  const value = skipTypeWrappers(argument);
  if (ts.isBinaryExpression(value)) return value.operatorToken.kind === ts.SyntaxKind.BarBarToken || value.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken;
  return !ts.isStringLiteralLike(value) && !ts.isTemplateExpression(value) && !ts.isObjectLiteralExpression(value);
}

/** `ctx.throw(404, msg)`, `ctx.throw(msg, 404)`, `ctx.assert(user, 401, msg)`: the status, its message and props. */
function thrownParts(call: ts.CallExpression, kind: 'throw' | 'assert', bindings: Bindings): { status: StatusValue; message?: ts.Expression } {
  const args = kind === 'assert' ? call.arguments.slice(1) : [...call.arguments];
  const statusArgument = args.find(isStatusArgument);
  const message = args.find((argument) => argument !== statusArgument && !ts.isObjectLiteralExpression(skipTypeWrappers(argument)));
  // Without a status http-errors makes a 500.
  const status: StatusValue = statusArgument ? resolveStatus(statusArgument, bindings) : { source: 'implicit', code: 500, range: rangeOf(call) };
  return { status, message };
}

/** A body the client streams or downloads rather than reads as data. */
function isStream(body: ts.Expression): boolean {
  const value = skipTypeWrappers(body);
  const name = ts.isCallExpression(value) ? calleeOf(value)?.name : ts.isIdentifier(value) ? value.text : undefined;
  return name !== undefined && /^(createReadStream|stream|\w+Stream)$/.test(name);
}

function isNull(expression: ts.Expression): boolean {
  return skipTypeWrappers(expression).kind === ts.SyntaxKind.NullKeyword;
}

/** Reads one handler: its uses of the context and every other call, in source order, from the walk's nodes in its body. */
function walkHandler(handler: Handler, bindings: Bindings): { uses: KoaUse[]; calls: CallBefore[] } {
  const names = new Set([handler.responseName]);
  const uses: KoaUse[] = [];
  const calls: CallBefore[] = [];
  const visit = (node: ts.Node): 'skip' | undefined => {
    // A nested function that takes its own context is a handler of its own.
    if (isFunctionNode(node) && contextName(node)) return 'skip';
    const use = useAt(node, names, bindings);
    if (use) uses.push(use);
    if (ts.isCallExpression(node) && !use) {
      const callee = calleeOf(node);
      const onContext = chainRootIdentifier(node.expression)?.text === handler.responseName && RESPONSE_METHODS.has(callee?.name ?? '');
      if (callee && !onContext) calls.push({ callee: callee.text, name: callee.name, node });
    }
    return undefined;
  };
  if (handler.node.body) visitListed(handler.node.body, visit);
  return { uses, calls };
}

/** What a status line and a body line make together: the site's parts before surroundings are added. */
interface SiteParts {
  status: StatusValue;
  statusNode?: ts.Node;
  setter: StatusSetter;
  send: Send;
  body?: ts.Expression;
  /** The node the site is anchored at: the body assignment, the call, or a status that stands alone. */
  anchor: ts.Expression;
  headers: HeaderSet[];
  completedByErrorHandler?: boolean;
}

/** Reads one handler's uses into responses, merging a status and a body set on one path. */
function responsesOf(uses: readonly KoaUse[], bindings: Bindings): SiteParts[] {
  const responses: SiteParts[] = [];
  const headers: HeaderSet[] = [];
  const before = (node: ts.Node): HeaderSet[] => headers.filter((header) => header.node.getEnd() <= node.getStart());
  /** The last status assignment, and whether a body was sent with it. */
  let pending: { use: Extract<KoaUse, { kind: 'status' }>; used: boolean } | undefined;
  const standAlone = (use: Extract<KoaUse, { kind: 'status' }>): SiteParts => ({
    status: use.value,
    statusNode: use.node,
    setter: 'assign',
    // Koa sends the reason phrase as the body of a status set without one.
    send: { kind: 'empty', node: use.node, label: 'ctx.status = …', encoding: 'auto' },
    anchor: use.node,
    headers: before(use.node),
  });
  for (const use of uses) {
    if (use.kind === 'headers') headers.push(...use.headers);
    else if (use.kind === 'status') {
      // `ctx.body = x; ctx.status = 201;`: the status set after a body on its path is that response's.
      const open = responses.at(-1);
      if (open && open.setter === 'implicit' && open.send.kind !== 'redirect' && !open.completedByErrorHandler && reaches(open.anchor, use.node)) {
        Object.assign(open, { status: use.value, statusNode: use.node, setter: 'assign' });
        pending = { use, used: true };
        continue;
      }
      if (pending && !pending.used) responses.push(standAlone(pending.use));
      pending = { use, used: false };
    } else if (use.kind === 'body') {
      const status = pending && reaches(pending.use.node, use.node) ? pending : undefined;
      if (status) status.used = true;
      const kind = isStream(use.body) ? 'file' : isNull(use.body) ? 'empty' : 'data';
      responses.push({
        // A body with no status is 200, a null body 204.
        status: status?.use.value ?? { source: 'implicit', code: isNull(use.body) ? 204 : 200, range: rangeOf(use.node.left) },
        statusNode: status?.use.node,
        setter: status ? 'assign' : 'implicit',
        send: { kind, node: use.node, label: 'ctx.body = …', encoding: 'auto' },
        body: use.body,
        anchor: use.node,
        headers: before(use.node),
      });
    } else if (use.kind === 'redirect') {
      // Koa keeps a 3xx set before the redirect and makes anything else a 302.
      const code = pending?.use.value.code;
      const status = pending && code !== undefined && code >= 300 && code < 400 && reaches(pending.use.node, use.node) ? pending : undefined;
      if (status) status.used = true;
      responses.push({
        status: status?.use.value ?? { source: 'implicit', code: 302, range: rangeOf(use.node) },
        statusNode: status?.use.node,
        setter: status ? 'assign' : 'implicit',
        send: { kind: 'redirect', node: use.node, label: 'ctx.redirect(…)', encoding: 'text', target: use.node.arguments[0] },
        anchor: use.node,
        headers: before(use.node),
      });
    } else {
      const { status, message } = thrownParts(use.node, use.kind, bindings);
      responses.push({
        status,
        statusNode: use.node,
        setter: use.kind,
        // Koa's error handling clears the headers set before: only the error's own are sent.
        send: { kind: message ? 'data' : 'empty', node: use.node, label: `ctx.${use.kind}(…)`, encoding: 'text' },
        body: message,
        anchor: use.node,
        headers: headersOf(use.node),
        completedByErrorHandler: true,
      });
    }
  }
  if (pending && !pending.used) responses.push(standAlone(pending.use));
  return responses.sort((a, b) => inSourceOrder(a.anchor, b.anchor));
}

function collectSites(handlers: readonly Handler[], bindings: Bindings): ResponseSite[] {
  const sites: ResponseSite[] = [];
  for (const handler of handlers) {
    const { uses, calls } = walkHandler(handler, bindings);
    for (const parts of responsesOf(uses, bindings)) {
      const { anchor } = parts;
      const around = surroundings(anchor, handler.node);
      // `ctx.assert(user, 404)` answers when `user` is falsy: as if in the `else` of `if (user)`.
      const asserted = parts.setter === 'assert' && ts.isCallExpression(anchor) && anchor.arguments[0];
      sites.push({
        adapter: parts.completedByErrorHandler ? koaErrorAdapter : koaAdapter,
        responseName: handler.responseName,
        responseNames: new Set([handler.responseName]),
        handler,
        route: handlerRoute(handler),
        status: parts.status,
        statusNode: parts.statusNode,
        send: parts.send,
        completedBy: parts.completedByErrorHandler ? 'error-handler' : undefined,
        shape: { setter: parts.setter },
        body: parts.body,
        headers: parts.headers,
        chain: anchor,
        statement: enclosingStatement(anchor),
        conditions: asserted ? [{ expression: asserted, inElse: true }, ...around.conditions] : around.conditions,
        catchClause: around.catchClause,
        callsBefore: calls.filter((call) => call.node.getEnd() <= anchor.getStart()),
      });
    }
  }
  return sites;
}

/** Koa handlers (functions registered on a router, functions that take a context) and their responses. */
export class KoaCollector implements SiteCollector {
  private readonly found = new Map<ts.Node, Handler>();

  visit(node: ts.Node): boolean {
    const routeCall = ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ROUTE_METHODS.has(node.expression.name.text);
    if (routeCall && isRouter(node.expression.expression)) {
      // router.get('/users/:id', guard, async (ctx, next) => …): every function registered answers that route.
      const method = routeMethod(node.expression.name.text);
      const [first] = node.arguments;
      const path = first && ts.isStringLiteralLike(first) ? first.text : undefined;
      for (const argument of node.arguments) {
        if (isFunctionNode(argument) && argument.parameters[0] && ts.isIdentifier(argument.parameters[0].name)) {
          this.found.set(argument, koaHandler(argument, argument.parameters[0].name.text, method, path));
        }
      }
    }
    if (!isFunctionNode(node)) return routeCall;
    if (!this.found.has(node)) {
      const name = contextName(node);
      if (name) {
        const route = declaredRoute(node);
        this.found.set(node, koaHandler(node, name, route.method, route.path));
      }
    }
    return true;
  }

  handlers(): readonly Handler[] {
    return [...this.found.values()].sort((a, b) => a.node.pos - b.node.pos);
  }

  sites(file: FileReading): ResponseSite[] {
    return collectSites(this.handlers(), file.bindings);
  }
}

