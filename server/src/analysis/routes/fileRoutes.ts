// What one file says about routes, as plain data the workspace index joins across files: routes
// registered on routers (`router.get('/:id', …)`), routers mounted under prefixes
// (`app.use('/users', users)`, Hono's `app.route`, Fastify's `register(plugin, { prefix })`),
// routers and handlers the file exports, and routes whose path is whole where they stand
// (NestJS controllers, Next.js route files). Statuses come from the analysis' sites.
import ts from 'typescript';
import { moduleBindingsOf, type ModuleBinding } from '../facts/modules';
import { skipTypeWrappers } from '../facts/syntax';
import { nestRoute } from '../adapters/nestjsDecorators';
import { appRoutePath, pagesApiPath } from '../adapters/nextjsPlaces';
import { exportedValues } from '../facts/exports';
import type { Finding, HttpMethod, ResponseSite, TextRange } from '../types';

/** A status a route's handler can send, where the code decides it. */
export interface RouteStatusData {
  code: number;
  range: TextRange;
  /** The status is a number literal (a fix may replace it). */
  literal: boolean;
}

/** Something another module exports: a module binding and a path into what it binds. */
export type ModuleRef = ModuleBinding;

export interface FileRoute {
  method: HttpMethod;
  /** As the registration writes it; for `whole` routes, the full path. */
  path: string;
  /** The router or app the route is registered on (a local name); undefined when the path is whole. */
  on?: string;
  /** Where the route is written: its path literal, decorator or exported function's name. */
  range: TextRange;
  statuses: RouteStatusData[];
  /** Findings inside the route's handlers in this file. */
  problems: number;
  /** Handlers written in other modules (`users.getUser` of `require('./controllers/users')`). */
  handlerRefs: ModuleRef[];
  /** Which framework's global prefix applies to a whole path (NestJS `setGlobalPrefix`). */
  prefixedBy?: 'nest';
}

/** What a handler shows: the statuses it can send and how many findings it holds. */
export interface HandlerFacts {
  statuses: RouteStatusData[];
  problems: number;
}

export interface FileMount {
  /** The router or app the mount is made on. */
  on: string;
  prefix: string;
  target: { local: string } | { module: ModuleRef };
  range: TextRange;
}

export interface FileRoutes {
  routes: FileRoute[];
  mounts: FileMount[];
  /** Routers created with a prefix of their own: koa-router's `{ prefix }`, Hono's `basePath`. */
  routerPrefixes: Record<string, string>;
  /** Local names that are applications, where mounting starts (`express()`, `new Koa()`, `new Hono()`, `fastify()`). */
  apps: string[];
  /** Export path (`default`, `usersRouter`) → the local router name it exports (a plugin's first parameter for Fastify). */
  exportedRouters: Record<string, string>;
  /** Export path (`getUser`, `default.getUser`) → what the exported handler can send, and its findings. */
  exportedHandlers: Record<string, HandlerFacts>;
  /** `app.setGlobalPrefix('api')` (NestJS), when this file sets it. */
  nestGlobalPrefix?: string;
}

const ROUTE_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all']);
const APP_FACTORIES = /^(express|fastify|Fastify|Koa|Hono|OpenAPIHono)$/;
const ROUTER_FACTORIES = /^(Router|KoaRouter)$/;
const NEXT_METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

type FunctionNode = ts.FunctionLikeDeclaration;

function rangeOf(node: ts.Node): TextRange {
  return { start: node.getStart(), end: node.getEnd() };
}

function stringOf(node: ts.Expression | undefined): string | undefined {
  const value = node && skipTypeWrappers(node);
  return value && (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) ? value.text : undefined;
}

/** The receiver's local name: `router` in `router.get`, also `router.route('/x').get` and `this.router`. */
function receiverName(expression: ts.Expression): string | undefined {
  let current = skipTypeWrappers(expression);
  while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression) && current.expression.name.text === 'route') current = skipTypeWrappers(current.expression.expression);
  if (ts.isIdentifier(current)) return current.text;
  if (ts.isPropertyAccessExpression(current) && current.expression.kind === ts.SyntaxKind.ThisKeyword) return `this.${current.name.text}`;
  return undefined;
}

/** `express()`, `new Koa()`, `express.Router()`, `new Router({ prefix })`, `new Hono().basePath('/api')`. */
function routerCreation(initializer: ts.Expression): { app: boolean; prefix?: string } | undefined {
  let value = skipTypeWrappers(initializer);
  let basePath: string | undefined;
  if (ts.isCallExpression(value) && ts.isPropertyAccessExpression(value.expression) && value.expression.name.text === 'basePath') {
    basePath = stringOf(value.arguments[0]);
    value = skipTypeWrappers(value.expression.expression);
  }
  if (!ts.isCallExpression(value) && !ts.isNewExpression(value)) return undefined;
  const callee = skipTypeWrappers(value.expression);
  // `require('fastify')()`: the factory is named by its module.
  const required = ts.isCallExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'require' ? stringOf(callee.arguments[0]) : undefined;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : required;
  if (!name) return undefined;
  const options = value.arguments?.[0] && skipTypeWrappers(value.arguments[0]);
  const ownPrefix = options && ts.isObjectLiteralExpression(options)
    ? options.properties.flatMap((property) => (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'prefix' ? [stringOf(property.initializer)] : []))[0]
    : undefined;
  const prefix = basePath ?? ownPrefix;
  // A Hono instance is an app until another one mounts it; the index decides which.
  if (APP_FACTORIES.test(name)) return { app: true, prefix };
  return ROUTER_FACTORIES.test(name) ? { app: false, prefix } : undefined;
}

