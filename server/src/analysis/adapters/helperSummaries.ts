// What a helper function does with its parameters, as plain data: the one model for helpers declared
// in the file and helpers exported by the project's own modules. `function sendError(res, status, msg)`
// sends on `res` with the status it is given; `exports.unauthorizedResponse = function (res, msg)`
// answers 401 whatever the call says. No syntax node is kept, so a module's summaries are cached by text.
import ts from 'typescript';
import { addBindingsOf, BINDING_KINDS, type Binding, type Bindings } from '../facts/bindings';
import { fileIndexing, listedWithin } from '../facts/fileIndex';
import { statusBranches } from '../facts/status';
import { chainRootIdentifier, skipTypeWrappers } from '../facts/syntax';
import { isParserFailure, parse, parseErrorCount } from '../engine/parse';
import { walkFile } from '../engine/walk';
import type { HeaderSet, Send, SendKind, SourcePlace } from '../types';
import { exportedValues } from '../facts/exports';
import { HEADER_METHODS, SEND_METHODS, responseUseAt, sendOf, type ChainLink, type ResponseUse } from './chains';

export type HelperNode = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration;

/** Where a helper's status comes from: a parameter (with the code its default gives), or its own body. */
export type HelperStatus = { from: 'parameter'; index: number; defaultCode?: number } | { from: 'body'; code: number; place: SourcePlace };

/** What a helper does with its parameters, by position in a call's arguments. */
export interface HelperSummary {
  name: string;
  responseIndex: number;
  status: HelperStatus;
  /** The parameter sent as the body or as its message (`{ message }`, `{ error: msg }`). */
  bodyIndex?: number;
  kind: SendKind;
  encoding: Send['encoding'];
  /** Lower-case names of the headers the helper sets (`res.cookie(…)`, `res.set('Location', url)`). */
  headerNames: string[];
  /** Does the helper set a header whose name it does not spell (`res.set(headers)`)? */
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

/** The headers one link of a response chain sets, or undefined when it sets headers the code does not name. */
function linkHeaders(link: ChainLink): Omit<HeaderSet, 'node'>[] | undefined {
  if (NAMED_HEADERS[link.name]) return [{ name: NAMED_HEADERS[link.name] }];
  if (!HEADER_METHODS.has(link.name)) return [];
  const first = link.call.arguments[0] && skipTypeWrappers(link.call.arguments[0]);
  if (first && ts.isStringLiteralLike(first)) return [{ name: first.text.toLowerCase() }];
  if (!first || !ts.isObjectLiteralExpression(first)) return undefined;
  const named = first.properties.flatMap((property) => (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? [{ name: property.name.text.toLowerCase() }] : []));
  return named.length === first.properties.length ? named : undefined;
}

/** A local of the helper assigned once from an object literal (`var data = { status: 0, message: msg }`). */
function localObject(fn: HelperNode, name: string): ts.ObjectLiteralExpression | undefined {
  const found: ts.VariableDeclaration[] = [];
  for (const node of fn.body ? listedWithin(fn.body) : []) {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name) found.push(node);
  }
  const init = found.length === 1 && found[0].initializer && skipTypeWrappers(found[0].initializer);
  return init && ts.isObjectLiteralExpression(init) ? init : undefined;
}

/** The parameter a send's body comes from: the body itself, or a property of an object body (`inObject`). */
function bodyParameter(fn: HelperNode, body: ts.Expression | undefined, parameters: ReadonlyMap<string, number>): { index: number; inObject: boolean } | undefined {
  let value = body && skipTypeWrappers(body);
  if (!value) return undefined;
  const direct = ts.isIdentifier(value) ? parameters.get(value.text) : undefined;
  if (direct !== undefined) return { index: direct, inObject: false };
  if (ts.isIdentifier(value)) value = localObject(fn, value.text);
  if (!value || !ts.isObjectLiteralExpression(value)) return undefined;
  const fromParameters = value.properties.flatMap((property) => {
    const key = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : '';
    const source = ts.isShorthandPropertyAssignment(property) ? property.name : ts.isPropertyAssignment(property) ? skipTypeWrappers(property.initializer) : undefined;
    const index = source && ts.isIdentifier(source) ? parameters.get(source.text) : undefined;
    return index === undefined ? [] : [{ key, index }];
  });
  // `{ message: msg, data: errors }`: the detail may be in any of them, so no one argument is the body.
  if (new Set(fromParameters.map(({ index }) => index)).size > 1) return undefined;
  const index = (fromParameters.find(({ key }) => MESSAGE_KEYS.test(key)) ?? fromParameters[0])?.index;
  return index === undefined ? undefined : { index, inObject: true };
}

