// Hono: handlers receive a context `c` and return what it builds: `c.json(body, 404, headers)`,
// `c.json(body, { status, headers })`, `c.text` / `c.html` / `c.body` (200 by default),
// `c.redirect(url, 301)` (302), `c.notFound()` (404), a status set before by `c.status(N)`, and
// headers by `c.header(name, value)`. Handlers are those registered on an app (`app.get(path,
// …handlers)`, `app.openapi(route, handler)`, `app.onError`, `app.notFound`, `factory.createHandlers`)
// and functions typed as or shaped like one (`export const list: AppRouteHandler<ListRoute> = async (c) => …`).
import ts from 'typescript';
import type { Bindings } from '../facts/bindings';
import { reaches } from '../facts/flow';
import { rangeOf, resolveStatus } from '../facts/status';
import { calleeOf, inSourceOrder, isFunctionNode, skipTypeWrappers, type FunctionNode } from '../facts/syntax';
import type { Handler, HeaderSet, HttpMethod, ResponseSite, Route, Send, SendCall, StatusSetter, StatusValue } from '../types';
import { HandlerSiteCollector } from './collector';
import { honoAdapter } from './honoAdapter';
import { contextCallAt, initProperty, responseInit, SENDERS, STATUS_SECOND, type ContextCall } from './honoCalls';
import { enclosingStatement, handlerRoute, headersOfObject, surroundings, walkHandler } from './sites';

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all', 'use']);
/** Types that say a function is a Hono handler whatever its context is called. */
const HANDLER_TYPES = /^(Handler|MiddlewareHandler|NotFoundHandler|RouteHandler|AppRouteHandler|\w*RouteHandler)$/;
/** Types of handlers whose context comes second: `(err, c)`, and zod-openapi's validation hook `(result, c)`. */
const CONTEXT_SECOND_TYPES = /^(ErrorHandler|Hook)$/;
/** Names a context goes by in handlers that are neither registered nor typed. */
const CONTEXT_NAMES = /^(c|ctx|context)$/;

function parameterName(fn: ts.SignatureDeclaration, index: number): string | undefined {
  const parameter = fn.parameters[index];
  return parameter && ts.isIdentifier(parameter.name) ? parameter.name.text : undefined;
}

const stringOf = (expression: ts.Expression | undefined): string | undefined => (expression && ts.isStringLiteralLike(expression) ? expression.text : undefined);

/** `/tasks/{id}` (OpenAPI) → `/tasks/:id`, the way Hono routes name parameters. */
const routePath = (path: string | undefined): string | undefined => path?.replace(/\{(\w+)\}/g, ':$1');

/** `createRoute({ method: 'post', path: '/tasks' })`: the route a definition declares. */
function declaredRoute(expression: ts.Expression | undefined): Route | undefined {
  const value = expression && skipTypeWrappers(expression);
  const object = value && ts.isCallExpression(value) && calleeOf(value)?.name === 'createRoute' ? value.arguments[0] : value;
  if (!object || !ts.isObjectLiteralExpression(object)) return undefined;
  const property = (name: string): string | undefined => {
    const found = initProperty(object, name);
    return stringOf(found && skipTypeWrappers(found.initializer));
  };
  const method = property('method')?.toLowerCase();
  return { method: method && ROUTE_METHODS.has(method) ? (method as HttpMethod) : undefined, path: routePath(property('path')) };
}

/** A registration's route: `app.post('/users', …)`, `app.on('POST', '/users', …)`. */
function registeredRoute(method: string, args: ts.NodeArray<ts.Expression>): Route {
  if (method === 'on') {
    const methods = stringOf(args[0])?.toLowerCase();
    return { method: methods && ROUTE_METHODS.has(methods) ? (methods as HttpMethod) : undefined, path: stringOf(args[1]) };
  }
  return { method: method as HttpMethod, path: stringOf(args[0]) };
}

/** The type a variable declares its function with: `AppRouteHandler` in `const list: AppRouteHandler<ListRoute> = …`. */
function declaredTypeName(fn: FunctionNode): string | undefined {
  const declaration = fn.parent;
  const type = ts.isVariableDeclaration(declaration) && declaration.initializer === fn ? declaration.type : undefined;
  return type && ts.isTypeReferenceNode(type) ? type.typeName.getText().split('.').pop() : undefined;
}

/** Is the first parameter typed as Hono's `Context`? */
function takesContext(fn: FunctionNode): boolean {
  const type = fn.parameters[0]?.type;
  return !!type && ts.isTypeReferenceNode(type) && type.typeName.getText() === 'Context';
}

