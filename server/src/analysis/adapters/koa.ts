// Koa (`koa`, `@koa/router`): a handler takes a context (`ctx`) and answers by assigning to it.
// `ctx.status = N` and `ctx.body = x` on one path are one response, in either order; a body with no
// status is 200 (`null` is 204); a status with no body sends its reason phrase; `ctx.redirect(url)` is
// 302 unless a 3xx was set; `ctx.throw(N, msg)` and `ctx.assert(value, N, msg)` throw an http-errors
// error that Koa (or the project's error middleware) sends.
import ts from 'typescript';
import type { Bindings } from '../facts/bindings';
import { rangeOf, resolveStatus } from '../facts/status';
import { calleeOf, chainRootIdentifier, skipTypeWrappers } from '../facts/syntax';
import type { CallBefore, Handler, HeaderSet, HttpMethod, ResponseSite, Send, StatusSetter, StatusValue } from '../types';
import type { FileReading, SiteCollector } from './collector';
import { koaAdapter, koaErrorAdapter } from './koaAdapter';
import { enclosingStatement, flowsInto, handlerRoute, surroundings } from './sites';
import { headersOf } from './thrownErrors';

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all', 'use']);
/** The types a Koa handler's context is declared with (`Context`, `Koa.ParameterizedContext<S>`, `RouterContext`). */
const CONTEXT_TYPES = /^(Context|ParameterizedContext|RouterContext|DefaultContext|ExtendableContext|KoaContext)$/;
/** Context methods that answer or set headers; other `ctx.x()` calls (`ctx.get`, `ctx.is`) read the request. */
const RESPONSE_METHODS = new Set(['throw', 'assert', 'redirect', 'set', 'append', 'remove', 'attachment', 'vary']);

type FunctionNode = ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration | ts.MethodDeclaration;

function isFunctionNode(node: ts.Node): node is FunctionNode {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node);
}

/** The context parameter's name: the first parameter named `ctx` or typed as a Koa context. */
export function contextName(fn: ts.SignatureDeclaration): string | undefined {
  const first = fn.parameters[0];
  if (!first || !ts.isIdentifier(first.name)) return undefined;
  if (first.name.text === 'ctx') return first.name.text;
  const type = first.type;
  if (!type || !ts.isTypeReferenceNode(type)) return undefined;
  const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
  return CONTEXT_TYPES.test(name) ? first.name.text : undefined;
}

/** `ctx.status`, `ctx.response.status`: the context property assigned or called, when `node` is one. */
function contextMember(expression: ts.Expression, names: ReadonlySet<string>): string | undefined {
  const value = skipTypeWrappers(expression);
  if (!ts.isPropertyAccessExpression(value)) return undefined;
  const object = skipTypeWrappers(value.expression);
  if (ts.isIdentifier(object)) return names.has(object.text) ? value.name.text : undefined;
  const inner = ts.isPropertyAccessExpression(object) ? skipTypeWrappers(object.expression) : undefined;
  return object.getText().endsWith('.response') && inner && ts.isIdentifier(inner) && names.has(inner.text) ? value.name.text : undefined;
}

/** `get`, `del`, `POST`: a route method as Koa's routers and decorators name it. */
function routeMethod(name: string): HttpMethod | undefined {
  const method = name.toLowerCase();
  if (method === 'del') return 'delete';
  return ROUTE_METHODS.has(method) ? (method as HttpMethod) : undefined;
}

/**
 * The route a function that takes a context declares itself: koa-swagger-decorator's
 * `@request('put', '/users/{id}')`, or a controller method named for its verb (`async post(ctx)`).
 */
function declaredRoute(fn: FunctionNode): { method?: HttpMethod; path?: string } {
  const decorator = ts.canHaveDecorators(fn) ? ts.getDecorators(fn)?.find((d) => ts.isCallExpression(d.expression) && calleeOf(d.expression)?.name === 'request') : undefined;
  const [method, path] = decorator && ts.isCallExpression(decorator.expression) ? decorator.expression.arguments : [];
  if (method && ts.isStringLiteralLike(method)) {
    return { method: routeMethod(method.text), path: path && ts.isStringLiteralLike(path) ? path.text.replace(/\{(\w+)\}/g, ':$1') : undefined };
  }
  const name = fn.name && ts.isIdentifier(fn.name) ? fn.name.text : '';
  return { method: ['get', 'post', 'put', 'patch', 'delete', 'del'].includes(name) ? routeMethod(name) : undefined };
}

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

