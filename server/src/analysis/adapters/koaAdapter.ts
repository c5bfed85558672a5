// Edits in Koa's idiom: statements on the context (`ctx.status = 404;`, `ctx.set('Location', url);`,
// `ctx.body = …;`) for responses the handler assigns, and arguments of `ctx.throw` / `ctx.assert`
// for the errors Koa sends (its error handling clears headers set before a throw, so an error's
// headers go in its props: `ctx.throw(401, msg, { headers })`).
import ts from 'typescript';
import { insertStatementBefore } from '../edits/fixes';
import { indentationAt, quoted } from '../facts/style';
import { skipTypeWrappers } from '../facts/syntax';
import type { RuleContext } from '../rule';
import type { Fix, ResponseSite, TextEdit } from '../types';
import type { HeaderToAdd, ResponseAdapter } from './adapter';
import { headersUnknown } from './headersElsewhere';
import { httpErrorsHeadersEdit } from './thrownErrors';

/** A statement a new one can go before or after without changing what runs (not a braceless `if`'s branch). */
function statementInBlock(site: ResponseSite): ts.Statement | undefined {
  const statement = site.statement;
  const parent = statement.parent;
  return ts.isExpressionStatement(statement) && (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent)) ? statement : undefined;
}

function terminated(statement: string, context: RuleContext): string {
  return `${statement}${context.style.semicolons ? ';' : ''}`;
}

/** `ctx.status = 404;` before the response's statement. */
function setDefaultStatusEdit(site: ResponseSite, status: string, context: RuleContext): TextEdit | undefined {
  return statementInBlock(site) ? insertStatementBefore(site, `${site.responseName}.status = ${status}`, context) : undefined;
}

/** `ctx.set('Location', url);` statements before the response's (Koa sends headers when the middleware is done). */
function addHeadersEdit(site: ResponseSite, headers: readonly HeaderToAdd[], context: RuleContext): TextEdit | undefined {
  const statement = statementInBlock(site);
  // Koa's context has no `baseUrl` (a router's prefix is not on it): no value is built from one.
  if (!statement || headers.some(([, value]) => value.includes(`${site.responseName}.baseUrl`))) return undefined;
  const indent = indentationAt(context.text, statement.getStart());
  const calls = headers.map(([name, value]) => `${site.responseName}.set(${quoted(name, context.style)}, ${value})`);
  return insertStatementBefore(site, calls.join(`${context.style.semicolons ? ';' : ''}${context.style.eol}${indent}`), context);
}

/** The status made explicit or replaced, for edits that also change the body. */
function statusEdits(site: ResponseSite, status: string | undefined, context: RuleContext): TextEdit[] | undefined {
  if (status === undefined) return [];
  const edit = site.status.expression ? { ...site.status.range, newText: status } : setDefaultStatusEdit(site, status, context);
  return edit ? [edit] : undefined;
}

/** Replaces `ctx.body`'s value, or adds `ctx.body = …;` after a status set on its own. */
function sendBodyEdits(site: ResponseSite, body: string, context: RuleContext, status?: string): TextEdit[] | undefined {
  const statuses = statusEdits(site, status, context);
  if (!statuses || site.send?.kind === 'redirect') return undefined;
  if (site.body) return [...statuses, { start: site.body.getStart(), end: site.body.getEnd(), newText: body }];
  const statement = statementInBlock(site);
  if (!statement) return undefined;
  const indent = indentationAt(context.text, statement.getStart());
  return [...statuses, { start: statement.getEnd(), end: statement.getEnd(), newText: `${context.style.eol}${indent}${terminated(`${site.responseName}.body = ${body}`, context)}` }];
}

/** Removes the `ctx.body = x;` statement, with its line. */
function dropBodyFix(site: ResponseSite): Fix | undefined {
  const statement = site.body ? statementInBlock(site) : undefined;
  if (!statement) return undefined;
  const text = statement.getSourceFile().text;
  const lineStart = text.lastIndexOf('\n', statement.getStart() - 1) + 1;
  const alone = /^[ \t]*$/.test(text.slice(lineStart, statement.getStart())) && /^[ \t]*\r?\n/.test(text.slice(statement.getEnd()));
  const range = alone ? { start: lineStart, end: statement.getEnd() + /^[ \t]*\r?\n/.exec(text.slice(statement.getEnd()))![0].length } : { start: statement.getStart(), end: statement.getEnd() };
  return { title: `Remove the body (\`${site.responseName}.body = …\`)`, edits: [{ ...range, newText: '' }] };
}

export const koaAdapter: ResponseAdapter = {
  framework: 'koa',
  setDefaultStatusEdit,
  headersMayBeSetElsewhere: headersUnknown,
  addHeadersEdit,
  sendBodyEdits,
  dropBodyFix,
  // Koa ends every response when the middleware is done: a status set alone sends its reason phrase.
  completeResponseFixes: () => [],
  completesLater: () => true,
  stringStatusProblem: (site) => (site.shape.setter === 'assign' ? 'Koa throws for it ("status code must be a number")' : undefined),
};

/** Where the status goes in `ctx.throw(msg)` (first) or `ctx.assert(value, msg)` (after the value). */
function thrownStatusEdit(site: ResponseSite, status: string): TextEdit | undefined {
  const call = site.statusNode;
  if (!call || !ts.isCallExpression(call)) return undefined;
  const before = site.shape.setter === 'assert' ? call.arguments[1] : call.arguments[0];
  if (before) return { start: before.getStart(), end: before.getStart(), newText: `${status}, ` };
  const after = call.arguments[0];
  return after ? { start: after.getEnd(), end: after.getEnd(), newText: `, ${status}` } : undefined;
}

/** A message for `ctx.throw` / `ctx.assert`: only text (an object there is http-errors' props, not a body). */
function thrownBodyEdits(site: ResponseSite, body: string, _context: RuleContext, status?: string): TextEdit[] | undefined {
  if (!/^['"`]/.test(body)) return undefined;
  const edits: TextEdit[] = [];
  if (status !== undefined) {
    const edit = site.status.expression ? { ...site.status.range, newText: status } : thrownStatusEdit(site, status);
    if (!edit) return undefined;
    edits.push(edit);
  }
  if (site.body && ts.isStringLiteralLike(skipTypeWrappers(site.body))) return [...edits, { start: site.body.getStart(), end: site.body.getEnd(), newText: body }];
  const statusArgument = site.status.expression;
  if (site.body || !statusArgument) return undefined;
  return [...edits, { start: statusArgument.getEnd(), end: statusArgument.getEnd(), newText: `, ${body}` }];
}

/** `ctx.throw` and `ctx.assert`: errors Koa sends with their status, message and the headers in their props. */
export const koaErrorAdapter: ResponseAdapter = {
  framework: 'koa',
  setDefaultStatusEdit: (site, status) => thrownStatusEdit(site, status),
  headersMayBeSetElsewhere: () => false,
  addHeadersEdit: httpErrorsHeadersEdit,
  sendBodyEdits: thrownBodyEdits,
  dropBodyFix: () => undefined,
  completeResponseFixes: () => [],
  completesLater: () => true,
  stringStatusProblem: () => undefined,
};
