// A local helper that sends with the status it is given is a response per call:
// `function sendError(res, status, message) { return res.status(status).json({ message }); }`
// makes `sendError(res, 404, 'No such user')` a 404 site, reported and fixed at its argument.
// Only functions declared once in this file count; an imported helper's body is not read.
import ts from 'typescript';
import type { Bindings } from '../facts/bindings';
import { resolveStatus, statusBranches } from '../facts/status';
import { callsReader, chainRootIdentifier, enclosingFunction, skipTypeWrappers } from '../facts/syntax';
import type { Handler, HeaderSet, ResponseSite, Send, SendKind, StatusValue, TextEdit } from '../types';
import type { ResponseAdapter } from './adapter';
import { HEADER_METHODS, SEND_METHODS, responseUseAt, sendOf, type ChainLink, type ResponseUse } from './chains';
import { enclosingStatement, handlerRoute, surroundings } from './sites';
import { messageEdit } from './thrownErrors';

type HelperNode = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression;

/** What a helper does with its parameters, by position in a call's arguments. */
interface Helper {
  name: string;
  responseIndex: number;
  statusIndex: number;
  /** The status parameter's default, used by calls that leave it out. */
  statusDefault?: ts.Expression;
  /** The parameter sent as the body or as its message (`{ message }`, `{ error: msg }`). */
  bodyIndex?: number;
  kind: SendKind;
  encoding: Send['encoding'];
  /** Headers the helper sets by name (`res.cookie(…)`, `res.set('Location', url)`), on its own calls. */
  headers: HeaderSet[];
  /** Does the helper set a header whose name the file does not spell (`res.set(headers)`)? */
  unnamedHeaders: boolean;
}

/** Methods that set a status from their first argument. */
const STATUS_SETTERS = new Set(['status', 'sendStatus', 'writeHead']);
const BODY_SENDERS = new Set(['json', 'send', 'jsonp', 'end']);
const MESSAGE_KEYS = /^(message|msg|error|err|detail|details|description|reason)$/i;

/** Header methods that name their header themselves. */
const NAMED_HEADERS: Record<string, string> = {
  location: 'location', links: 'link', cookie: 'set-cookie', clearCookie: 'set-cookie', type: 'content-type',
  contentType: 'content-type', attachment: 'content-disposition', vary: 'vary',
};

/** Each call's helper, for the adapter: where the status argument goes, which headers the helper sets. */
const helperOf = new WeakMap<ts.Node, Helper>();

/** The headers one link of a response chain sets, or undefined when it sets headers the file does not name. */
function linkHeaders(link: ChainLink): HeaderSet[] | undefined {
  if (NAMED_HEADERS[link.name]) return [{ name: NAMED_HEADERS[link.name], node: link.call }];
  if (!HEADER_METHODS.has(link.name)) return [];
  const first = link.call.arguments[0] && skipTypeWrappers(link.call.arguments[0]);
  if (first && ts.isStringLiteralLike(first)) return [{ name: first.text.toLowerCase(), node: link.call }];
  if (!first || !ts.isObjectLiteralExpression(first)) return undefined;
  const named = first.properties.flatMap((property) => (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? [{ name: property.name.text.toLowerCase(), node: link.call }] : []));
  return named.length === first.properties.length ? named : undefined;
}

/** The parameter a send's body comes from: the body itself, or a property of an object body (`inObject`). */
function bodyParameter(body: ts.Expression | undefined, parameters: ReadonlyMap<string, number>): { index: number; inObject: boolean } | undefined {
  const value = body && skipTypeWrappers(body);
  if (!value) return undefined;
  const direct = ts.isIdentifier(value) ? parameters.get(value.text) : undefined;
  if (direct !== undefined) return { index: direct, inObject: false };
  if (!ts.isObjectLiteralExpression(value)) return undefined;
  const fromParameters = value.properties.flatMap((property) => {
    const key = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : '';
    const source = ts.isShorthandPropertyAssignment(property) ? property.name : ts.isPropertyAssignment(property) ? skipTypeWrappers(property.initializer) : undefined;
    const index = source && ts.isIdentifier(source) ? parameters.get(source.text) : undefined;
    return index === undefined ? [] : [{ key, index }];
  });
  const index = (fromParameters.find(({ key }) => MESSAGE_KEYS.test(key)) ?? fromParameters[0])?.index;
  return index === undefined ? undefined : { index, inObject: true };
}