export function placeOf(node: ts.Node): SourcePlace {
  const sourceFile = node.getSourceFile();
  const start = node.getStart(sourceFile);
  const end = node.getEnd();
  return { fileName: sourceFile.fileName, start, end, startLine: sourceFile.getLineAndCharacterOfPosition(start), endLine: sourceFile.getLineAndCharacterOfPosition(end) };
}

/**
 * The status of a helper that sets one of its own on every use of the response (`res.status(401)`):
 * one code, pinned by the helper's file. A status chosen by a condition or by other code is not.
 */
function fixedStatus(setters: readonly (ts.Expression | undefined)[], bindings: Bindings): HelperStatus | undefined {
  const statuses = setters.map((expression) => {
    const branches = expression ? statusBranches(expression, bindings) : [];
    return branches.length === 1 && branches[0].status.code !== undefined ? { code: branches[0].status.code, node: expression! } : undefined;
  });
  const codes = new Set(statuses.map((status) => status?.code));
  const [first] = statuses;
  return first && codes.size === 1 ? { from: 'body', code: first.code, place: placeOf(first.node) } : undefined;
}

/** Reads a function as a helper: a response parameter it sends on, with a status a parameter gives or it sets itself. */
export function readHelper(name: string, fn: HelperNode, bindings: Bindings): HelperSummary | undefined {
  // A TypeScript `this` parameter takes no argument.
  const parameters = fn.parameters.filter((parameter) => !(ts.isIdentifier(parameter.name) && parameter.name.text === 'this'));
  const indexes = new Map<string, number>();
  parameters.forEach((parameter, index) => {
    if (ts.isIdentifier(parameter.name) && !parameter.dotDotDotToken) indexes.set(parameter.name.text, index);
  });
  const uses: ResponseUse[] = [];
  const names = new Set(indexes.keys());
  for (const node of fn.body ? listedWithin(fn.body) : []) {
    const use = responseUseAt(node, names);
    if (use) uses.push(use);
  }
  const parameterOf = (expression: ts.Expression | undefined): number | undefined => {
    const value = expression && skipTypeWrappers(expression);
    return value && ts.isIdentifier(value) ? indexes.get(value.text) : undefined;
  };
  const responseOf = (use: ResponseUse): string | undefined => chainRootIdentifier(use.statusCodeAssignment?.target ?? use.expression)?.text;
  const statusOf = (use: ResponseUse): ts.Expression | undefined => use.statusCodeAssignment?.value ?? use.links.find((link) => STATUS_SETTERS.has(link.name))?.call.arguments[0];
  const setsStatus = (use: ResponseUse): boolean => use.statusCodeAssignment !== undefined || use.links.some((link) => STATUS_SETTERS.has(link.name));
  const responseIndexOf = (use: ResponseUse): number | undefined => {
    const response = responseOf(use);
    return response === undefined || !setsStatus(use) ? undefined : indexes.get(response);
  };
  // A status parameter wins (`if (!msg) return res.status(500)…; return res.status(status)…`); else the helper's own.
  const given = uses.find((use) => {
    const statusIndex = parameterOf(statusOf(use));
    return responseIndexOf(use) !== undefined && statusIndex !== undefined && statusIndex !== responseIndexOf(use);
  });
  const use = given ?? uses.find((candidate) => responseIndexOf(candidate) !== undefined);
  const response = use && responseOf(use);
  const responseIndex = use && responseIndexOf(use);
  if (!use || response === undefined || responseIndex === undefined) return undefined;
  const responseUses = uses.filter((other) => responseOf(other) === response);
  const statusIndex = parameterOf(statusOf(use));
  const status: HelperStatus | undefined =
    given && statusIndex !== undefined
      ? { from: 'parameter', index: statusIndex, defaultCode: defaultCodeOf(parameters[statusIndex].initializer, bindings) }
      : fixedStatus(responseUses.filter(setsStatus).map(statusOf), bindings);
  if (!status) return undefined;
  // The send: in the same chain, or in another use of the same response parameter.
  const sendLink = responseUses.flatMap((other) => other.links).find((link) => SEND_METHODS.has(link.name));
  // Read as Express reads it: the helper's response is one (`res.json(x)` sends data, `res.sendStatus(n)` nothing).
  const send = sendLink && sendOf({ method: sendLink.name, call: sendLink.call });
  if (!sendLink || !send || send.kind === 'redirect') return undefined;
  const headerSets = responseUses.flatMap((other) => other.links.map(linkHeaders));
  const body = bodyParameter(fn, BODY_SENDERS.has(sendLink.name) ? sendLink.call.arguments[0] : undefined, indexes);
  return {
    name,
    responseIndex,
    status,
    bodyIndex: body?.index,
    kind: send.kind,
    // A message the helper wraps in its own object is text to the caller.
    encoding: body?.inObject ? 'text' : send.encoding,
    headerNames: headerSets.flatMap((headers) => headers ?? []).map((header) => header.name),
    unnamedHeaders: headerSets.includes(undefined),
  };
}

