// Next.js: an App Router route file exports its handlers by method (`export async function
// POST(request)` in `app/api/users/route.ts`) and each answers with the Response it makes:
// `NextResponse.json(body, { status, headers })` (200 unless the init says), `new Response(body,
// init)`, `NextResponse.redirect(url, status)` (307), and from next/navigation `redirect()` (307),
// `permanentRedirect()` (308), `notFound()` (404). Pages API routes (`pages/api/**`) answer through
// an Express-like `res`, read by the Express collector with the route from the file's place.
import ts from 'typescript';
import type { Bindings } from '../facts/bindings';
import { alwaysExits } from '../facts/flow';
import { rangeOf, resolveStatus } from '../facts/status';
import { callsReader, enclosingFunction, skipTypeWrappers } from '../facts/syntax';
import type { CallBefore, Handler, HeaderSet, HttpMethod, ResponseSite, Send, StatusValue } from '../types';
import type { FileReading, SiteCollector } from './collector';
import { nextAdapter, nextPagesAdapter } from './nextjsAdapter';
import { appRoutePath, pagesApiPath } from './nextjsPlaces';
import { responseHeaders } from './nextjsHeaders';
import { checkedRoute } from './nodeHttp';
import { bodyValue, enclosingStatement, ResponseObjectCollector, surroundings } from './sites';
import { CONSTRUCTOR_CODES, isTestFile } from './thrownErrors';

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const RESPONSE_CLASSES = new Set(['NextResponse', 'Response']);
/** next/navigation's functions that answer a request, with the status each sends. */
const NAVIGATION: Record<string, { status: number; kind: 'redirect' | 'view' }> = {
  redirect: { status: 307, kind: 'redirect' },
  permanentRedirect: { status: 308, kind: 'redirect' },
  // Renders the not-found page.
  notFound: { status: 404, kind: 'view' },
};

/** A call or `new` that makes a response: `NextResponse.json(…)`, `new Response(…)`, `redirect(…)`. */
export interface ResponseMaking {
  node: ts.CallExpression | ts.NewExpression;
  how: 'json' | 'constructor' | 'redirect' | 'navigation' | 'helper';
  /** `NextResponse` or `Response`; for next/navigation and project helpers, the function's name as imported. */
  receiver: string;
}

/** A project module (`@/lib/response`, `../utils`), not a package. */
const PROJECT_MODULE = /^(\.|@\/|~\/|#)/;

/**
 * Project helpers named after the status they answer, imported from the project (`import {
 * unauthorized } from '@/lib/response'`): local name → status. Their response is made out of the
 * file's sight, but their name says its status.
 */
function statusHelperImports(sourceFile: ts.SourceFile): Map<string, number> {
  const helpers = new Map<string, number>();
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !PROJECT_MODULE.test(statement.moduleSpecifier.text)) continue;
    const named = statement.importClause?.namedBindings;
    if (!named || !ts.isNamedImports(named)) continue;
    for (const element of named.elements) {
      const imported = (element.propertyName ?? element.name).text;
      // `unauthorized` → `Unauthorized`, the http-errors name of 401.
      const code = /^[a-z]/.test(imported) ? CONSTRUCTOR_CODES.get(imported.charAt(0).toUpperCase() + imported.slice(1)) : undefined;
      if (code !== undefined) helpers.set(element.name.text, code);
    }
  }
  return helpers;
}

/** `return unauthorized()`: a status helper's response answered by the function. */
function helperCall(node: ts.Node, helpers: ReadonlyMap<string, number>): ResponseMaking | undefined {
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || !helpers.has(node.expression.text)) return undefined;
  let parent = node.parent;
  while (ts.isParenthesizedExpression(parent) || ts.isAwaitExpression(parent)) parent = parent.parent;
  return ts.isReturnStatement(parent) || ts.isArrowFunction(parent) ? { node, how: 'helper', receiver: node.expression.text } : undefined;
}

/**
 * The response `node` makes, read from its syntax; `navigation` holds the file's local names of
 * next/navigation's functions (without it, their calls are not read).
 */
