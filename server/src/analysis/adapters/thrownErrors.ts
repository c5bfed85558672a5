// Errors that carry a status are responses: the project's error handler sends them with that
// status. `throw createError(404, 'No such user')`, `next(new ApiError(httpStatus.UNAUTHORIZED,
// msg))`, `throw new AppError('Not found', 404)`: each becomes a site with the status it carries
// and its message as the body. Errors whose status the file cannot read are left alone.
import ts from 'typescript';
import { reasonPhrase } from '../../knowledge';
import type { Bindings } from '../facts/bindings';
import { listedWithin } from '../facts/fileIndex';
import { resolveStatus, statusBranches } from '../facts/status';
import { callsReader, calleeOf, enclosingFunction, skipTypeWrappers } from '../facts/syntax';
import { quoted } from '../facts/style';
import type { RuleContext } from '../rule';
import type { CallBefore, Handler, HeaderSet, ResponseSite, StatusValue, TextEdit } from '../types';
import type { HeaderToAdd, ResponseAdapter } from './adapter';
import type { CarriedStatus, ExceptionReader, FileExceptions } from './collector';
import { enclosingStatement, handlerRoute, surroundings } from './sites';

const HTTP_ERRORS = /^(http-errors|http-errors-enhanced)$/;
const TEST_FILE = /(\.|\/|^)(test|spec)\.[cm]?[jt]sx?$|(^|\/)__tests__\//;
/** Test files throw errors to test the code that catches them: never responses. */
export function isTestFile(fileName: string): boolean {
  return TEST_FILE.test(fileName.replace(/\\/g, '/'));
}
/** Class names that say "an error for an HTTP response". */
const ERROR_CLASS = /(Error|Exception)$/;

/** `NotFound` → 404, the constructor names http-errors derives from reason phrases (and its older names). */
export const CONSTRUCTOR_CODES = (() => {
  const codes = new Map<string, number>([['PayloadTooLarge', 413], ['UnprocessableEntity', 422], ['RangeNotSatisfiable', 416]]);
  for (let code = 400; code < 600; code++) {
    const phrase = reasonPhrase(code);
    if (phrase) codes.set(phrase.replace(/[^A-Za-z0-9 ]/g, '').split(' ').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(''), code);
  }
  return codes;
})();

/** The status an http-errors constructor or a @fastify/sensible helper is named after: `NotFound`, `notFound` → 404. */
export function errorCodeOfName(name: string): number | undefined {
  return CONSTRUCTOR_CODES.get(name.charAt(0).toUpperCase() + name.slice(1));
}

/** The camel-case helper name of a status (`notFound` for 404), as http-errors and @fastify/sensible name it. */
export function errorHelperOfCode(code: number): string | undefined {
  for (const [name, value] of CONSTRUCTOR_CODES) if (value === code) return name.charAt(0).toLowerCase() + name.slice(1);
  return undefined;
}

type ErrorExpression = ts.NewExpression | ts.CallExpression;

export function isStatusValue(status: StatusValue): boolean {
  return status.code !== undefined && status.code >= 100 && status.code <= 599;
}

/** A status the file pins down, or a conditional one branch of which it pins down (`dup ? 409 : 400`). */
function carriesStatus(expression: ts.Expression, bindings: Bindings, accept: (status: StatusValue) => boolean = isStatusValue): StatusValue | undefined {
  return statusBranches(expression, bindings).some(({ status }) => accept(status)) ? resolveStatus(expression, bindings) : undefined;
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
      const value = carriesStatus(property.initializer, bindings);
      if (value) status = value;
      // `code: 'user.email_taken'`: an error code the client can act on is the detail when no message is given.
      else if (name === 'code' && ts.isStringLiteralLike(skipTypeWrappers(property.initializer))) message ??= property.initializer;
    } else if (name === 'message') message = property.initializer;
  }
  return status && { status, message };
}

export const isMessage = (expression: ts.Expression | undefined): expression is ts.Expression => {
  const value = expression && skipTypeWrappers(expression);
  return !!value && (ts.isStringLiteralLike(value) || ts.isTemplateExpression(value) || ts.isPropertyAccessExpression(value) || ts.isIdentifier(value) || ts.isBinaryExpression(value));
};