/** Walks one handler: its uses of the context and every other call, in source order. */
function walkHandler(handler: Handler, bindings: Bindings): { uses: KoaUse[]; calls: CallBefore[] } {
  const names = new Set([handler.responseName]);
  const uses: KoaUse[] = [];
  const calls: CallBefore[] = [];
  const visit = (node: ts.Node): void => {
    // A nested function that takes its own context is a handler of its own.
    if (node !== handler.node && isFunctionNode(node) && contextName(node)) return;
    const use = useAt(node, names, bindings);
    if (use) uses.push(use);
    if (ts.isCallExpression(node) && !use) {
      const callee = calleeOf(node);
      const onContext = chainRootIdentifier(node.expression)?.text === handler.responseName && RESPONSE_METHODS.has(callee?.name ?? '');
      if (callee && !onContext) calls.push({ callee: callee.text, name: callee.name, node });
    }
    ts.forEachChild(node, visit);
  };
  if (handler.node.body) visit(handler.node.body);
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
      if (open && open.setter === 'implicit' && open.send.kind !== 'redirect' && !open.completedByErrorHandler && flowsInto(open.anchor, use.node)) {
        Object.assign(open, { status: use.value, statusNode: use.node, setter: 'assign' });
        pending = { use, used: true };
        continue;
      }
      if (pending && !pending.used) responses.push(standAlone(pending.use));
      pending = { use, used: false };
    } else if (use.kind === 'body') {
      const status = pending && flowsInto(pending.use.node, use.node) ? pending : undefined;
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
      const status = pending && code !== undefined && code >= 300 && code < 400 && flowsInto(pending.use.node, use.node) ? pending : undefined;
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
  return responses.sort((a, b) => a.anchor.getStart() - b.anchor.getStart());
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

  visit(node: ts.Node): void {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ROUTE_METHODS.has(node.expression.name.text) && isRouter(node.expression.expression)) {
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
    if (isFunctionNode(node) && !this.found.has(node)) {
      const name = contextName(node);
      if (name) {
        const route = declaredRoute(node);
        this.found.set(node, koaHandler(node, name, route.method, route.path));
      }
    }
  }

  handlers(): readonly Handler[] {
    return [...this.found.values()].sort((a, b) => a.node.pos - b.node.pos);
  }

  sites(file: FileReading): ResponseSite[] {
    return collectSites(this.handlers(), file.bindings);
  }
}

/** `router`, `app`, `authRouter`, `this.router`: a receiver named as something routes are registered on. */
function isRouter(receiver: ts.Expression): boolean {
  const value = skipTypeWrappers(receiver);
  const name = ts.isIdentifier(value) ? value.text : ts.isPropertyAccessExpression(value) ? value.name.text : '';
  return /(^|[a-z])(router|Router|app|App|api|Api)$/.test(name);
}

function koaHandler(node: FunctionNode, name: string, method: HttpMethod | undefined, path: string | undefined): Handler {
  // The context is the request and the response at once.
  return { node, method, path, requestName: name, responseName: name };
}

/** Text a Koa handler file holds (`ctx.body =`, `.status =`, `ctx.throw(`): files without it are not parsed for the sniff. */
const KOA_TEXT = /\.(status|body)\s*=[^=]|\.(throw|assert)\(/;

/**
 * A file that imports nothing but reads as Koa: a function whose first parameter is a context
 * (`ctx`, or typed `Context`) assigns its `status` or `body`, or calls its `throw`/`assert`.
 * An Express handler's first parameter is the request, so an Express file never matches.
 */
export function looksLikeKoa(sourceFile: ts.SourceFile): boolean {
  if (!KOA_TEXT.test(sourceFile.text)) return false;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (isFunctionNode(node)) {
      const name = contextName(node);
      if (name && node.body && answersThrough(node.body, new Set([name]))) {
        found = true;
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function answersThrough(body: ts.Node, names: ReadonlySet<string>): boolean {
  const use = (node: ts.Node): boolean => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ['status', 'body'].includes(contextMember(node.left, names) ?? '')) return true;
    if (ts.isCallExpression(node) && ['throw', 'assert'].includes(contextMember(node.expression, names) ?? '')) return true;
    return ts.forEachChild(node, use) ?? false;
  };
  return use(body);
}
