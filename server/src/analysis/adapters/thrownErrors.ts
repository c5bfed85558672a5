// Errors that carry a status are responses: the project's error handler sends them with that
// status. `throw createError(404, 'No such user')`, `next(new ApiError(httpStatus.UNAUTHORIZED,
// msg))`, `throw new AppError('Not found', 404)`: each becomes a site with the status it carries
// and its message as the body. Errors whose status the file cannot read are left alone.
import ts from 'typescript';
import { reasonPhrase } from '../../knowledge';
import type { Bindings } from '../facts/bindings';
import { resolveStatus } from '../facts/status';
import { calleeOf, skipTypeWrappers } from '../facts/syntax';
import { quoted } from '../facts/style';
import type { RuleContext } from '../rule';
import type { CallBefore, Handler, HeaderSet, ResponseSite, StatusValue, TextEdit } from '../types';
import type { HeaderToAdd, ResponseAdapter } from './adapter';
import { enclosingStatement, handlerRoute, surroundings } from './sites';

const HTTP_ERRORS = /^(http-errors|http-errors-enhanced)$/;
/** Test files throw errors to test the code that catches them: never responses. */
const TEST_FILE = /(\.|\/|^)(test|spec)\.[cm]?[jt]sx?$|(^|\/)__tests__\//;
/** Class names that say "an error for an HTTP response". */
const ERROR_CLASS = /(Error|Exception)$/;

/** `NotFound` → 404, the constructor names http-errors derives from reason phrases (and its older names). */
const CONSTRUCTOR_CODES = (() => {
  const codes = new Map<string, number>([['PayloadTooLarge', 413], ['UnprocessableEntity', 422], ['RangeNotSatisfiable', 416]]);
  for (let code = 400; code < 600; code++) {
    const phrase = reasonPhrase(code);
    if (phrase) codes.set(phrase.replace(/[^A-Za-z0-9 ]/g, '').split(' ').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(''), code);
  }
  return codes;
})();

type ErrorExpression = ts.NewExpression | ts.CallExpression;

/** A status read from an error: the number it carries, and the message it would send. */
interface CarriedStatus {
  status: StatusValue;
  message?: ts.Expression;
  /** For `createError(status, message?, props?)`: the call, whose props can carry headers. */
  httpErrorsCall?: ts.CallExpression | ts.NewExpression;
  /** The adapter of a framework's own error class (Hono's HTTPException), where it has one. */
  adapter?: ResponseAdapter;
}

function isStatusValue(status: StatusValue): boolean {
  return status.code !== undefined && status.code >= 100 && status.code <= 599;
}

/** `{ status: 401, message }`, `{ statusCode: 404 }`: a status given as an option. */
function statusOption(argument: ts.Expression, bindings: Bindings): CarriedStatus | undefined {
  const object = skipTypeWrappers(argument);
  if (!ts.isObjectLiteralExpression(object)) return undefined;
  let status: StatusValue | undefined;
  let message: ts.Expression | undefined;
  for (const property of object.properties) {
    if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) continue;
    const name = property.name.text;
    if (name === 'status' || name === 'statusCode' || name === 'code') {
      const value = resolveStatus(property.initializer, bindings);
      if (isStatusValue(value)) status = value;
    } else if (name === 'message') message = property.initializer;
  }
  return status && { status, message };
}

const isMessage = (expression: ts.Expression | undefined): expression is ts.Expression => {
  const value = expression && skipTypeWrappers(expression);
  return !!value && (ts.isStringLiteralLike(value) || ts.isTemplateExpression(value) || ts.isPropertyAccessExpression(value) || ts.isIdentifier(value) || ts.isBinaryExpression(value));
};