/** The status an error expression carries, when the file spells it out: a framework's exception first. */
function carriedStatus(error: ErrorExpression, httpErrors: ReadonlySet<string>, exceptions: readonly FileExceptions[], bindings: Bindings): CarriedStatus | undefined {
  for (const framework of exceptions) {
    const carried = framework.statusOf(error);
    if (carried) return carried === 'unreadable' ? undefined : carried;
  }
  const args = error.arguments ?? ts.factory.createNodeArray();
  const callee = skipTypeWrappers(error.expression);
  // createError(404, 'No such user'), createError.NotFound('…'), new createError.NotFound()
  if (ts.isIdentifier(callee) && httpErrors.has(callee.text)) {
    const status = args[0] && carriesStatus(args[0], bindings);
    return status ? { status, message: isMessage(args[1]) ? args[1] : undefined, httpErrorsCall: error } : undefined;
  }
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && httpErrors.has(callee.expression.text)) {
    const code = CONSTRUCTOR_CODES.get(callee.name.text);
    if (code === undefined) return undefined;
    return { status: { source: 'constant', code, expression: callee.name, range: { start: callee.name.getStart(), end: callee.name.getEnd() } }, message: isMessage(args[0]) ? args[0] : undefined };
  }
  // new ApiError(httpStatus.NOT_FOUND, msg), new AppError(msg, 404), new APIError({ status: 401, message })
  const name = calleeOf(error as ts.CallExpression)?.name;
  if (!ts.isNewExpression(error) || !name || !ERROR_CLASS.test(name)) return undefined;
  for (const [index, argument] of args.entries()) {
    const option = statusOption(argument, bindings);
    if (option) return option;
    const value = skipTypeWrappers(argument);
    if (!ts.isNumericLiteral(value) && !ts.isPropertyAccessExpression(value) && !ts.isIdentifier(value) && !ts.isConditionalExpression(value)) continue;
    // A number that is not a status (`new RangeError(5)`) or a name the file cannot pin down is not one.
    const status = carriesStatus(argument, bindings, (branch) => isStatusValue(branch) && !(branch.source === 'literal' && branch.code! < 400));
    if (!status) continue;
    // The body: a string message first, else whatever else the error is given (`{ errors: {…} }`).
    const others = args.filter((_, at) => at !== index);
    const message = others.find((other) => ts.isStringLiteralLike(skipTypeWrappers(other))) ?? others.find(isMessage) ?? others[0];
    return { status, message };
  }
  return undefined;
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

/** `assertThat(value, error)`, `invariant(value, error)`: a project's assertion throws the error when the value is falsy. */
const ASSERTIONS = /^(assert\w*|invariant)$/;

/** The kinds of node that may hand an error on. Tested first on every node of the walk: one look-up in a set, where each `ts.isX` is a look-up in TypeScript's very large namespace object. */
export const HANDING_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([ts.SyntaxKind.ThrowStatement, ts.SyntaxKind.ReturnStatement, ts.SyntaxKind.CallExpression]);

function isAssertion(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && ASSERTIONS.test(node.expression.text) && node.arguments.length >= 2;
}

/**
 * `throw x`, `next(x)`, `return next(x)`, `assertThat(value, x)`, and in a handler that answers with
 * what it returns (Fastify) `return x`: the error expression handed on, the node that hands it, and
 * for an assertion the value whose falsiness throws. In a Fastify handler a thrown object or error
 * variable is sent with its `statusCode` too.
 */
