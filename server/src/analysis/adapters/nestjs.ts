// NestJS controllers: a route method (`@Get`, `@Post`, … in a `@Controller` class) answers with
// what it returns, with 200 (201 for `@Post`) unless `@HttpCode(N)` says otherwise, the headers of
// its `@Header(name, value)` decorators, or a redirect (`@Redirect(url, code)`, 302 by default).
// A method that takes `@Res() res` sends through an Express response: the Express collector reads
// it. Thrown exceptions (`NotFoundException`) are read in `thrownErrors.ts` (`nestjsExceptions.ts`).
import ts from 'typescript';
import { responseUseAt } from './chains';
import { constantName } from '../facts/constants';
import { indentationAt, quoted } from '../facts/style';
import { resolveStatus, rangeOf } from '../facts/status';
import { skipTypeWrappers } from '../facts/syntax';
import type { RuleContext } from '../rule';
import type { Fix, Handler, ResponseSite, Send, StatusValue, TextEdit } from '../types';
import type { HeaderToAdd, ResponseAdapter } from './adapter';
import type { FileReading, SiteCollector } from './collector';
import { decoratorNamed, headerDecorators, nestParameters, nestRoute, type NestRoute } from './nestjsDecorators';
import { surroundings, walkHandler } from './sites';
import type { Bindings } from '../facts/bindings';

const NEST_MODULE = '@nestjs/common';

/** Names the file imports from `@nestjs/common`: local name → exported name. */
export function nestImports(sourceFile: ts.SourceFile): Map<string, string> {
  const names = new Map<string, string>();
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || statement.moduleSpecifier.text !== NEST_MODULE) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) names.set(element.name.text, (element.propertyName ?? element.name).text);
  }
  return names;
}

/**
 * Turns `edit` into one that also adds `name` to the `@nestjs/common` import (one edit from the
 * import to `edit`: the adapter interface gives a fix one edit). Undefined without such an import.
 */
export function withNestImport(name: string, edit: TextEdit, context: RuleContext): TextEdit | undefined {
  const imported = nestImports(context.sourceFile);
  if ([...imported.values()].includes(name)) return edit;
  const declaration = context.sourceFile.statements.find(
    (statement): statement is ts.ImportDeclaration => ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text === NEST_MODULE,
  );
  const bindings = declaration?.importClause?.namedBindings;
  if (!bindings || !ts.isNamedImports(bindings) || bindings.elements.length === 0) return undefined;
  const elements = bindings.elements;
  const last = elements[elements.length - 1];
  // An import written one name per line gets the new name on a line of its own.
  const multiline = context.text.slice(bindings.getStart(), elements[0].getStart()).includes('\n');
  const separator = multiline ? `${context.style.eol}${indentationAt(context.text, last.getStart())}` : ' ';
  const [at, added] = elements.hasTrailingComma ? [elements.end, `${separator}${name},`] : [last.getEnd(), `,${separator}${name}`];
  if (at > edit.start) return undefined;
  return { start: at, end: edit.end, newText: added + context.text.slice(at, edit.start) + edit.newText };
}

/** `HttpStatus.NO_CONTENT` when the file imports HttpStatus, else the number: how the file names statuses. */
function statusInFileStyle(status: string, context: RuleContext): string {
  if (!/^\d+$/.test(status)) return status;
  for (const [local, binding] of context.bindings) {
    const name = binding.kind === 'table' && binding.table === 'nestjs' ? constantName('nestjs', Number(status)) : undefined;
    if (name) return `${local}.${name}`;
  }
  return status;
}

/** Inserts decorators named `name` on the lines after the route decorator (`@Post()` then `@HttpCode(201)`), adding `name` to the import. */
function decoratorEdit(handler: Handler | undefined, name: string, decorators: string, context: RuleContext): TextEdit | undefined {
  const route = handler && ts.isMethodDeclaration(handler.node) ? nestRoute(handler.node) : undefined;
  if (!route) return undefined;
  const at = route.decorator.decorator.getEnd();
  const eol = context.style.eol;
  const onItsOwnLine = context.text.slice(at).startsWith(eol);
  const indent = indentationAt(context.text, route.decorator.decorator.getStart());
  const lines = decorators.split('\n');
  return withNestImport(name, { start: at, end: at, newText: onItsOwnLine ? lines.map((line) => `${eol}${indent}${line}`).join('') : ` ${lines.join(' ')}` }, context);
}

/** The site's route method, when the site is one of a controller's. */
function routeMethod(site: ResponseSite): ts.MethodDeclaration | undefined {
  const node = site.handler?.node;
  return node && ts.isMethodDeclaration(node) ? node : undefined;
}