export function responseMaking(node: ts.Node, navigation?: ReadonlyMap<string, string>): ResponseMaking | undefined {
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && RESPONSE_CLASSES.has(node.expression.text)) return { node, how: 'constructor', receiver: node.expression.text };
  if (!ts.isCallExpression(node)) return undefined;
  const callee = skipTypeWrappers(node.expression);
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && RESPONSE_CLASSES.has(callee.expression.text)) {
    // `NextResponse.next()` and `.rewrite()` hand the request on: no response of its own.
    const method = callee.name.text;
    return method === 'json' || method === 'redirect' ? { node, how: method, receiver: callee.expression.text } : undefined;
  }
  return ts.isIdentifier(callee) && navigation?.has(callee.text) ? { node, how: 'navigation', receiver: callee.text } : undefined;
}

/** Local names of next/navigation's answering functions: `import { redirect as go } from 'next/navigation'` → go → redirect. */
function navigationImports(sourceFile: ts.SourceFile): Map<string, string> {
  const names = new Map<string, string>();
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || statement.moduleSpecifier.text !== 'next/navigation') continue;
    const named = statement.importClause?.namedBindings;
    if (!named || !ts.isNamedImports(named)) continue;
    for (const element of named.elements) {
      const imported = (element.propertyName ?? element.name).text;
      if (imported in NAVIGATION) names.set(element.name.text, imported);
    }
  }
  return names;
}

function parameterName(fn: ts.FunctionLikeDeclaration, index: number): string | undefined {
  const parameter = fn.parameters[index];
  return parameter && ts.isIdentifier(parameter.name) ? parameter.name.text : undefined;
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
}

/** `export async function GET(…)`, `export const POST = async (…) => …`, `export const PUT = withAuth(async (…) => …)`. */
function exportedMethodHandler(node: ts.Node): { fn: ts.FunctionLikeDeclaration; method: string } | undefined {
  if (ts.isFunctionDeclaration(node) && node.name && METHODS.has(node.name.text) && node.body && isExported(node)) return { fn: node, method: node.name.text };
  if (!ts.isVariableDeclaration(node) || !ts.isIdentifier(node.name) || !METHODS.has(node.name.text) || !node.initializer) return undefined;
  const statement = node.parent.parent;
  if (!ts.isVariableStatement(statement) || !isExported(statement)) return undefined;
  const value = skipTypeWrappers(node.initializer);
  const isFunction = (expression: ts.Expression): expression is ts.ArrowFunction | ts.FunctionExpression => ts.isArrowFunction(expression) || ts.isFunctionExpression(expression);
  const fn = isFunction(value) ? value : ts.isCallExpression(value) ? [...value.arguments].reverse().map(skipTypeWrappers).find(isFunction) : undefined;
  return fn && { fn, method: node.name.text };
}

/** The statuses `how` answers with when the code names none. */
function defaultStatus(making: ResponseMaking, navigation: string | undefined): number {
  if (making.how === 'redirect') return 307;
  return navigation ? NAVIGATION[navigation].status : 200;
}

/** The status an init object gives (`{ status: 404 }`), the framework's default without one, dynamic when unreadable. */
function statusOf(making: ResponseMaking, navigation: string | undefined, bindings: Bindings, helpers: ReadonlyMap<string, number>): { status: StatusValue; node?: ts.Node } {
  // The helper's name is the constant; there is no expression a fix could replace.
  if (making.how === 'helper') return { status: { source: 'constant', code: helpers.get(making.receiver), range: rangeOf(making.node.expression) } };
  const implicit = { status: { source: 'implicit' as const, code: defaultStatus(making, navigation), range: rangeOf(making.node) } };
  if (making.how === 'navigation') return implicit;
  const argument = making.node.arguments?.[1];
  if (!argument) return implicit;
  const init = skipTypeWrappers(argument);
  if (!ts.isObjectLiteralExpression(init)) {
    // `NextResponse.redirect(url, 301)`: the status itself; any other init is not read.
    if (making.how === 'redirect' || ts.isNumericLiteral(init)) return { status: resolveStatus(argument, bindings), node: argument };
    return { status: { source: 'dynamic', range: rangeOf(argument) } };
  }
  for (const property of init.properties) {
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'status') return { status: resolveStatus(property.initializer, bindings), node: property };
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === 'status') return { status: resolveStatus(property.name, bindings), node: property };
  }
  // `{ ...init }` may carry a status.
  return init.properties.some(ts.isSpreadAssignment) ? { status: { source: 'dynamic', range: rangeOf(argument) } } : implicit;
}