function handedError(node: ts.Node, handlers: ReadonlyMap<ts.Node, Handler>): { error: ts.Expression; by: ts.Node; asserted?: ts.Expression } | undefined {
  let value: ts.Expression | undefined;
  if (ts.isThrowStatement(node)) value = node.expression;
  else if (ts.isReturnStatement(node) && answersWithReturn(node, handlers)) value = node.expression;
  else if (isAssertion(node)) {
    const error = node.arguments.slice(1).map((argument) => skipTypeWrappers(argument)).find((argument) => ts.isNewExpression(argument) || ts.isCallExpression(argument));
    return error ? { error, by: node, asserted: node.arguments[0] } : undefined;
  } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.arguments.length === 1 && isNextOfHandler(node.expression, handlers)) value = node.arguments[0];
  const error = value && skipTypeWrappers(value);
  if (!error) return undefined;
  if (ts.isNewExpression(error) || ts.isCallExpression(error)) return { error, by: node };
  return (ts.isObjectLiteralExpression(error) || ts.isIdentifier(error)) && answersWithReturn(node, handlers) ? { error, by: node } : undefined;
}

function answersWithReturn(node: ts.Node, handlers: ReadonlyMap<ts.Node, Handler>): boolean {
  const fn = enclosingFunction(node);
  return fn !== undefined && handlers.get(fn)?.answersWithReturn === true;
}

/** How a function builds error variables: `const err = new Error(msg)` and `err.statusCode = 404` (or `.status`), in source order. */
interface ErrorVariables {
  created: Map<string, ts.NewExpression>;
  statusAssignments: ts.BinaryExpression[];
}

/** The status assigned to the error variable `name` before `at` (the last one wins), with the message it was created with. */
function assignedStatus(name: string, at: number, variables: ErrorVariables, bindings: Bindings): CarriedStatus | undefined {
  const assignment = variables.statusAssignments.filter((node) => node.getEnd() <= at && skipTypeWrappers((node.left as ts.PropertyAccessExpression).expression).getText() === name).pop();
  const status = assignment && resolveStatus(assignment.right, bindings);
  const message = variables.created.get(name)?.arguments?.[0];
  return status && isStatusValue(status) ? { status, message: isMessage(message) ? message : undefined } : undefined;
}

function errorVariablesOf(fn: ts.FunctionLikeDeclaration | undefined): ErrorVariables {
  const variables: ErrorVariables = { created: new Map(), statusAssignments: [] };
  for (const node of fn?.body ? listedWithin(fn.body) : []) {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && /^status(Code)?$/.test(node.left.name.text)) variables.statusAssignments.push(node);
    else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isNewExpression(skipTypeWrappers(node.initializer))) variables.created.set(node.name.text, skipTypeWrappers(node.initializer) as ts.NewExpression);
  }
  return variables;
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
export function headersOf(call: ts.CallExpression | ts.NewExpression | undefined): HeaderSet[] {
  return (headersObject(call && propsOf(call))?.properties ?? []).flatMap((property) =>
    ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? [{ name: property.name.text.toLowerCase(), node: property }] : [],
  );
}

