// Drift between what the code sends and what an OpenAPI document promises, both ways: a status
// the code sends that the operation does not declare, a declared status no code path sends, a
// route with no operation and an operation with no route. Pure: routes come in as plain data.
import { reasonPhrase } from '../../knowledge';
import type { HttpMethod, Severity, TextEdit, TextRange } from '../types';
import type { ApiOperation, DeclaredResponse, InsertionPoint, OpenApiDocument } from './document';

export interface CodeLocation {
  uri: string;
  range: TextRange;
}

/** A status one of a route's code paths sends. */
export interface SentStatus {
  code: number;
  location: CodeLocation;
  /** Set when the status is a number literal, so a fix may replace it. */
  literal?: boolean;
}

/** A route as the code registers it, with its full path (mounts and prefixes applied). */
export interface CodeRoute {
  method: HttpMethod;
  path: string;
  location: CodeLocation;
  statuses: SentStatus[];
}

export type DriftKind = 'undeclared-status' | 'unsent-status' | 'route-without-operation' | 'operation-without-route';

/**
 * Each drift kind's finding id, severity and description (the editor and the CLI report them alike).
 * Not rules of the analysis, so not in the rule settings. A status the contract does not allow is a
 * warning; what the code may send elsewhere (middleware) is information; a document that cannot be
 * read is an error.
 */
export const DRIFT_FINDINGS: Readonly<Record<DriftKind | 'malformed', { id: string; severity: Severity; description: string }>> = {
  'undeclared-status': { id: 'openapi-undeclared-status', severity: 'warning', description: 'The code sends a status that the OpenAPI operation does not declare.' },
  'unsent-status': { id: 'openapi-unsent-status', severity: 'information', description: 'The OpenAPI operation declares a status that no code path of its route sends.' },
  'route-without-operation': { id: 'openapi-route-without-operation', severity: 'information', description: 'A route in the code has no operation in the OpenAPI document.' },
  'operation-without-route': { id: 'openapi-operation-without-route', severity: 'information', description: 'An operation of the OpenAPI document has no route in the code.' },
  malformed: { id: 'openapi-malformed', severity: 'error', description: 'The OpenAPI document cannot be read.' },
};

export interface DriftFix {
  title: string;
  uri: string;
  edits: TextEdit[];
}

export interface Drift {
  kind: DriftKind;
  uri: string;
  range: TextRange;
  message: string;
  fixes: DriftFix[];
}

/** `/users/:id`, `/users/{id}` and `/users/[id]` are one template; a trailing slash does not count. */
export function pathTemplateKey(path: string): string {
  const segments = path.split('/').filter((segment) => segment !== '');
  return '/' + segments.map((segment) => (/^(:\w+[?*+]?|\{[^}]+\}|\[{1,2}\.{0,3}[^\]]+\]{1,2})$/.test(segment) ? '{}' : segment)).join('/');
}

/** Does a declared response cover this status: the same number, its class (`4XX`) or `default`? */
function covers(response: DeclaredResponse, code: number): boolean {
  return response.key === 'default' || response.key === String(code) || response.key === `${Math.floor(code / 100)}XX`;
}

/** The keys of the routes that answer an operation: its method's, and those of routes for every method. */
function operationKeys(document: OpenApiDocument, operation: ApiOperation): string[] {
  const paths = [operation.path, ...document.basePaths.map((base) => base + operation.path)].map(pathTemplateKey);
  return paths.flatMap((path) => [`${operation.method} ${path}`, `all ${path}`]);
}

function phrase(code: number): string {
  return reasonPhrase(code) ?? 'Response';
}

/** The text that adds `code` to an operation's responses, in the document's layout. */
function responseInsertion(point: InsertionPoint, code: number, json: boolean): TextEdit {
  const description = JSON.stringify(phrase(code));
  if (point.style === 'flow') {
    const entry = json ? `"${code}": { "description": ${description} }` : `'${code}': { description: ${description} }`;
    return { start: point.offset, end: point.offset, newText: ` ${entry}${point.hasEntries ? ',' : ' '}` };
  }
  const pad = ' '.repeat(point.indent);
  const entry = `${pad}'${code}':\n${pad}  description: ${description}`;
  return { start: point.offset, end: point.offset, newText: point.newlineFirst ? `\n${entry}` : `${entry}\n` };
}

