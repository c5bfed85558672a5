// Finds the functions that receive a response object. A response object is a parameter of a
// route handler or middleware, never a variable holding the result of fetch/axios/got.
import ts from 'typescript';
import { readOnce } from '../facts/keptReadings';
import { isFunctionNode, type FunctionNode } from '../facts/syntax';
import type { Handler, HttpMethod } from '../types';
import { nestParameters, nestPresetStatus, nestRoute } from './nestjsDecorators';

const ROUTE_METHODS = new Set<HttpMethod>(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all', 'use']);
const RESPONSE_NAMES = /^(res|response|resp)$/;

function paramName(fn: FunctionNode, index: number): string | undefined {
  const parameter = fn.parameters[index];
  return parameter && ts.isIdentifier(parameter.name) ? parameter.name.text : undefined;
}

/** `(req, res, next)` or `(err, req, res, next)` shapes, by position. */
function handlerShape(fn: FunctionNode, registered: boolean): Omit<Handler, 'node' | 'method' | 'path'> | undefined {
  const count = fn.parameters.length;
  if (count === 4) {
    const responseName = paramName(fn, 2);
    return responseName ? { errorName: paramName(fn, 0), requestName: paramName(fn, 1), responseName } : undefined;
  }
  if (count >= 2) {
    const responseName = paramName(fn, 1);
    if (!responseName) return undefined;
    // Outside a route registration only a parameter named like a response counts.
    if (!registered && !RESPONSE_NAMES.test(responseName)) return undefined;
    return { requestName: paramName(fn, 0), responseName };
  }
  return undefined;
}

/** `app.post('/users', …)`, `router.route('/users').post(…)`: the method and path. */
function routeOf(call: ts.CallExpression): Route | undefined {
  if (!ts.isPropertyAccessExpression(call.expression)) return undefined;
  const method = call.expression.name.text.toLowerCase() as HttpMethod;
  if (!ROUTE_METHODS.has(method)) return undefined;
  const first = call.arguments[0];
  if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) return { method, path: first.text };
  // router.route('/users').post(handler)
  const target = call.expression.expression;
  if (ts.isCallExpression(target) && ts.isPropertyAccessExpression(target.expression) && target.expression.name.text === 'route') {
    const path = target.arguments[0];
    if (path && ts.isStringLiteral(path)) return { method, path: path.text };
  }
  return { method };
}

type Route = { method?: HttpMethod; path?: string };

/** `http.createServer(handler)`, `createServer(options, handler)`, `server.on('request', handler)`: node:http's handlers. */
function isServerRegistration(call: ts.CallExpression): boolean {
  const callee = call.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (name === 'createServer' || name === 'createSecureServer') return true;
  const [event] = call.arguments;
  return name === 'on' && event !== undefined && ts.isStringLiteral(event) && event.text === 'request';
}

/** Functions, the declarations that name them, and calls that register them. Tested first on every node of the walk: one look-up in a set, where each `ts.isX` is a look-up in TypeScript's very large namespace object. */
const HANDLER_WALK_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.MethodDeclaration,
]);

type Shape = ReturnType<typeof handlerShape>;

/** What one node tells the collector, read from its own syntax; applied in walk order. */
type HandlerNote =
  /** A function declared by name, for handlers passed by reference. */
  | { kind: 'named'; name: string; fn: FunctionNode }
  /** A function a route call registers, with its shape there. */
  | { kind: 'registered'; fn: FunctionNode; route: Route; shape: Shape }
  | { kind: 'reference'; name: string; route: Route }
  /** A function with a handler's parameters (or a method, which may be one by its decorators). */
  | { kind: 'own'; fn: FunctionNode; shape: Shape };