/** The status an error expression carries, when the file spells it out. */
function carriedStatus(error: ErrorExpression, httpErrors: ReadonlySet<string>, bindings: Bindings): CarriedStatus | undefined {
  const args = error.arguments ?? ts.factory.createNodeArray();
  const callee = skipTypeWrappers(error.expression);
  // createError(404, 'No such user'), createError.NotFound('…'), new createError.NotFound()
  if (ts.isIdentifier(callee) && httpErrors.has(callee.text)) {
    const status = args[0] && resolveStatus(args[0], bindings);
    return status && isStatusValue(status) ? { status, message: isMessage(args[1]) ? args[1] : undefined, httpErrorsCall: error } : undefined;
  }
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && httpErrors.has(callee.expression.text)) {
    const code = CONSTRUCTOR_CODES.get(callee.name.text);
    if (code === undefined) return undefined;
    return { status: { source: 'constant', code, expression: callee.name, range: { start: callee.name.getStart(), end: callee.name.getEnd() } }, message: isMessage(args[0]) ? args[0] : undefined };
  }
  // new ApiError(httpStatus.NOT_FOUND, msg), new AppError(msg, 404), new APIError({ status: 401, message })
  const name = calleeOf(error as ts.CallExpression)?.name;
  if (!ts.isNewExpression(error) || !name || !ERROR_CLASS.test(name)) return undefined;
  if (name === 'HTTPException') return honoException(args, bindings);
  for (const [index, argument] of args.entries()) {
    const option = statusOption(argument, bindings);
    if (option) return option;
    const value = skipTypeWrappers(argument);
    if (!ts.isNumericLiteral(value) && !ts.isPropertyAccessExpression(value) && !ts.isIdentifier(value)) continue;
    const status = resolveStatus(argument, bindings);
    // A number that is not a status (`new RangeError(5)`) or a name the file cannot pin down is not one.
    if (status.source === 'dynamic' || !isStatusValue(status) || (status.source === 'literal' && status.code! < 400)) continue;
    // The body: a string message first, else whatever else the error is given (`{ errors: {…} }`).
    const others = args.filter((_, at) => at !== index);
    const message = others.find((other) => ts.isStringLiteralLike(skipTypeWrappers(other))) ?? others.find(isMessage) ?? others[0];
    return { status, message };
  }
  return undefined;
}

/**
 * Hono's `new HTTPException(401, { message })`: the message is the body. An exception given a ready
 * response (`{ res }`) sends that response's headers, which the file does not show: left alone.
 */
function honoException(args: ts.NodeArray<ts.Expression>, bindings: Bindings): CarriedStatus | undefined {
  const status = args[0] && resolveStatus(args[0], bindings);
  if (!status || !isStatusValue(status)) return undefined;
  const options = args[1] && skipTypeWrappers(args[1]);
  if (!options) return { status, adapter: honoExceptionAdapter };
  if (!ts.isObjectLiteralExpression(options)) return undefined;
  const named = (key: string) => options.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === key);
  if (named('res') || options.properties.some(ts.isSpreadAssignment)) return undefined;
  const message = named('message');
  const body = message && ts.isPropertyAssignment(message) ? message.initializer : message && ts.isShorthandPropertyAssignment(message) ? message.name : undefined;
  return { status, message: body, adapter: honoExceptionAdapter };
}

/** Names bound to http-errors in the file: `import createError from 'http-errors'`, `const createError = require('http-errors')`. */
function httpErrorsNames(sourceFile: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && HTTP_ERRORS.test(statement.moduleSpecifier.text)) {
      const clause = statement.importClause;
      if (clause?.name) names.add(clause.name.text);
      if (clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings)) names.add(clause.namedBindings.name.text);
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer && skipTypeWrappers(declaration.initializer);
        const required = init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require' ? init.arguments[0] : undefined;
        if (required && ts.isStringLiteral(required) && HTTP_ERRORS.test(required.text) && ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
      }
    }
  }
  return names;
}