interface Reading {
  sourceFile: ts.SourceFile;
  factsOf: (fn: ts.Node) => HandlerFacts;
  functions: Map<string, FunctionNode>;
  bindings: Map<string, ModuleBinding>;
  result: FileRoutes;
}

/** A handler argument: inline, a local function, an imported one, or wrapped (`asyncHandler(ctrl.get)`). */
function readHandlers(argument: ts.Expression, reading: Reading, into: HandlerFacts & { refs: ModuleRef[] }): void {
  const value = skipTypeWrappers(argument);
  const add = (fn: ts.Node): void => {
    const facts = reading.factsOf(fn);
    into.statuses.push(...facts.statuses);
    into.problems += facts.problems;
  };
  if (ts.isFunctionLike(value)) {
    add(value);
  } else if (ts.isIdentifier(value)) {
    const local = reading.functions.get(value.text);
    if (local) add(local);
    const binding = reading.bindings.get(value.text);
    if (binding) into.refs.push(binding);
  } else if (ts.isPropertyAccessExpression(value) && ts.isIdentifier(value.expression)) {
    const binding = reading.bindings.get(value.expression.text);
    if (binding) into.refs.push({ specifier: binding.specifier, path: [...binding.path, value.name.text] });
  } else if (ts.isCallExpression(value)) {
    for (const inner of value.arguments) readHandlers(inner, reading, into);
  }
}

function mountTarget(argument: ts.Expression, reading: Reading): FileMount['target'] | undefined {
  let value = skipTypeWrappers(argument);
  // koa-router: `app.use(router.routes())`
  if (ts.isCallExpression(value) && ts.isPropertyAccessExpression(value.expression) && /^(routes|middleware)$/.test(value.expression.name.text)) value = skipTypeWrappers(value.expression.expression);
  if (ts.isIdentifier(value)) {
    const binding = reading.bindings.get(value.text);
    return binding ? { module: binding } : { local: value.text };
  }
  if (ts.isPropertyAccessExpression(value) && ts.isIdentifier(value.expression)) {
    const binding = reading.bindings.get(value.expression.text);
    return binding ? { module: { specifier: binding.specifier, path: [...binding.path, value.name.text] } } : undefined;
  }
  // `app.use('/users', require('./routes/users'))`
  if (ts.isCallExpression(value) && ts.isIdentifier(value.expression) && value.expression.text === 'require') {
    const specifier = stringOf(value.arguments[0]);
    return specifier?.startsWith('.') ? { module: { specifier, path: [] } } : undefined;
  }
  return undefined;
}

function readCall(call: ts.CallExpression, reading: Reading): void {
  if (!ts.isPropertyAccessExpression(call.expression)) return;
  const member = call.expression.name.text;
  const on = receiverName(call.expression.expression);
  if (!on) return;
  const [first, ...rest] = call.arguments;
  if (ROUTE_METHODS.has(member.toLowerCase())) {
    const ownPath = stringOf(first);
    const routePath = ownPath ?? (ts.isCallExpression(call.expression.expression) ? stringOf(call.expression.expression.arguments[0]) : undefined);
    if (routePath === undefined) return;
    const handlers = { statuses: [] as RouteStatusData[], problems: 0, refs: [] as ModuleRef[] };
    for (const argument of ownPath === undefined ? call.arguments : rest) readHandlers(argument, reading, handlers);
    const pathNode = ownPath !== undefined ? first : (call.expression.expression as ts.CallExpression).arguments[0];
    reading.result.routes.push({ method: member.toLowerCase() as HttpMethod, path: routePath, on, range: rangeOf(pathNode), statuses: handlers.statuses, problems: handlers.problems, handlerRefs: handlers.refs });
  } else if (member === 'use' || member === 'route') {
    const prefix = stringOf(first);
    for (const argument of prefix === undefined ? call.arguments : rest) {
      const target = mountTarget(argument, reading);
      if (target) reading.result.mounts.push({ on, prefix: prefix ?? '', target, range: rangeOf(argument) });
    }
  } else if (member === 'register' && first) {
    const options = call.arguments[1] && skipTypeWrappers(call.arguments[1]);
    const prefix = options && ts.isObjectLiteralExpression(options)
      ? options.properties.flatMap((property) => (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'prefix' ? [stringOf(property.initializer)] : []))[0]
      : undefined;
    const target = mountTarget(first, reading);
    if (target) reading.result.mounts.push({ on, prefix: prefix ?? '', target, range: rangeOf(first) });
  } else if (member === 'setGlobalPrefix') {
    const prefix = stringOf(first);
    if (prefix !== undefined) reading.result.nestGlobalPrefix = prefix;
  } else if (member === 'prefix') {
    const prefix = stringOf(first);
    if (prefix !== undefined) reading.result.routerPrefixes[on] = prefix;
  }
}