/** Is the call what its function returns (`return c.json(x)`, `(c) => c.json(x)`)? `res.json()` in a `.then` callback is not. */
function isReturned(call: ts.CallExpression): boolean {
  let parent = call.parent;
  while (ts.isParenthesizedExpression(parent) || ts.isAwaitExpression(parent) || ts.isAsExpression(parent)) parent = parent.parent;
  return ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && !ts.isCallExpression(parent.parent));
}

/** Finds Hono handlers during the file's one walk; `handlers()` resolves references after it. */
class HonoHandlers {
  private readonly found = new Map<ts.Node, Handler>();
  private readonly functions = new Map<string, FunctionNode>();
  private readonly routes = new Map<string, Route>();
  private readonly byReference: { name: string; route: Route; contextIndex: number }[] = [];
  /** Functions that build a response on a parameter named like a context (`return c.json(x)`). */
  private readonly shaped = new Set<FunctionNode>();

  visit(node: ts.Node): boolean {
    // A call may name a route declared in another statement (`app.openapi(route, …)`): every call is taken.
    let taken = true;
    if (ts.isFunctionDeclaration(node) && node.name) this.functions.set(node.name.text, node);
    else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const init = skipTypeWrappers(node.initializer);
      if (isFunctionNode(init)) this.functions.set(node.name.text, init);
      const route = ts.isCallExpression(init) && calleeOf(init)?.name === 'createRoute' ? declaredRoute(init) : undefined;
      if (route) this.routes.set(node.name.text, route);
    } else if (ts.isCallExpression(node)) this.visitCall(node);
    else taken = false;
    if (!isFunctionNode(node)) return taken;
    if (!this.found.has(node)) {
      const typeName = declaredTypeName(node);
      if (typeName && CONTEXT_SECOND_TYPES.test(typeName)) this.register(node, {}, 1, typeName === 'ErrorHandler');
      else if ((typeName && HANDLER_TYPES.test(typeName)) || takesContext(node)) this.register(node, {}, 0);
    }
    return true;
  }

  handlers(): Handler[] {
    for (const { name, route, contextIndex } of this.byReference) {
      const fn = this.functions.get(name);
      if (fn) this.register(fn, route, contextIndex, contextIndex === 1);
    }
    for (const fn of this.shaped) if (!this.found.has(fn)) this.register(fn, {}, 0);
    return [...this.found.values()].sort((a, b) => a.node.pos - b.node.pos);
  }

  private visitCall(call: ts.CallExpression): void {
    const callee = skipTypeWrappers(call.expression);
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    if (!method) return;
    const args = call.arguments;
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && SENDERS[method] && CONTEXT_NAMES.test(callee.expression.text) && isReturned(call)) this.noteShaped(callee.expression);
    let route: Route | undefined;
    let contextIndex = 0;
    if (ts.isPropertyAccessExpression(callee) && (ROUTE_METHODS.has(method) || method === 'on')) route = registeredRoute(method, args);
    else if (method === 'openapi') {
      const definition = args[0] && skipTypeWrappers(args[0]);
      route = (definition && ts.isIdentifier(definition) ? this.routes.get(definition.text) : declaredRoute(definition)) ?? {};
    } else if (method === 'onError') {
      route = {};
      contextIndex = 1;
    } else if (['notFound', 'createHandlers', 'createMiddleware'].includes(method) && args.length > 0) route = {};
    if (!route) return;
    for (const argument of args) {
      const value = skipTypeWrappers(argument);
      if (isFunctionNode(value)) this.register(value, route, contextIndex, contextIndex === 1);
      else if (ts.isIdentifier(value)) this.byReference.push({ name: value.text, route, contextIndex });
    }
  }

  /** `c.json(…)` inside a function whose parameter `c` is: that function answers with it. */
  private noteShaped(context: ts.Identifier): void {
    for (let current: ts.Node = context.parent; current; current = current.parent) {
      if (isFunctionNode(current) && parameterName(current, 0) === context.text) {
        this.shaped.add(current);
        return;
      }
    }
  }

  /** `contextIndex`: where the context stands among the parameters; `takesError`: the first is the error (`onError`). */
  private register(fn: FunctionNode, route: Route, contextIndex: number, takesError = false): void {
    const responseName = parameterName(fn, contextIndex);
    if (!responseName || this.found.get(fn)?.method) return;
    this.found.set(fn, {
      node: fn,
      method: route.method,
      path: route.path,
      requestName: `${responseName}.req`,
      responseName,
      errorName: takesError ? parameterName(fn, 0) : undefined,
    });
  }
}