function undeclared(operation: ApiOperation, route: CodeRoute, documentUri: string, json: boolean): Drift[] {
  const drifts: Drift[] = [];
  const reported = new Set<string>();
  for (const sent of route.statuses) {
    if (operation.responses.some((response) => covers(response, sent.code))) continue;
    const key = `${sent.location.uri}:${sent.location.range.start}:${sent.code}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const fixes: DriftFix[] = [];
    if (operation.responsesMap) {
      fixes.push({ title: `Declare ${sent.code} ${phrase(sent.code)} in the OpenAPI document`, uri: documentUri, edits: [responseInsertion(operation.responsesMap, sent.code, json)] });
    }
    const sameClass = operation.responses.filter((response) => /^\d{3}$/.test(response.key) && response.key[0] === String(sent.code)[0]);
    if (sent.literal && sameClass.length === 1) {
      const declared = Number(sameClass[0].key);
      fixes.push({ title: `Change ${sent.code} to ${declared} ${phrase(declared)}, as the OpenAPI document declares`, uri: sent.location.uri, edits: [{ ...sent.location.range, newText: String(declared) }] });
    }
    const declared = operation.responses.map((response) => response.key).join(', ') || 'none';
    drifts.push({
      kind: 'undeclared-status',
      uri: sent.location.uri,
      range: sent.location.range,
      message: `${sent.code} ${phrase(sent.code)} is not declared for ${operation.method.toUpperCase()} ${operation.path} in the OpenAPI document (declared: ${declared}).`,
      fixes,
    });
  }
  return drifts;
}

/**
 * A route for every method (a Next.js Pages API handler, one default export) sends what it sends
 * whatever the method, as far as the code shows: a status is undeclared only when no operation on its
 * path declares it, and is reported once, against the first of them.
 */
function undeclaredByAny(operations: readonly ApiOperation[], route: CodeRoute, documentUri: string, json: boolean): Drift[] {
  const declaredByOne = (code: number): boolean => operations.some((operation) => operation.responses.some((response) => covers(response, code)));
  return undeclared(operations[0], { ...route, statuses: route.statuses.filter((status) => !declaredByOne(status.code)) }, documentUri, json);
}

function unsent(operation: ApiOperation, routes: readonly CodeRoute[], documentUri: string): Drift[] {
  const sent = routes.flatMap((route) => route.statuses.map((status) => status.code));
  return operation.responses
    .filter((response) => response.key !== 'default' && !sent.some((code) => covers(response, code)))
    .map((response) => ({
      kind: 'unsent-status' as const,
      uri: documentUri,
      range: response.range,
      message: `No code path of ${operation.method.toUpperCase()} ${operation.path} sends ${/^\d+$/.test(response.key) ? `${response.key} ${phrase(Number(response.key))}` : `a ${response.key} status`} (middleware or the framework may).`,
      fixes: [],
    }));
}

/**
 * Drift between a document and the routes of the code. `json` says the document is JSON, so
 * inserted responses are written as JSON.
 */
export function driftOf(document: OpenApiDocument, documentUri: string, json: boolean, routes: readonly CodeRoute[]): Drift[] {
  const routesByKey = new Map<string, CodeRoute[]>();
  for (const route of routes) {
    const key = `${route.method} ${pathTemplateKey(route.path)}`;
    routesByKey.set(key, [...(routesByKey.get(key) ?? []), route]);
  }
  const matched = new Set<CodeRoute>();
  /** Routes for every method and the operations on their path: checked once all are known. */
  const operationsOfAll = new Map<CodeRoute, ApiOperation[]>();
  const drifts: Drift[] = [];
  for (const operation of document.operations) {
    const routesOfOperation = [...new Set(operationKeys(document, operation).flatMap((key) => routesByKey.get(key) ?? []))];
    if (routesOfOperation.length === 0) {
      drifts.push({ kind: 'operation-without-route', uri: documentUri, range: operation.range, message: `No route in the code answers ${operation.method.toUpperCase()} ${operation.path}.`, fixes: [] });
      continue;
    }
    for (const route of routesOfOperation) {
      if (route.method === 'all') operationsOfAll.set(route, [...(operationsOfAll.get(route) ?? []), operation]);
      else drifts.push(...undeclared(operation, route, documentUri, json));
      matched.add(route);
    }
    drifts.push(...unsent(operation, routesOfOperation, documentUri));
  }
  for (const [route, operations] of operationsOfAll) drifts.push(...undeclaredByAny(operations, route, documentUri, json));
  for (const route of routes) {
    if (matched.has(route)) continue;
    drifts.push({ kind: 'route-without-operation', uri: route.location.uri, range: route.location.range, message: `${route.method.toUpperCase()} ${route.path} has no operation in the OpenAPI document.`, fixes: [] });
  }
  return drifts;
}

/** The document's description of a status a route sends, for hovers; undefined when it declares none. */
export function declaredDescription(document: OpenApiDocument, route: Pick<CodeRoute, 'method' | 'path'>, code: number): string | undefined {
  const key = `${route.method} ${pathTemplateKey(route.path)}`;
  const operation = document.operations.find((candidate) => operationKeys(document, candidate).includes(key));
  const responses = operation?.responses ?? [];
  // The most specific declaration wins: the number, then its class, then `default`.
  const response = responses.find((candidate) => candidate.key === String(code)) ?? responses.find((candidate) => candidate.key === `${Math.floor(code / 100)}XX`) ?? responses.find((candidate) => candidate.key === 'default');
  return response?.description;
}