/** `throw x`, `next(x)`, `return next(x)`: the error expression handed on, and the node that hands it. */
function handedError(node: ts.Node, handlers: ReadonlyMap<ts.Node, Handler>): { error: ErrorExpression; by: ts.Node } | undefined {
  let value: ts.Expression | undefined;
  if (ts.isThrowStatement(node)) value = node.expression;
  else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.arguments.length === 1 && isNextOfHandler(node.expression, handlers)) value = node.arguments[0];
  const error = value && skipTypeWrappers(value);
  return error && (ts.isNewExpression(error) || ts.isCallExpression(error)) ? { error, by: node } : undefined;
}

/** Is `name` the `next` parameter of the handler around it? */
function isNextOfHandler(name: ts.Identifier, handlers: ReadonlyMap<ts.Node, Handler>): boolean {
  for (let current: ts.Node = name; current; current = current.parent) {
    const handler = handlers.get(current);
    if (!handler) continue;
    const fn = handler.node;
    const next = fn.parameters[handler.errorName !== undefined ? 3 : 2];
    return next !== undefined && ts.isIdentifier(next.name) && next.name.text === name.text;
  }
  return false;
}

function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) if (ts.isFunctionLike(current) && 'body' in current) return current as ts.FunctionLikeDeclaration;
  return undefined;
}

/** Every call of a function body, in source order; a site keeps those that end before it. */
function callsOf(fn: ts.FunctionLikeDeclaration | undefined): CallBefore[] {
  const calls: CallBefore[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = calleeOf(node);
      if (callee) calls.push({ callee: callee.text, name: callee.name, node });
    }
    ts.forEachChild(node, visit);
  };
  if (fn?.body) visit(fn.body);
  return calls.sort((a, b) => a.node.getStart() - b.node.getStart());
}

/** `createError(401, msg, { headers: { … } })`: the props object of an http-errors call. */
function propsOf(call: ts.CallExpression | ts.NewExpression): ts.ObjectLiteralExpression | undefined {
  const last = call.arguments?.[call.arguments.length - 1];
  const value = last && skipTypeWrappers(last);
  return value && ts.isObjectLiteralExpression(value) && call.arguments!.length > 1 ? value : undefined;
}

function headersObject(props: ts.ObjectLiteralExpression | undefined): ts.ObjectLiteralExpression | undefined {
  const property = props?.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'headers');
  const value = property && skipTypeWrappers(property.initializer);
  return value && ts.isObjectLiteralExpression(value) ? value : undefined;
}

/** The headers an http-errors call gives its error (http-errors sends `err.headers` with the response). */
function headersOf(call: ts.CallExpression | ts.NewExpression | undefined): HeaderSet[] {
  return (headersObject(call && propsOf(call))?.properties ?? []).flatMap((property) =>
    ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? [{ name: property.name.text.toLowerCase(), node: property }] : [],
  );
}

/** Adds headers to an http-errors call: as a props argument, or into the props it already has. */
function httpErrorsHeadersEdit(site: ResponseSite, headers: readonly HeaderToAdd[], context: RuleContext): TextEdit | undefined {
  const call = site.statusNode;
  if (!call || !(ts.isCallExpression(call) || ts.isNewExpression(call)) || !call.arguments) return undefined;
  const entries = headers.map(([name, value]) => `${quoted(name, context.style)}: ${value}`).join(', ');
  const props = propsOf(call);
  if (!props) {
    // http-errors takes its arguments in any order: an object among them is the props.
    const last = call.arguments[call.arguments.length - 1];
    return last ? { start: last.getEnd(), end: last.getEnd(), newText: `, { headers: { ${entries} } }` } : undefined;
  }
  if (headersObject(props)) return undefined;
  const at = props.getStart() + 1;
  return { start: at, end: at, newText: props.properties.length === 0 ? ` headers: { ${entries} } ` : ` headers: { ${entries} },` };
}