function defaultCodeOf(initializer: ts.Expression | undefined, bindings: Bindings): number | undefined {
  const branches = initializer ? statusBranches(initializer, bindings) : [];
  return branches.length === 1 ? branches[0].status.code : undefined;
}

const isFunction = (node: ts.Node): node is HelperNode => ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node);

/**
 * The helpers a module exports, by their path from the module's namespace (`sendError`,
 * `default.ok`, `Responses.ok`): the exported functions (`facts/exports.ts`) that read as helpers.
 */
export function exportedHelpers(sourceFile: ts.SourceFile): Map<string, HelperSummary> {
  const bindings = new Map<string, Binding>();
  // The file's one walk for the module's bindings and its file index, whose runs the helpers are read from.
  const indexing = fileIndexing();
  walkFile(sourceFile, [{ key: 'bindings', kinds: BINDING_KINDS, read: (node) => addBindingsOf(node, bindings) }, ...indexing.parts], false);
  indexing.remember(sourceFile);
  const helpers = new Map<string, HelperSummary>();
  for (const [path, value] of exportedValues(sourceFile)) {
    if (!isFunction(value)) continue;
    const helper = readHelper(path.slice(path.lastIndexOf('.') + 1), value, bindings);
    if (helper) helpers.set(path, helper);
  }
  return helpers;
}

/** Summaries of the modules read lately, by file name, kept while their text is the same. */
const summaryCache = new Map<string, { text: string; helpers: ReadonlyMap<string, HelperSummary> }>();
const CACHED_MODULES = 200;

/**
 * The helpers a module's text exports; none when it does not parse cleanly (half an edit, not a
 * script at all) or is pathologically deep.
 */
export function moduleHelpers(fileName: string, text: string): ReadonlyMap<string, HelperSummary> {
  const cached = summaryCache.get(fileName);
  if (cached?.text === text) return cached.helpers;
  let helpers: ReadonlyMap<string, HelperSummary> = new Map();
  try {
    const sourceFile = parse(text, fileName);
    if (parseErrorCount(sourceFile) === 0) helpers = exportedHelpers(sourceFile);
  } catch (error) {
    if (!isParserFailure(error) && !(error instanceof RangeError)) throw error;
  }
  summaryCache.delete(fileName);
  summaryCache.set(fileName, { text, helpers });
  // Oldest first in a Map's order: drop it.
  if (summaryCache.size > CACHED_MODULES) summaryCache.delete(summaryCache.keys().next().value!);
  return helpers;
}