/** Hands on what a node tells the collector; true when it tells anything. */
function readHandlerNode(node: ts.Node, note: (told: HandlerNote) => void): boolean {
  let taken = false;
  if (ts.isFunctionDeclaration(node) && node.name) {
    note({ kind: 'named', name: node.name.text, fn: node });
    taken = true;
  } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isFunctionNode(node.initializer)) {
    note({ kind: 'named', name: node.name.text, fn: node.initializer });
    taken = true;
  } else if (ts.isCallExpression(node)) {
    const route = routeOf(node) ?? (isServerRegistration(node) ? {} : undefined);
    if (route) {
      for (const argument of node.arguments) {
        if (isFunctionNode(argument)) note({ kind: 'registered', fn: argument, route, shape: handlerShape(argument, true) });
        else if (ts.isIdentifier(argument)) note({ kind: 'reference', name: argument.text, route });
      }
      taken = true;
    }
  }
  if (!isFunctionNode(node)) return taken;
  // A callback without a handler's parameters is nothing by itself (a route call registers its arguments).
  const shape = handlerShape(node, false);
  if (!shape && !ts.isMethodDeclaration(node)) return taken;
  note({ kind: 'own', fn: node, shape });
  return true;
}

/** What a kept statement's taken nodes tell (`keptReadings.ts`). */
const notesByTaken = new WeakMap<readonly ts.Node[], HandlerNote[]>();

/** Finds handlers node by node during the file's one walk; `handlers()` resolves references after it. */
export class HandlerCollector {
  private readonly found = new Map<ts.Node, Handler>();
  /** Function declarations and `const f = (req, res) => …`, for handlers passed by reference. */
  private readonly byName = new Map<string, FunctionNode>();
  private readonly byReference: { name: string; route: Route }[] = [];
  private readonly apply = (told: HandlerNote): void => {
    if (told.kind === 'named') this.byName.set(told.name, told.fn);
    else if (told.kind === 'reference') this.byReference.push({ name: told.name, route: told.route });
    else if (told.kind === 'registered') this.register(told.fn, told.route, told.shape);
    // Met after its route call (parents come first), so a registered callback is found by now.
    else if (!this.found.has(told.fn) && !(ts.isMethodDeclaration(told.fn) && this.registerDecorated(told.fn))) this.register(told.fn, undefined, told.shape);
  };

  visit(node: ts.Node): boolean {
    return HANDLER_WALK_KINDS.has(node.kind) && readHandlerNode(node, this.apply);
  }

  /** The nodes `visit` took before (an edited document's unchanged statement), at once. */
  takeAll(nodes: readonly ts.Node[]): void {
    const notes = readOnce(notesByTaken, nodes, (taken) => {
      const read: HandlerNote[] = [];
      for (const node of taken) readHandlerNode(node, (told) => read.push(told));
      return read;
    });
    for (const told of notes) this.apply(told);
  }

  /**
   * A method whose parameters are decorated (NestJS) names its request and response by decorator,
   * not by position: it is an Express handler when it takes the response (`@Res() res`) and sends
   * it itself, with the route and the status Nest sets from its decorators. False when no
   * parameter is decorated.
   */
  private registerDecorated(method: ts.MethodDeclaration): boolean {
    const parameters = nestParameters(method);
    if (!parameters) return false;
    if (!parameters.responseName || parameters.passthrough) return true;
    const route = nestRoute(method);
    this.found.set(method, {
      node: method,
      requestName: parameters.requestName,
      responseName: parameters.responseName,
      requestParts: parameters.requestParts,
      method: route?.method,
      path: route?.path,
      defaultStatus: route && nestPresetStatus(method, route),
    });
    return true;
  }

  handlers(): Handler[] {
    for (const { name, route } of this.byReference) {
      const fn = this.byName.get(name);
      if (fn) this.register(fn, route);
    }
    return [...this.found.values()].sort((a, b) => a.node.pos - b.node.pos);
  }

  private register(fn: FunctionNode, route: Route | undefined, shape = handlerShape(fn, route !== undefined)): void {
    if (!shape) return;
    const existing = this.found.get(fn);
    if (existing && existing.method) return;
    this.found.set(fn, handlerOf(fn, route, shape));
  }
}

/**
 * The handler a function makes with its shape and route: the same object while both are (a kept
 * statement's notes hold the same shape and route on every edit). Results are never mutated.
 */
const handlersMade = new WeakMap<NonNullable<Shape>, { route: Route | undefined; handler: Handler }>();

function handlerOf(fn: FunctionNode, route: Route | undefined, shape: NonNullable<Shape>): Handler {
  const made = handlersMade.get(shape);
  if (made && made.route === route && made.handler.node === fn) return made.handler;
  const handler: Handler = { node: fn, ...shape, method: route?.method, path: route?.path };
  handlersMade.set(shape, { route, handler });
  return handler;
}
