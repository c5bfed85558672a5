// Finds Fastify's handlers: `fastify.get('/users/:id', opts?, handler)`, `fastify.route({ method,
// url, handler })`, `{ handler }` in a route's options, hooks (`addHook('onRequest', fn)`,
// `preHandler: fn`), `setErrorHandler` and `setNotFoundHandler`, and, in handler modules that
// register nothing, functions shaped `(request, reply)`.
import ts from 'typescript';
import { isFunctionNode, type FunctionNode } from '../facts/syntax';
import type { Handler, HttpMethod } from '../types';

const ROUTE_METHODS = new Set<HttpMethod>(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all']);
/** Route options and hook names whose functions receive the reply but answer only by sending (a hook's return is not sent). */
const HOOKS = new Set(['onRequest', 'preParsing', 'preValidation', 'preHandler', 'preSerialization', 'onSend', 'onError', 'onTimeout']);
/** What a reply parameter is called outside a registration (a file read as Fastify may call it `res`). */
const REPLY_NAMES = /^(reply|rep|res|response)$/;
/** Reply methods whose use marks a `(request, reply)` function as a Fastify handler. */
const REPLY_CALL = /\b(reply|rep)\s*\.\s*(code|status|send|header|headers|redirect)\s*\(/;

type Role = 'route' | 'hook' | 'error';

function paramName(fn: ts.SignatureDeclarationBase, index: number): string | undefined {
  const parameter = fn.parameters[index];
  return parameter && ts.isIdentifier(parameter.name) ? parameter.name.text : undefined;
}

function stringValue(node: ts.Node | undefined): string | undefined {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

/** An option's value: `handler: fn`, `{ handler }`, or the method `handler (request, reply) {…}` itself. */
function property(object: ts.ObjectLiteralExpression, name: string): ts.Expression | ts.MethodDeclaration | undefined {
  for (const member of object.properties) {
    if (!member.name || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) || member.name.text !== name) continue;
    if (ts.isPropertyAssignment(member)) return member.initializer;
    if (ts.isShorthandPropertyAssignment(member)) return member.name;
    if (ts.isMethodDeclaration(member)) return member;
  }
  return undefined;
}

/** A reply parameter typed `FastifyReply` (the type says so whatever the name). */
function isTypedReply(parameter: ts.ParameterDeclaration | undefined): boolean {
  return !!parameter?.type && /\bFastifyReply\b/.test(parameter.type.getText());
}

/** A function of a handler module: `(request, reply)` by name or by type. */
function isReplyShaped(fn: FunctionNode): boolean {
  const reply = fn.parameters[1];
  return fn.parameters.length >= 2 && fn.parameters.length <= 3 && (REPLY_NAMES.test(paramName(fn, 1) ?? '') || isTypedReply(reply));
}

/** Finds handlers node by node during the file's one walk; `handlers()` resolves references after it. */
export class FastifyHandlerCollector {
  private readonly found = new Map<ts.Node, Handler>();
  private readonly byName = new Map<string, FunctionNode>();
  private readonly byReference: { name: string; role: Role; method?: HttpMethod; path?: string }[] = [];

  visit(node: ts.Node): boolean {
    let taken = true;
    if (ts.isFunctionDeclaration(node) && node.name) this.byName.set(node.name.text, node);
    else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isFunctionNode(node.initializer)) this.byName.set(node.name.text, node.initializer);
    else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) this.visitRegistration(node, node.expression.name.text);
    else taken = false;
    if (!isFunctionNode(node)) return taken;
    // Visited before its children, so a registration has claimed its callbacks by now.
    if (!this.found.has(node) && isReplyShaped(node)) this.register(node, 'route');
    return true;
  }

  handlers(): Handler[] {
    for (const { name, role, method, path } of this.byReference) {
      const fn = this.byName.get(name);
      if (fn) this.register(fn, role, method, path);
    }
    return [...this.found.values()].sort((a, b) => a.node.pos - b.node.pos);
  }

  private visitRegistration(call: ts.CallExpression, name: string): void {
    const args = call.arguments;
    if (ROUTE_METHODS.has(name.toLowerCase() as HttpMethod) && args.length >= 2 && stringValue(args[0]) !== undefined) {
      const method = name.toLowerCase() as HttpMethod;
      const path = stringValue(args[0]);
      for (const argument of args.slice(1)) {
        if (ts.isObjectLiteralExpression(argument)) this.visitOptions(argument, method, path);
        else this.claim(argument, 'route', method, path);
      }
    } else if (name === 'route' && args[0] && ts.isObjectLiteralExpression(args[0])) {
      const method = stringValue(property(args[0], 'method'))?.toLowerCase() as HttpMethod | undefined;
      this.visitOptions(args[0], method && ROUTE_METHODS.has(method) ? method : undefined, stringValue(property(args[0], 'url') ?? property(args[0], 'path')));
    } else if (name === 'addHook' && HOOKS.has(stringValue(args[0]) ?? '') && args[1]) {
      this.claim(args[1], 'hook');
    } else if (name === 'setErrorHandler' && args[0]) {
      this.claim(args[0], 'error');
    } else if (name === 'setNotFoundHandler' && args.length > 0) {
      const last = args[args.length - 1];
      if (ts.isObjectLiteralExpression(last)) return;
      this.claim(last, 'route');
    }
  }

  /** A route's options: its `handler`, and its hooks (one function or an array of them). */
  private visitOptions(options: ts.ObjectLiteralExpression, method: HttpMethod | undefined, path: string | undefined): void {
    const handler = property(options, 'handler');
    if (handler) this.claim(handler, 'route', method, path);
    for (const hook of HOOKS) {
      const value = property(options, hook);
      const functions: readonly ts.Node[] = value && ts.isArrayLiteralExpression(value) ? value.elements : value ? [value] : [];
      for (const fn of functions) this.claim(fn, 'hook', method, path);
    }
  }

  private claim(argument: ts.Node, role: Role, method?: HttpMethod, path?: string): void {
    if (isFunctionNode(argument)) this.register(argument, role, method, path);
    else if (ts.isIdentifier(argument)) this.byReference.push({ name: argument.text, role, method, path });
  }

  private register(fn: FunctionNode, role: Role, method?: HttpMethod, path?: string): void {
    const existing = this.found.get(fn);
    if (existing && (existing.method || existing.path)) return;
    // setErrorHandler((error, request, reply) => …); routes and hooks take (request, reply).
    const offset = role === 'error' ? 1 : 0;
    this.found.set(fn, {
      node: fn,
      method,
      path,
      requestName: paramName(fn, offset),
      responseName: paramName(fn, offset + 1) ?? '',
      errorName: role === 'error' ? paramName(fn, 0) : undefined,
      // Routes and the error handler send what they return; a hook's return value is dropped.
      answersWithReturn: role !== 'hook',
    });
  }
}

/**
 * Does a file that imports nothing read as Fastify? Only when a function takes `(request, reply)`
 * (by name, or a reply typed `FastifyReply`) and calls `reply.code/status/send/header/redirect`:
 * Express's `(req, res)` never matches.
 */
export function looksLikeFastify(sourceFile: ts.SourceFile): boolean {
  if (!REPLY_CALL.test(sourceFile.text)) return false;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (isFunctionNode(node) && isReplyShaped(node) && node.body && REPLY_CALL.test(node.body.getText())) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}