function readNestController(method: ts.MethodDeclaration, reading: Reading): void {
  const route = nestRoute(method);
  if (!route || route.path === undefined) return;
  reading.result.routes.push({ method: route.method, path: route.path, range: rangeOf(route.decorator.decorator), ...reading.factsOf(method), handlerRefs: [], prefixedBy: 'nest' });
}

/** Next.js: the route file's exported `GET`, `POST`, … (App Router) or its default handler (Pages API). */
function readNextRoutes(fileName: string, reading: Reading, exported: ReadonlyMap<string, ts.Node>): void {
  const appPath = appRoutePath(fileName);
  if (appPath !== undefined) {
    for (const [name, node] of exported) {
      if (!NEXT_METHODS.has(name)) continue;
      reading.result.routes.push({ method: name.toLowerCase() as HttpMethod, path: appPath, range: rangeOf(nameOf(node) ?? node), ...reading.factsOf(node), handlerRefs: [] });
    }
    return;
  }
  const pagesPath = pagesApiPath(fileName);
  const handler = exported.get('default');
  if (pagesPath !== undefined && handler) reading.result.routes.push({ method: 'all', path: pagesPath, range: rangeOf(nameOf(handler) ?? handler), ...reading.factsOf(handler), handlerRefs: [] });
}

function nameOf(node: ts.Node): ts.Node | undefined {
  return (ts.isFunctionDeclaration(node) || ts.isVariableDeclaration(node)) && node.name ? node.name : undefined;
}

/** The function an exported value is, or holds (`export const GET = withAuth(async (req) => …)`). */
function functionIn(node: ts.Node): ts.Node | undefined {
  if (ts.isFunctionLike(node)) return node;
  if (ts.isVariableDeclaration(node) && node.initializer) return functionIn(node.initializer);
  const value = ts.isExpression(node) ? skipTypeWrappers(node) : node;
  if (ts.isCallExpression(value)) return value.arguments.map(functionIn).find((fn) => fn !== undefined);
  return undefined;
}

/** Reads a file's routes; `sites` and `findings` are the analysis' for the same source file. */
export function fileRoutes(sourceFile: ts.SourceFile, fileName: string, sites: readonly ResponseSite[], findings: readonly Finding[]): FileRoutes {
  const byHandler = new Map<ts.Node, RouteStatusData[]>();
  for (const site of sites) {
    const handler = site.handler?.node;
    const code = site.status.code;
    if (!handler || code === undefined) continue;
    const list = byHandler.get(handler) ?? [];
    list.push({ code, range: site.status.range, literal: site.status.source === 'literal' });
    byHandler.set(handler, list);
  }
  const result: FileRoutes = { routes: [], mounts: [], routerPrefixes: {}, apps: [], exportedRouters: {}, exportedHandlers: {} };
  const reading: Reading = {
    sourceFile,
    // A handler's sites, and those of functions nested in it (a callback that sends).
    factsOf: (fn) => ({
      statuses: [...byHandler.entries()].filter(([node]) => node.pos >= fn.pos && node.end <= fn.end).flatMap(([, statuses]) => statuses),
      problems: findings.filter((finding) => finding.range.start >= fn.pos && finding.range.end <= fn.end).length,
    }),
    functions: new Map(),
    bindings: new Map(),
    result,
  };
  /** Router creations (`express.Router()`) by their node, so an export of one names its router. */
  const routers = new Map<ts.Node, string>();
  const visit = (node: ts.Node): void => {
    for (const [name, binding] of moduleBindingsOf(node)) reading.bindings.set(name, binding);
    if (ts.isFunctionDeclaration(node) && node.name) reading.functions.set(node.name.text, node);
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const value = skipTypeWrappers(node.initializer);
      if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) reading.functions.set(node.name.text, value);
      const created = routerCreation(node.initializer);
      if (created) {
        routers.set(skipTypeWrappers(node.initializer), node.name.text);
        if (created.app) result.apps.push(node.name.text);
        if (created.prefix !== undefined) result.routerPrefixes[node.name.text] = created.prefix;
      }
    }
    if (ts.isCallExpression(node)) readCall(node, reading);
    if (ts.isMethodDeclaration(node)) readNestController(node, reading);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  const exported = exportedValues(sourceFile);
  readNextRoutes(fileName, reading, exported);
  for (const [path, node] of exported) {
    const router = routers.get(node);
    if (router) result.exportedRouters[path] = router;
    const fn = functionIn(node);
    if (!fn || !ts.isFunctionLike(fn)) continue;
    // A Fastify plugin: the routes it registers are on its first parameter.
    const first = fn.parameters[0]?.name;
    if (first && ts.isIdentifier(first) && result.routes.some((route) => route.on === first.text)) result.exportedRouters[path] = first.text;
    const facts = reading.factsOf(fn);
    if (facts.statuses.length > 0 || facts.problems > 0) result.exportedHandlers[path] = facts;
  }
  return result;
}
