// How Koa code says which functions answer requests: a first parameter that is a context (`ctx`, or
// typed `Context`), a router registration (`router.get('/users/:id', …)`), a controller method named
// for its verb or declared with koa-swagger-decorator's `@request`; and the sniff that matches a file
// that imports nothing to Koa by the same signs.
import ts from 'typescript';
import { calleeOf, isFunctionNode, skipTypeWrappers, type FunctionNode } from '../facts/syntax';
import type { Handler, HttpMethod } from '../types';

export const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all', 'use']);
/** The types a Koa handler's context is declared with (`Context`, `Koa.ParameterizedContext<S>`, `RouterContext`). */
const CONTEXT_TYPES = /^(Context|ParameterizedContext|RouterContext|DefaultContext|ExtendableContext|KoaContext)$/;

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
export function contextMember(expression: ts.Expression, names: ReadonlySet<string>): string | undefined {
  const value = skipTypeWrappers(expression);
  if (!ts.isPropertyAccessExpression(value)) return undefined;
  const object = skipTypeWrappers(value.expression);
  if (ts.isIdentifier(object)) return names.has(object.text) ? value.name.text : undefined;
  const inner = ts.isPropertyAccessExpression(object) && object.name.text === 'response' ? skipTypeWrappers(object.expression) : undefined;
  return inner && ts.isIdentifier(inner) && names.has(inner.text) ? value.name.text : undefined;
}

/** `get`, `del`, `POST`: a route method as Koa's routers and decorators name it. */
export function routeMethod(name: string): HttpMethod | undefined {
  const method = name.toLowerCase();
  if (method === 'del') return 'delete';
  return ROUTE_METHODS.has(method) ? (method as HttpMethod) : undefined;
}

/**
 * The route a function that takes a context declares itself: koa-swagger-decorator's
 * `@request('put', '/users/{id}')`, or a controller method named for its verb (`async post(ctx)`).
 */
export function declaredRoute(fn: FunctionNode): { method?: HttpMethod; path?: string } {
  const decorator = ts.canHaveDecorators(fn) ? ts.getDecorators(fn)?.find((d) => ts.isCallExpression(d.expression) && calleeOf(d.expression)?.name === 'request') : undefined;
  const [method, path] = decorator && ts.isCallExpression(decorator.expression) ? decorator.expression.arguments : [];
  if (method && ts.isStringLiteralLike(method)) {
    return { method: routeMethod(method.text), path: path && ts.isStringLiteralLike(path) ? path.text.replace(/\{(\w+)\}/g, ':$1') : undefined };
  }
  const name = fn.name && ts.isIdentifier(fn.name) ? fn.name.text : '';
  return { method: ['get', 'post', 'put', 'patch', 'delete', 'del'].includes(name) ? routeMethod(name) : undefined };
}


/** `router`, `app`, `authRouter`, `this.router`: a receiver named as something routes are registered on. */
export function isRouter(receiver: ts.Expression): boolean {
  const value = skipTypeWrappers(receiver);
  const name = ts.isIdentifier(value) ? value.text : ts.isPropertyAccessExpression(value) ? value.name.text : '';
  return /(^|[a-z])(router|Router|app|App|api|Api)$/.test(name);
}

export function koaHandler(node: FunctionNode, name: string, method: HttpMethod | undefined, path: string | undefined): Handler {
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