/** A body whose content streams (`new Response(stream)`, `result.toReadableStream()`): not data the code spells out. */
function isStreamed(body: ts.Expression): boolean {
  const value = skipTypeWrappers(ts.isAwaitExpression(body) ? body.expression : body);
  return !ts.isObjectLiteralExpression(value) && !ts.isStringLiteralLike(value) && !ts.isTemplateExpression(value) && /stream/i.test(value.getText());
}

function isNothing(expression: ts.Expression): boolean {
  const value = skipTypeWrappers(expression);
  return value.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(value) && value.text === 'undefined');
}

/** Where a redirect goes: the path of `new URL('/login', request.url)` (the same origin), or the URL given. */
function redirectTarget(url: ts.Expression | undefined): ts.Expression | undefined {
  const value = url && skipTypeWrappers(url);
  if (value && ts.isNewExpression(value) && ts.isIdentifier(value.expression) && value.expression.text === 'URL' && value.arguments?.length === 2) return value.arguments[0];
  return url;
}

function sendOf(making: ResponseMaking, navigation: string | undefined): { send: Send; body?: ts.Expression } {
  const [first] = making.node.arguments ?? [];
  const node = making.node;
  if (navigation) return { send: { kind: NAVIGATION[navigation].kind, node, label: `${making.receiver}(…)`, encoding: 'text', target: first } };
  if (making.how === 'helper') return { send: { kind: 'data', node, label: `${making.receiver}()`, encoding: 'json' } };
  if (making.how === 'redirect') return { send: { kind: 'redirect', node, label: `${making.receiver}.redirect(…)`, encoding: 'text', target: redirectTarget(first) } };
  const label = making.how === 'json' ? `${making.receiver}.json(…)` : `new ${making.receiver}(…)`;
  const encoding = making.how === 'json' ? 'json' : 'text';
  if (!first || isNothing(first)) return { send: { kind: 'empty', node, label, encoding } };
  // `new Response(JSON.stringify(user))` says `user`.
  return { send: { kind: making.how === 'constructor' && isStreamed(first) ? 'stream' : 'data', node, label, encoding }, body: bodyValue(first) };
}

/** `if (req.method !== 'POST') return res.status(405).end();` at the top of a Pages API handler: what follows is a POST. */
function guardedMethod(anchor: ts.Node, handler: Handler): HttpMethod | undefined {
  const body = handler.node.body;
  if (!body || !ts.isBlock(body)) return undefined;
  for (const statement of body.statements) {
    if (statement.getEnd() > anchor.getStart()) return undefined;
    if (!ts.isIfStatement(statement) || statement.elseStatement) continue;
    const test = skipTypeWrappers(statement.expression);
    if (!alwaysExits(statement.thenStatement) || !ts.isBinaryExpression(test) || ![ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(test.operatorToken.kind)) continue;
    const [subject, literal] = ts.isStringLiteralLike(test.right) ? [test.left, test.right] : [test.right, test.left];
    const method = ts.isStringLiteralLike(literal) ? literal.text.toLowerCase() : '';
    if (ts.isPropertyAccessExpression(subject) && subject.name.text === 'method' && METHODS.has(method.toUpperCase())) return method as HttpMethod;
  }
  return undefined;
}

function routeHandlerOf(node: ts.Node, handlers: ReadonlyMap<ts.Node, Handler>): Handler | undefined {
  for (let current = node.parent; current; current = current.parent) {
    const handler = handlers.get(current);
    if (handler) return handler;
  }
  return undefined;
}

/** Is the response what its function answers (`return NextResponse.json(…)`, an arrow's body, or a variable returned later)? */
function isAnswer(node: ts.Node): boolean {
  let parent = node.parent;
  while (ts.isParenthesizedExpression(parent) || ts.isAwaitExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent)) parent = parent.parent;
  return ts.isReturnStatement(parent) || ts.isArrowFunction(parent) || ts.isVariableDeclaration(parent);
}