/** Adds headers to an http-errors call: as a props argument, or into the props it already has. */
export function httpErrorsHeadersEdit(site: ResponseSite, headers: readonly HeaderToAdd[], context: RuleContext): TextEdit | undefined {
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

/** A string message replaced by another string: the body of a site that sends its message through other code. */
export function messageEdit(site: ResponseSite, body: string): TextEdit | undefined {
  return site.body && ts.isStringLiteralLike(skipTypeWrappers(site.body)) && /^['"`]/.test(body) ? { start: site.body.getStart(), end: site.body.getEnd(), newText: body } : undefined;
}

/** The error handler sends a thrown error: the file cannot add to that response, nor see its headers. */
export const thrownErrorAdapter: ResponseAdapter = {
  framework: 'thrown error',
  setDefaultStatusEdit: () => undefined,
  addHeadersEdit: () => undefined,
  headersMayBeSetElsewhere: () => false,
  sendBodyEdits: (site, body) => {
    const edit = messageEdit(site, body);
    return edit && [edit];
  },
  dropBodyFix: () => undefined,
  completeResponseFixes: () => [],
  completesLater: () => true,
  stringStatusProblem: () => undefined,
};

/** http-errors sends the headers its error carries: those the file can add. */
const httpErrorsAdapter: ResponseAdapter = { ...thrownErrorAdapter, framework: 'http-errors', addHeadersEdit: httpErrorsHeadersEdit };

/**
 * Collects, during the file's one walk, the places that hand an error on (`throw x`, `next(x)`);
 * `sites()` then keeps those whose error carries a status the file spells out.
 */
export class ThrownErrorCollector {
  private readonly candidates: ts.Node[] = [];

  /** `readers`: each framework's own exceptions (`frameworks.ts`). */
  constructor(private readonly readers: readonly ExceptionReader[]) {}

  /**
   * True when the node hands an error on; judged from its own syntax. Only those of the statements
   * checked become sites (an edit re-checks part of the file).
   */
  visit(node: ts.Node, inChecked: boolean): boolean {
    if (!HANDING_KINDS.has(node.kind)) return false;
    if (!(ts.isThrowStatement(node) || (ts.isReturnStatement(node) && node.expression) || (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.arguments.length === 1) || isAssertion(node))) return false;
    if (inChecked) this.candidates.push(node);
    return true;
  }

  /** The nodes `visit` took before (an edited document's unchanged statement), at once. */
  takeAll(nodes: readonly ts.Node[], inChecked: boolean): void {
    if (inChecked) for (const node of nodes) this.candidates.push(node);
  }

  sites(sourceFile: ts.SourceFile, handlers: readonly Handler[], bindings: Bindings): ResponseSite[] {
    const candidates = this.candidates;
    if (candidates.length === 0 || isTestFile(sourceFile.fileName)) return [];
    const httpErrors = httpErrorsNames(sourceFile);
    const exceptions = this.readers.flatMap((reader) => reader.forFile(sourceFile, bindings) ?? []);
    const byNode = new Map<ts.Node, Handler>(handlers.map((handler) => [handler.node, handler]));
    // One walk per function, however many errors it throws.
    const callsOnce = callsReader();
    const variables = new Map<ts.FunctionLikeDeclaration | undefined, ErrorVariables>();
    const carriedBy = (handed: { error: ts.Expression; by: ts.Node }): CarriedStatus | undefined => {
      const { error } = handed;
      if (ts.isNewExpression(error) || ts.isCallExpression(error)) return carriedStatus(error, httpErrors, exceptions, bindings);
      if (ts.isObjectLiteralExpression(error)) return statusOption(error, bindings);
      const fn = enclosingFunction(handed.by);
      if (!variables.has(fn)) variables.set(fn, errorVariablesOf(fn));
      return assignedStatus(error.getText(), error.getStart(), variables.get(fn)!, bindings);
    };
    return candidates.flatMap((node) => {
      const handed = handedError(node, byNode);
      const carried = handed && carriedBy(handed);
      return handed && carried ? [thrownSite(handed, carried, byNode, sourceFile, callsOnce, exceptions)] : [];
    });
  }
}

function thrownSite(
  handed: { error: ts.Expression; by: ts.Node; asserted?: ts.Expression },
  carried: CarriedStatus,
  byNode: ReadonlyMap<ts.Node, Handler>,
  sourceFile: ts.SourceFile,
  callsIn: (fn: ts.FunctionLikeDeclaration | undefined) => CallBefore[],
  exceptions: readonly FileExceptions[],
): ResponseSite {
  const fn = enclosingFunction(handed.by);
  const handler = fn && byNode.get(fn);
  const { conditions, catchClause } = surroundings(handed.error, fn ?? sourceFile);
  const callsBefore = callsIn(fn).filter((call) => call.node.getEnd() <= handed.error.getStart());
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
    headers: [
      ...headersOf(carried.httpErrorsCall),
      ...exceptions.flatMap((framework) => [...(handler ? framework.handlerHeaders?.(handler) ?? [] : []), ...(framework.headersBefore?.(callsBefore) ?? [])]),
    ],
    chain: handed.error,
    statement: ts.isThrowStatement(handed.by) ? handed.by : enclosingStatement(handed.by as ts.Expression),
    // An assertion throws when its value is falsy: as if in the `else` of `if (value)`.
    conditions: handed.asserted ? [{ expression: handed.asserted, inElse: true }, ...conditions] : conditions,
    catchClause,
    callsBefore,
    completedBy: 'error-handler',
    // Not a response object: no setter of its own.
    shape: { setter: 'implicit' },
  };
}