/** The error handler sends a thrown error: the file cannot add to that response, nor see its headers. */
const thrownErrorAdapter: ResponseAdapter = {
  framework: 'thrown error',
  setDefaultStatusEdit: () => undefined,
  addHeadersEdit: () => undefined,
  headersMayBeSetElsewhere: () => false,
  sendBodyEdits: (site, body) => (site.body && ts.isStringLiteralLike(skipTypeWrappers(site.body)) && /^['"`]/.test(body) ? [{ start: site.body.getStart(), end: site.body.getEnd(), newText: body }] : undefined),
  dropBodyFix: () => undefined,
  completeResponseFixes: () => [],
  completesLater: () => true,
  stringStatusProblem: () => undefined,
};

/** http-errors sends the headers its error carries: those the file can add. */
const httpErrorsAdapter: ResponseAdapter = { ...thrownErrorAdapter, framework: 'http-errors', addHeadersEdit: httpErrorsHeadersEdit };

/** Hono sends an HTTPException itself (`err.getResponse()`) unless the app's onError does. */
const honoExceptionAdapter: ResponseAdapter = { ...thrownErrorAdapter, framework: 'hono' };

/**
 * Collects, during the file's one walk, the places that hand an error on (`throw x`, `next(x)`);
 * `sites()` then keeps those whose error carries a status the file spells out.
 */
export class ThrownErrorCollector {
  private readonly candidates: ts.Node[] = [];

  visit(node: ts.Node): void {
    if (ts.isThrowStatement(node) || (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.arguments.length === 1)) this.candidates.push(node);
  }

  sites(sourceFile: ts.SourceFile, handlers: readonly Handler[], bindings: Bindings): ResponseSite[] {
    if (this.candidates.length === 0 || TEST_FILE.test(sourceFile.fileName.replace(/\\/g, '/'))) return [];
    const httpErrors = httpErrorsNames(sourceFile);
    const byNode = new Map<ts.Node, Handler>(handlers.map((handler) => [handler.node, handler]));
    // One walk per function, however many errors it throws.
    const calls = new Map<ts.FunctionLikeDeclaration | undefined, CallBefore[]>();
    const callsIn = (fn: ts.FunctionLikeDeclaration | undefined): CallBefore[] => {
      if (!calls.has(fn)) calls.set(fn, callsOf(fn));
      return calls.get(fn)!;
    };
    return this.candidates.flatMap((node) => {
      const handed = handedError(node, byNode);
      const carried = handed && carriedStatus(handed.error, httpErrors, bindings);
      return handed && carried ? [thrownSite(handed, carried, byNode, sourceFile, callsIn)] : [];
    });
  }
}

function thrownSite(
  handed: { error: ErrorExpression; by: ts.Node },
  carried: CarriedStatus,
  byNode: ReadonlyMap<ts.Node, Handler>,
  sourceFile: ts.SourceFile,
  callsIn: (fn: ts.FunctionLikeDeclaration | undefined) => CallBefore[],
): ResponseSite {
  const fn = enclosingFunction(handed.by);
  const handler = fn && byNode.get(fn);
  return {
    adapter: carried.adapter ?? (carried.httpErrorsCall ? httpErrorsAdapter : thrownErrorAdapter),
    responseName: '',
    responseNames: new Set(),
    handler,
    route: handlerRoute(handler),
    status: carried.status,
    statusNode: handed.error,
    // Without a message the error handler sends the reason phrase alone: no detail.
    send: { kind: carried.message ? 'data' : 'empty', node: handed.by, label: 'the error', encoding: 'json' },
    body: carried.message,
    headers: headersOf(carried.httpErrorsCall),
    chain: handed.error,
    statement: ts.isThrowStatement(handed.by) ? handed.by : enclosingStatement(handed.by as ts.Expression),
    ...surroundings(handed.error, fn ?? sourceFile),
    callsBefore: callsIn(fn).filter((call) => call.node.getEnd() <= handed.error.getStart()),
    completedBy: 'error-handler',
    // Not a response object: no setter of its own.
    shape: { setter: 'implicit' },
  };
}