/** What a send says about status, body and headers. */
function readSend(send: ContextCall, bindings: Bindings): { status?: StatusValue; body?: ts.Expression; headers: HeaderSet[]; empty: boolean } {
  const [first, second, third] = send.call.arguments;
  if (!STATUS_SECOND.has(send.method)) return { headers: [], empty: false };
  const init = responseInit(send.call);
  const statusArgument = init ? initProperty(init, 'status')?.initializer : second;
  const isNothing = (value: ts.Expression | undefined): boolean => !value || value.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(value) && value.text === 'undefined');
  const body = send.method === 'redirect' || isNothing(first && skipTypeWrappers(first)) ? undefined : first;
  return {
    status: statusArgument && resolveStatus(statusArgument, bindings),
    body,
    headers: init ? headersOfObject(initProperty(init, 'headers')?.initializer) : headersOfObject(third),
    empty: send.method !== 'redirect' && body === undefined,
  };
}

function collectSites(handler: Handler, bindings: Bindings): ResponseSite[] {
  const { uses, calls, names } = walkHandler(handler, contextCallAt);
  const sites: ResponseSite[] = [];
  const headers: HeaderSet[] = [];
  let pending: { call: ts.CallExpression; status: StatusValue } | undefined;
  const makeSite = (anchor: ts.CallExpression, status: StatusValue, setter: StatusSetter, statusNode: ts.Node | undefined, send?: { call: SendCall; send: Send; body?: ts.Expression; headers: HeaderSet[] }): ResponseSite => ({
    adapter: honoAdapter,
    responseName: handler.responseName,
    responseNames: names,
    handler,
    route: handlerRoute(handler),
    status,
    statusNode,
    send: send?.send,
    shape: { setter, sendCall: send?.call },
    body: send?.body,
    headers: [...headers.filter((header) => header.node.getStart() < anchor.getStart()), ...(send?.headers ?? [])],
    chain: anchor,
    statement: enclosingStatement(anchor),
    ...surroundings(anchor, handler.node),
    callsBefore: calls.filter((call) => call.node.getEnd() <= anchor.getStart()),
  });
  for (const use of uses) {
    const [first] = use.call.arguments;
    if (use.method === 'header') {
      if (first && ts.isStringLiteralLike(first)) headers.push({ name: first.text.toLowerCase(), node: use.call });
    } else if (use.method === 'status') {
      if (!first) continue;
      // A status replaced before anything sends stands on its own.
      if (pending) sites.push(makeSite(pending.call, pending.status, 'status', pending.call));
      pending = { call: use.call, status: resolveStatus(first, bindings) };
    } else {
      const read = readSend(use, bindings);
      const known = SENDERS[use.method];
      const send = { kind: read.empty ? 'empty' : known.kind, node: use.call, label: `.${use.method}(…)`, encoding: known.encoding, target: use.method === 'redirect' ? first : undefined } satisfies Send;
      const sending = { call: { method: use.method, call: use.call }, send, body: read.body, headers: read.headers };
      const merged = !read.status && pending && reaches(pending.call, use.call) ? pending : undefined;
      if (read.status) sites.push(makeSite(use.call, read.status, 'argument', use.call, sending));
      else if (merged) sites.push(makeSite(use.call, merged.status, 'status', merged.call, sending));
      else sites.push(makeSite(use.call, { source: 'implicit', code: known.status, range: rangeOf(use.call) }, 'implicit', undefined, sending));
      if (merged) pending = undefined;
    }
  }
  if (pending) sites.push(makeSite(pending.call, pending.status, 'status', pending.call));
  return sites;
}

/** Hono handlers and the responses their context builds. */
export class HonoCollector extends HandlerSiteCollector {
  constructor() {
    super(new HonoHandlers(), (handlers, file) => handlers.flatMap((handler) => collectSites(handler, file.bindings)).sort((a, b) => inSourceOrder(a.chain, b.chain)));
  }
}

/** A file that imports nothing but answers the Hono way: `return c.json(…)`, `c.req.param(…)`. */
export function honoSniff(sourceFile: ts.SourceFile): boolean {
  return /\breturn c\.(json|text|html|body|redirect)\(|\bc\.req\.(param|query|json|valid|header|parseBody)\(/.test(sourceFile.text);
}