/** Reads a function as a helper: a response parameter it sends on, with the status another parameter gives. */
function readHelper(name: string, fn: HelperNode): Helper | undefined {
  // A TypeScript `this` parameter takes no argument.
  const parameters = fn.parameters.filter((parameter) => !(ts.isIdentifier(parameter.name) && parameter.name.text === 'this'));
  const indexes = new Map<string, number>();
  parameters.forEach((parameter, index) => {
    if (ts.isIdentifier(parameter.name) && !parameter.dotDotDotToken) indexes.set(parameter.name.text, index);
  });
  const uses: ResponseUse[] = [];
  const names = new Set(indexes.keys());
  const visit = (node: ts.Node): void => {
    const use = responseUseAt(node, names);
    if (use) uses.push(use);
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  const parameterOf = (expression: ts.Expression | undefined): number | undefined => {
    const value = expression && skipTypeWrappers(expression);
    return value && ts.isIdentifier(value) ? indexes.get(value.text) : undefined;
  };
  for (const use of uses) {
    const response = chainRootIdentifier(use.statusCodeAssignment?.target ?? use.expression)?.text;
    const responseIndex = response === undefined ? undefined : indexes.get(response);
    const setter = use.links.find((link) => STATUS_SETTERS.has(link.name));
    const statusIndex = parameterOf(use.statusCodeAssignment?.value ?? setter?.call.arguments[0]);
    if (responseIndex === undefined || statusIndex === undefined || statusIndex === responseIndex) continue;
    // The send: in the same chain, or in another use of the same response parameter.
    const responseUses = uses.filter((other) => chainRootIdentifier(other.statusCodeAssignment?.target ?? other.expression)?.text === response);
    const sendLink = responseUses.flatMap((other) => other.links).find((link) => SEND_METHODS.has(link.name));
    // Read as Express reads it: the helper's response is one (`res.json(x)` sends data, `res.sendStatus(n)` nothing).
    const send = sendLink && sendOf({ method: sendLink.name, call: sendLink.call });
    if (!sendLink || !send || send.kind === 'redirect') return undefined;
    const headerSets = responseUses.flatMap((other) => other.links.map(linkHeaders));
    const body = bodyParameter(BODY_SENDERS.has(sendLink.name) ? sendLink.call.arguments[0] : undefined, indexes);
    return {
      name,
      responseIndex,
      statusIndex,
      statusDefault: parameters[statusIndex].initializer,
      bodyIndex: body?.index,
      kind: send.kind,
      // A message the helper wraps in its own object is text to the caller.
      encoding: body?.inObject ? 'text' : send.encoding,
      headers: headerSets.flatMap((headers) => headers ?? []),
      unnamedHeaders: headerSets.includes(undefined),
    };
  }
  return undefined;
}

/** The status a call gives the helper: its argument, or the parameter's default when it leaves it out. */
function callStatus(call: ts.CallExpression, helper: Helper, bindings: Bindings): StatusValue | undefined {
  const argument = call.arguments[helper.statusIndex];
  if (argument) return statusBranches(argument, bindings).some(({ status }) => status.code !== undefined) ? resolveStatus(argument, bindings) : undefined;
  const fallback = helper.statusDefault && resolveStatus(helper.statusDefault, bindings);
  return fallback?.code === undefined ? undefined : { source: 'implicit', code: fallback.code, range: { start: call.getStart(), end: call.getEnd() } };
}

/** `sendError(res, 'No such user')` → `sendError(res, 'No such user', 404)`: the status argument added where it goes. */
function addStatusArgumentEdit(site: ResponseSite, status: string): TextEdit | undefined {
  const call = site.statusNode;
  const index = call && helperOf.get(call)?.statusIndex;
  if (!call || !ts.isCallExpression(call) || index === undefined || call.arguments.length !== index) return undefined;
  const at = index === 0 ? call.arguments.pos : call.arguments[index - 1].getEnd();
  return { start: at, end: at, newText: index === 0 ? status : `, ${status}` };
}

/**
 * Before the call, does the code set a header on the response or hand it to other code
 * (`res.set(…)`, `applyCors(res)`)? Then headers may come from where the helper cannot tell.
 */
function responseTouchedBefore(site: ResponseSite): boolean {
  const scope = site.handler?.node ?? enclosingFunction(site.chain);
  const until = site.chain.getStart();
  const isResponse = (argument: ts.Expression): boolean => {
    const value = skipTypeWrappers(argument);
    return ts.isIdentifier(value) && site.responseNames.has(value.text);
  };
  let touched = false;
  const visit = (node: ts.Node): void => {
    if (touched || node.getStart() >= until) return;
    if (ts.isCallExpression(node)) {
      const method = ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : '';
      const root = chainRootIdentifier(node);
      // Another call of a helper is known not to leave headers behind: it sends.
      touched = (!helperOf.has(node) && node.arguments.some(isResponse)) || (HEADER_METHODS.has(method) && root !== undefined && site.responseNames.has(root.text));
    }
    ts.forEachChild(node, visit);
  };
  if (scope?.body) visit(scope.body);
  return touched;
}

/** The helper decides headers and the shape of the body: a fix can change the status and a string message. */
const helperCallAdapter: ResponseAdapter = {
  framework: 'helper call',
  setDefaultStatusEdit: addStatusArgumentEdit,
  headersMayBeSetElsewhere: (site) => !site.statusNode || helperOf.get(site.statusNode)?.unnamedHeaders !== false || responseTouchedBefore(site),
  addHeadersEdit: () => undefined,
  sendBodyEdits: (site, body, _context, status) => {
    const message = messageEdit(site, body);
    const statusEdit = status === undefined ? undefined : site.status.expression ? { ...site.status.range, newText: status } : addStatusArgumentEdit(site, status);
    if (!message || (status !== undefined && !statusEdit)) return undefined;
    return statusEdit ? [statusEdit, message] : [message];
  },
  dropBodyFix: () => undefined,
  completeResponseFixes: () => [],
  completesLater: () => true,
  stringStatusProblem: () => undefined,
};

/** Collects, during the file's one walk, the functions declared here and the calls of plain names. */
export class HelperCallCollector {
  private readonly functions: { name: string; fn: HelperNode }[] = [];
  private readonly calls: ts.CallExpression[] = [];
  /** How often each name is declared: a name declared twice (a parameter, a shadowing function) is not one helper. */
  private readonly declared = new Map<string, number>();

  visit(node: ts.Node): void {
    if (ts.isCallExpression(node) && ts.isIdentifier(skipTypeWrappers(node.expression)) && node.arguments.length >= 1) this.calls.push(node);
    const name = (ts.isFunctionDeclaration(node) || ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isImportSpecifier(node) || ts.isImportClause(node)) && node.name;
    if (!name || !ts.isIdentifier(name)) return;
    this.declared.set(name.text, (this.declared.get(name.text) ?? 0) + 1);
    if (ts.isFunctionDeclaration(node)) this.functions.push({ name: name.text, fn: node });
    const init = ts.isVariableDeclaration(node) && node.initializer && skipTypeWrappers(node.initializer);
    if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) this.functions.push({ name: name.text, fn: init });
  }

  sites(sourceFile: ts.SourceFile, handlers: readonly Handler[], bindings: Bindings): ResponseSite[] {
    const helpers = new Map<string, Helper>();
    for (const { name, fn } of this.functions) {
      const helper = this.declared.get(name) === 1 ? readHelper(name, fn) : undefined;
      if (helper) helpers.set(name, helper);
    }
    if (helpers.size === 0) return [];
    const byNode = new Map<ts.Node, Handler>(handlers.map((handler) => [handler.node, handler]));
    const callsOnce = callsReader();
    return this.calls.flatMap((call) => {
      const helper = helpers.get((skipTypeWrappers(call.expression) as ts.Identifier).text);
      const site = helper && helperCallSite(call, helper, bindings, byNode, sourceFile, callsOnce);
      return site ? [site] : [];
    });
  }
}