/** A default status made explicit: `@HttpCode(N)` under the route decorator, or a code for `@Redirect(url)`. */
function setDefaultStatusEdit(site: ResponseSite, status: string, context: RuleContext): TextEdit | undefined {
  // One `@HttpCode` answers for every return of the method: it cannot change one return alone.
  if (context.sites.filter((other) => other.handler === site.handler && other.adapter === site.adapter).length > 1) return undefined;
  const text = statusInFileStyle(status, context);
  const method = routeMethod(site);
  const redirect = method && decoratorNamed(method, 'Redirect');
  if (redirect) {
    const url = redirect.args[0];
    return url && redirect.args.length === 1 ? { start: url.getEnd(), end: url.getEnd(), newText: `, ${text}` } : undefined;
  }
  return decoratorEdit(site.handler, 'HttpCode', `@HttpCode(${text})`, context);
}

/** `@Header('Retry-After', '120')`: only values the code spells as strings, since a decorator cannot read the request. */
function addHeadersEdit(site: ResponseSite, headers: readonly HeaderToAdd[], context: RuleContext): TextEdit | undefined {
  if (!headers.every(([, value]) => /^(['"])[^'"`]*\1$/.test(value))) return undefined;
  return decoratorEdit(site.handler, 'Header', headers.map(([name, value]) => `@Header(${quoted(name, context.style)}, ${value})`).join('\n'), context);
}

/** The returned value replaced (or given to a bare `return`), with the status made explicit where asked. */
function sendBodyEdits(site: ResponseSite, body: string, context: RuleContext, status?: string): TextEdit[] | undefined {
  const returned = site.send?.node;
  if (!returned || !ts.isReturnStatement(returned)) return undefined;
  const edits: TextEdit[] = [];
  if (status !== undefined) {
    const edit = site.status.expression ? { ...site.status.range, newText: status } : setDefaultStatusEdit(site, status, context);
    if (!edit) return undefined;
    edits.push(edit);
  }
  const value = site.body ?? returned.expression;
  if (value) return [...edits, { start: value.getStart(), end: value.getEnd(), newText: body }];
  const keyword = returned.getStart() + 'return'.length;
  return [...edits, { start: keyword, end: keyword, newText: ` ${body}` }];
}

/** `return x` → `return`: with `@HttpCode(204)` the method returns nothing. */
function dropBodyFix(site: ResponseSite): Fix | undefined {
  const returned = site.send?.node;
  if (!returned || !ts.isReturnStatement(returned) || !returned.expression) return undefined;
  // Only a value without side effects may go: `return this.users.remove(id)` must still run.
  if (ts.isCallExpression(skipTypeWrappers(site.body ?? returned.expression)) || ts.isAwaitExpression(returned.expression)) return undefined;
  return { title: 'Remove the returned body (`return`)', edits: [{ start: returned.getStart() + 'return'.length, end: returned.expression.getEnd(), newText: '' }] };
}

/** Code the file cannot see may set headers: a passthrough response, or the response reached through the request (`req.res`). */
function headersMayBeSetElsewhere(site: ResponseSite): boolean {
  const method = routeMethod(site);
  if (!method) return false;
  if (site.handler?.responseName) return true;
  let reached = false;
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'res') reached = true;
    if (!reached) ts.forEachChild(node, visit);
  };
  if (method.body) visit(method.body);
  return reached;
}

export const nestjsAdapter: ResponseAdapter = {
  framework: 'nestjs',
  setDefaultStatusEdit,
  headersMayBeSetElsewhere,
  addHeadersEdit,
  sendBodyEdits,
  dropBodyFix,
  // Nest sends what the method returns: no status is ever left unsent.
  completeResponseFixes: () => [],
  completesLater: () => true,
  stringStatusProblem: () => undefined,
};

/** The status a method's decorators give, with the decorator that gives it. */
function methodStatus(method: ts.MethodDeclaration, route: NestRoute, bindings: Bindings): { status: StatusValue; node?: ts.Decorator; redirect?: ts.Decorator } {
  const httpCode = decoratorNamed(method, 'HttpCode');
  const redirect = decoratorNamed(method, 'Redirect');
  if (httpCode?.args[0]) return { status: resolveStatus(httpCode.args[0], bindings), node: httpCode.decorator, redirect: redirect?.decorator };
  if (redirect?.args[1]) return { status: resolveStatus(redirect.args[1], bindings), node: redirect.decorator, redirect: redirect.decorator };
  if (redirect) return { status: { source: 'implicit', code: 302, range: rangeOf(redirect.decorator.expression) }, redirect: redirect.decorator };
  return { status: { source: 'implicit', code: route.method === 'post' ? 201 : 200, range: rangeOf(route.decorator.decorator.expression) } };
}

/** The `return` statements of a method, not those of functions inside it. */
function returnsOf(method: ts.MethodDeclaration): ts.ReturnStatement[] {
  const found: ts.ReturnStatement[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  if (method.body) ts.forEachChild(method.body, visit);
  return found;
}

/** What a `return` sends: a view under `@Render`, a file (`new StreamableFile(…)`), nothing, or data. */
function sendOfReturn(returned: ts.ReturnStatement | undefined, method: ts.MethodDeclaration, redirect: ts.Decorator | undefined, status: StatusValue): Send {
  const node = returned ?? method.name;
  if (redirect) {
    const target = decoratorNamed(method, 'Redirect')?.args[0];
    return { kind: 'redirect', node, label: '@Redirect(…)', encoding: 'text', target };
  }
  if (decoratorNamed(method, 'Render')) return { kind: 'view', node, label: '@Render(…)', encoding: 'text' };
  const value = returned?.expression && unwrapAwait(returned.expression);
  // Under 204 a method that returns a call (`return this.users.remove(id)`) passes on completion, not data.
  const passesOnCompletion = status.code === 204 && value !== undefined && ts.isCallExpression(value);
  if (!value || passesOnCompletion || declaresVoid(method.type) || value.kind === ts.SyntaxKind.VoidExpression || (ts.isIdentifier(value) && value.text === 'undefined')) return { kind: 'empty', node, label: 'the returned value', encoding: 'auto' };
  if (ts.isNewExpression(value) && value.expression.getText() === 'StreamableFile') return { kind: 'file', node, label: 'the returned file', encoding: 'text' };
  return { kind: 'data', node, label: 'the returned value', encoding: 'auto' };
}

/** `: void`, `: Promise<void>`: the method says it returns nothing, whatever its `return` passes on. */
function declaresVoid(type: ts.TypeNode | undefined): boolean {
  if (!type) return false;
  if (type.kind === ts.SyntaxKind.VoidKeyword) return true;
  return ts.isTypeReferenceNode(type) && /^(Promise|Observable)$/.test(type.typeName.getText()) && type.typeArguments?.length === 1 && declaresVoid(type.typeArguments[0]);
}

function unwrapAwait(expression: ts.Expression): ts.Expression {
  const value = skipTypeWrappers(expression);
  return ts.isAwaitExpression(value) ? skipTypeWrappers(value.expression) : value;
}

/** Each response of a route method: one per `return`, or one for a method that returns nothing. */
function methodSites(handler: Handler, bindings: Bindings): ResponseSite[] {
  const method = handler.node as ts.MethodDeclaration;
  const route = nestRoute(method);
  if (!route) return [];
  const { uses, calls, names } = walkHandler(handler, responseUseAt);
  // A passthrough response whose status the method sets (`res.status(…)`): the code does not say enough.
  if (uses.some((use) => use.statusCodeAssignment || use.links.some((link) => link.name === 'status'))) return [];
  const { status, node: statusNode, redirect } = methodStatus(method, route, bindings);
  const headers = headerDecorators(method);
  const returns = returnsOf(method);
  const answers: (ts.ReturnStatement | undefined)[] = returns.length > 0 ? returns : [undefined];
  return answers.map((returned) => {
    const send = sendOfReturn(returned, method, redirect, status);
    // A bare `return` or a method without one has no expression of its own: the method's name stands for it.
    const chain = returned?.expression ?? (method.name as ts.Identifier);
    return {
      adapter: nestjsAdapter,
      responseName: handler.responseName,
      responseNames: new Set([...names].filter((name) => name !== '')),
      handler,
      route: { method: route.method, path: route.path },
      // One decorator answers for every return: with several, no fix can change it for one of them.
      status: answers.length > 1 ? { ...status, expression: undefined } : status,
      statusNode,
      send,
      body: send.kind === 'data' && returned?.expression ? unwrapAwait(returned.expression) : undefined,
      headers,
      chain,
      statement: returned ?? method,
      ...surroundings(returned ?? method, method),
      callsBefore: calls.filter((call) => !returned || call.node.getEnd() <= returned.getStart()),
      shape: { setter: 'implicit' },
    };
  });
}

/** The Handler of a route method, unless it takes an Express response and sends it itself (the Express collector reads those). */
function nestHandler(method: ts.MethodDeclaration): Handler | undefined {
  const route = nestRoute(method);
  const parameters = nestParameters(method);
  if (!route || !method.body || !ts.isIdentifier(method.name) || (parameters?.responseName && !parameters.passthrough)) return undefined;
  return {
    node: method,
    method: route.method,
    path: route.path,
    requestName: parameters?.requestName,
    responseName: parameters?.responseName ?? '',
    requestParts: parameters?.requestParts,
  };
}

/** Route methods of `@Controller` classes, found during the walk; their sites after it. */
export class NestCollector implements SiteCollector {
  private readonly methods: ts.MethodDeclaration[] = [];
  private resolved: Handler[] | undefined;

  visit(node: ts.Node): boolean {
    if (!ts.isMethodDeclaration(node) || !ts.canHaveDecorators(node) || !ts.getDecorators(node)) return false;
    this.methods.push(node);
    return true;
  }

  handlers(): readonly Handler[] {
    return (this.resolved ??= this.methods.flatMap((method) => nestHandler(method) ?? []));
  }

  sites(file: FileReading): ResponseSite[] {
    return this.handlers().flatMap((handler) => methodSites(handler, file.bindings));
  }
}
