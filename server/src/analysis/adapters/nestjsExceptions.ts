// NestJS's exceptions: `throw new NotFoundException('No such user')` answers 404 through Nest's
// exception filter, in a controller or in a service it calls; `new HttpException(body, status)`
// carries its status as an argument. Read for `thrownErrors.ts` (`nestExceptions`) into
// error-handler sites whose edits are Nest's: another exception class for another status, the
// message in its constructor; the route method's `@Header` decorators are the headers they carry.
import ts from 'typescript';
import type { Bindings } from '../facts/bindings';
import { rangeOf, resolveStatus } from '../facts/status';
import { calleeOf, skipTypeWrappers } from '../facts/syntax';
import type { RuleContext } from '../rule';
import type { CallBefore, HeaderSet, ResponseSite, TextEdit } from '../types';
import type { ResponseAdapter } from './adapter';
import type { CarriedStatus, ExceptionReader } from './collector';
import { nestImports, withNestImport } from './nestjs';
import { headerDecorators } from './nestjsDecorators';

/** Nest's built-in exceptions (`@nestjs/common/exceptions`) and the status each sends. */
const EXCEPTION_CODES = new Map<string, number>([
  ['BadRequestException', 400],
  ['UnauthorizedException', 401],
  ['ForbiddenException', 403],
  ['NotFoundException', 404],
  ['MethodNotAllowedException', 405],
  ['NotAcceptableException', 406],
  ['RequestTimeoutException', 408],
  ['ConflictException', 409],
  ['GoneException', 410],
  ['PreconditionFailedException', 412],
  ['PayloadTooLargeException', 413],
  ['UnsupportedMediaTypeException', 415],
  ['ImATeapotException', 418],
  ['MisdirectedException', 421],
  ['UnprocessableEntityException', 422],
  ['InternalServerErrorException', 500],
  ['NotImplementedException', 501],
  ['BadGatewayException', 502],
  ['ServiceUnavailableException', 503],
  ['GatewayTimeoutException', 504],
  ['HttpVersionNotSupportedException', 505],
]);

/**
 * The status a `new …Exception(…)` of `@nestjs/common` carries, and what it sends: its first
 * argument (a message, or an object that becomes the body). `imported` maps the file's local names to Nest's.
 */
function nestExceptionStatus(error: ts.NewExpression | ts.CallExpression, imported: ReadonlyMap<string, string>, bindings: Bindings): CarriedStatus | undefined {
  const callee = skipTypeWrappers(error.expression);
  const name = ts.isNewExpression(error) && ts.isIdentifier(callee) ? imported.get(callee.text) : undefined;
  if (!name) return undefined;
  const [first, second] = error.arguments ?? [];
  if (name === 'HttpException') {
    const status = second && resolveStatus(second, bindings);
    return status && status.code !== undefined ? { status, message: first, adapter: nestExceptionAdapter } : undefined;
  }
  const code = EXCEPTION_CODES.get(name);
  // The class name is the status: a fix names another class, so there is no expression to replace.
  return code === undefined ? undefined : { status: { source: 'constant', code, range: rangeOf(callee) }, message: first, adapter: nestExceptionAdapter };
}

/** The built-in exception class that sends `code`, when Nest has one. */
function exceptionFor(code: number): string | undefined {
  for (const [name, value] of EXCEPTION_CODES) if (value === code) return name;
  return undefined;
}

/** `new NotFoundException(…)` → `new ConflictException(…)`, importing the new class where needed. */
function swapExceptionEdit(site: ResponseSite, status: string, context: RuleContext): TextEdit | undefined {
  const error = site.statusNode;
  const name = /^\d+$/.test(status) ? exceptionFor(Number(status)) : undefined;
  if (!name || !error || !ts.isNewExpression(error)) return undefined;
  const callee = skipTypeWrappers(error.expression);
  const local = [...nestImports(context.sourceFile)].find(([, imported]) => imported === name)?.[0];
  const edit = { start: callee.getStart(), end: callee.getEnd(), newText: local ?? name };
  return local ? edit : withNestImport(name, edit, context);
}

/** The message in the exception's constructor: replaced, or given where there is none. */
function messageEdits(site: ResponseSite, body: string, context: RuleContext, status?: string): TextEdit[] | undefined {
  const error = site.statusNode;
  if (!error || !ts.isNewExpression(error) || !/^['"`{]/.test(body)) return undefined;
  const edits: TextEdit[] = [];
  if (status !== undefined) {
    const edit = site.status.expression ? { ...site.status.range, newText: status } : swapExceptionEdit(site, status, context);
    if (!edit) return undefined;
    edits.push(edit);
  }
  if (site.body) return [...edits, { start: site.body.getStart(), end: site.body.getEnd(), newText: body }];
  if (error.arguments && error.arguments.length > 0) return undefined;
  const open = error.getEnd() - 1;
  return context.text[open] === ')' ? [...edits, { start: open, end: open, newText: body }] : undefined;
}

/** Nest's exception filter sends the exception: headers cannot ride on it, and the response is always finished. */
const nestExceptionAdapter: ResponseAdapter = {
  framework: 'nestjs',
  setDefaultStatusEdit: swapExceptionEdit,
  headersMayBeSetElsewhere: () => false,
  addHeadersEdit: () => undefined,
  sendBodyEdits: messageEdits,
  dropBodyFix: () => undefined,
  completeResponseFixes: () => [],
  completesLater: () => true,
  stringStatusProblem: () => undefined,
};

const isGetResponse = (node: ts.Expression): boolean => ts.isCallExpression(node) && calleeOf(node)?.name === 'getResponse';

/**
 * Headers a guard or filter sets on the platform response before it throws
 * (`context.switchToHttp().getResponse().setHeader('WWW-Authenticate', …)`, or through a `const res`
 * holding it): Nest's exception filter answers through that same response, so they go out with the error.
 */
function headersSetOnHttpResponse(callsBefore: readonly CallBefore[]): HeaderSet[] {
  const holders = new Set(
    callsBefore.flatMap(({ node }) => (isGetResponse(node) && ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name) ? [node.parent.name.text] : [])),
  );
  return callsBefore.flatMap(({ name, node }) => {
    const [header] = node.arguments;
    if ((name !== 'setHeader' && name !== 'header') || !header || !ts.isStringLiteralLike(header) || !ts.isPropertyAccessExpression(node.expression)) return [];
    const receiver = skipTypeWrappers(node.expression.expression);
    const onResponse = isGetResponse(receiver) || (ts.isIdentifier(receiver) && holders.has(receiver.text));
    return onResponse ? [{ name: header.text.toLowerCase(), node }] : [];
  });
}

/** Nest's exceptions in a file that imports `@nestjs/common`, and the headers that go out with them. */
export const nestExceptions: ExceptionReader = {
  forFile(sourceFile, bindings) {
    const imported = nestImports(sourceFile);
    if (imported.size === 0) return undefined;
    return {
      statusOf: (error) => nestExceptionStatus(error, imported, bindings),
      handlerHeaders: (handler) => headerDecorators(handler.node),
      headersBefore: headersSetOnHttpResponse,
    };
  },
};