function enclosingHandler(node: ts.Node, byNode: ReadonlyMap<ts.Node, Handler>): Handler | undefined {
  for (let current = node.parent; current; current = current.parent) {
    const handler = byNode.get(current);
    if (handler) return handler;
  }
  return undefined;
}

function helperCallSite(
  call: ts.CallExpression,
  helper: Helper,
  bindings: Bindings,
  byNode: ReadonlyMap<ts.Node, Handler>,
  sourceFile: ts.SourceFile,
  callsOnce: ReturnType<typeof callsReader>,
): ResponseSite | undefined {
  const spread = call.arguments.findIndex((argument) => ts.isSpreadElement(argument));
  if (spread !== -1 && spread <= Math.max(helper.statusIndex, helper.responseIndex, helper.bodyIndex ?? 0)) return undefined;
  const response = call.arguments[helper.responseIndex] && skipTypeWrappers(call.arguments[helper.responseIndex]);
  const status = response && ts.isIdentifier(response) ? callStatus(call, helper, bindings) : undefined;
  if (!response || !ts.isIdentifier(response) || !status) return undefined;
  helperOf.set(call, helper);
  const handler = enclosingHandler(call, byNode);
  const scope = handler?.node ?? enclosingFunction(call);
  return {
    adapter: helperCallAdapter,
    responseName: response.text,
    responseNames: new Set([response.text]),
    handler,
    route: handlerRoute(handler),
    status,
    statusNode: call,
    send: { kind: helper.kind, node: call, label: `${helper.name}(…)`, encoding: helper.encoding },
    body: helper.bodyIndex === undefined ? undefined : call.arguments[helper.bodyIndex],
    headers: helper.headers,
    chain: call,
    statement: enclosingStatement(call),
    ...surroundings(call, scope ?? sourceFile),
    callsBefore: callsOnce(scope).filter((before) => before.node.getEnd() <= call.getStart()),
    // The helper sets the status: no setter of the site's own.
    shape: { setter: 'implicit' },
  };
}