/**
 * App Router route handlers and the responses they make, found during the walk; Pages API
 * handlers go to the Express collector, which reads them with this framework's adapter.
 */
export class NextCollector implements SiteCollector {
  private readonly handlersByNode = new Map<ts.Node, Handler>();
  private readonly makings: ResponseMaking[] = [];
  private pages: ResponseObjectCollector | undefined;
  private routePath: string | undefined;
  private navigation: ReadonlyMap<string, string> = new Map();
  private helpers: ReadonlyMap<string, number> = new Map();

  /** Every node is taken: what a node makes depends on the imports read from the file (`navigation`, `helpers`). */
  visit(node: ts.Node): boolean {
    if (ts.isSourceFile(node)) {
      this.routePath = appRoutePath(node.fileName);
      this.navigation = navigationImports(node);
      this.helpers = statusHelperImports(node);
      const pagesPath = pagesApiPath(node.fileName);
      if (pagesPath !== undefined) {
        this.pages = new ResponseObjectCollector({
          adapter: nextPagesAdapter,
          // The method is read from the `req.method` checks around the response.
          route: (anchor, handler) => ({ method: checkedRoute(anchor, handler.node, handler.requestName)?.method ?? guardedMethod(anchor, handler), path: pagesPath, full: true }),
          redirectStatus: 307,
        });
      }
    }
    this.pages?.visit(node);
    const exported = exportedMethodHandler(node);
    if (exported) {
      const { fn, method } = exported;
      this.handlersByNode.set(fn, { node: fn, method: method.toLowerCase() as HttpMethod, path: this.routePath, requestName: parameterName(fn, 0), responseName: '' });
    }
    const making = responseMaking(node, this.navigation) ?? helperCall(node, this.helpers);
    if (making) this.makings.push(making);
    return true;
  }

  handlers(): readonly Handler[] {
    return [...this.handlersByNode.values(), ...(this.pages?.handlers() ?? [])];
  }

  sites(file: FileReading): ResponseSite[] {
    const pageSites = this.pages?.sites(file) ?? [];
    if (this.makings.length === 0 || isTestFile(file.sourceFile.fileName)) return pageSites;
    const callsIn = callsReader();
    const sites = this.makings.flatMap((making) => {
      const handler = routeHandlerOf(making.node, this.handlersByNode);
      const navigated = making.how === 'navigation' ? this.navigation.get(making.receiver) : undefined;
      // next/navigation answers for a route handler only; elsewhere it is a page's or a server action's.
      if ((navigated || making.how === 'helper') && !handler) return [];
      // Outside a route handler (middleware, a helper of the route file) only a response that is answered counts.
      if (!handler && !isAnswer(making.node)) return [];
      return [this.siteOf(making, navigated, handler, file, callsIn)];
    });
    return [...pageSites, ...sites];
  }

  private siteOf(making: ResponseMaking, navigation: string | undefined, handler: Handler | undefined, file: FileReading, callsIn: (fn: ts.FunctionLikeDeclaration | undefined) => CallBefore[]): ResponseSite {
    const { status, node: statusNode } = statusOf(making, navigation, file.bindings, this.helpers);
    const { send, body } = sendOf(making, navigation);
    const fn = handler?.node ?? enclosingFunction(making.node);
    const headers: HeaderSet[] = navigation || making.how === 'helper' ? [] : responseHeaders(making.node).headers;
    return {
      adapter: nextAdapter,
      responseName: making.receiver,
      responseNames: new Set([making.receiver]),
      handler,
      route: handler && { method: handler.method, path: handler.path, full: handler.path !== undefined },
      status,
      statusNode,
      send,
      completedBy: making.how === 'helper' ? 'helper' : undefined,
      shape: { setter: statusNode ? 'status' : 'implicit' },
      body,
      headers,
      chain: making.node,
      statement: enclosingStatement(making.node),
      ...surroundings(making.node, fn ?? file.sourceFile),
      callsBefore: callsIn(fn).filter((call) => call.node.getEnd() <= making.node.getStart() && !responseMaking(call.node)),
    };
  }
}
