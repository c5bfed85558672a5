// Fixes in Fastify's idiom: a status through `reply.code(N)` (or `reply.status(N)` where the file
// writes that), headers through `.header(name, value)` in the chain, a body through `.send(x)` or
// the returned value, and @fastify/sensible helpers renamed (`reply.notFound()` → `reply.forbidden()`).
import ts from 'typescript';
import { insertStatementBefore } from '../edits/fixes';
import { quoted } from '../facts/style';
import { chainRootIdentifier } from '../facts/syntax';
import type { RuleContext } from '../rule';
import type { Fix, ResponseSite, TextEdit } from '../types';
import type { HeaderToAdd, ResponseAdapter } from './adapter';
import { completesLater } from './chains';
import { insertAfterLink } from './express';
import { headersSetOutOfSight } from './headersElsewhere';
import { errorHelperOfCode } from './thrownErrors';

/** `code` or `status`: the file's own choice, `code` when it shows none. */
function statusMethod(context: RuleContext): 'code' | 'status' {
  const count = (pattern: RegExp): number => context.text.match(pattern)?.length ?? 0;
  return count(/\.status\(/g) > count(/\.code\(/g) ? 'status' : 'code';
}

/** A site that answers with the handler's `return` value, inside a block where a statement can go before it. */
function returnInBlock(site: ResponseSite): ts.ReturnStatement | undefined {
  const statement = site.statement;
  if (!ts.isReturnStatement(statement) || site.shape.sendCall || !site.responseName) return undefined;
  const parent = statement.parent;
  return ts.isBlock(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent) ? statement : undefined;
}

/** `reply.notFound()` → `reply.forbidden()`: a helper takes another status by its name. */
function renameHelper(site: ResponseSite, status: string): TextEdit | undefined {
  const helper = /^\d+$/.test(status) ? errorHelperOfCode(Number(status)) : undefined;
  return helper && !site.status.expression ? { ...site.status.range, newText: helper } : undefined;
}

function setDefaultStatusEdit(site: ResponseSite, status: string, context: RuleContext): TextEdit | undefined {
  const send = site.shape.sendCall;
  if (site.shape.setter === 'helper') return renameHelper(site, status);
  if (send?.method === 'redirect') {
    const [url, other] = send.call.arguments;
    return url && !other ? { start: url.getEnd(), end: url.getEnd(), newText: `, ${status}` } : undefined;
  }
  if (send) {
    const root = chainRootIdentifier(site.chain);
    return root && { start: root.getEnd(), end: root.getEnd(), newText: `.${statusMethod(context)}(${status})` };
  }
  if (returnInBlock(site)) return insertStatementBefore(site, `${site.responseName}.${statusMethod(context)}(${status})`, context);
  return site.body && sendReturned(site, status, site.body.getText(), context);
}

/** `if (!user) return { … }` → `if (!user) return reply.code(N).send({ … })`: no room for a statement before it. */
function sendReturned(site: ResponseSite, status: string, body: string, context: RuleContext): TextEdit | undefined {
  if (!site.body || site.shape.sendCall || !site.responseName || !ts.isReturnStatement(site.statement)) return undefined;
  return { start: site.body.getStart(), end: site.body.getEnd(), newText: `${site.responseName}.${statusMethod(context)}(${status}).send(${body})` };
}

/**
 * `.header(name, value)` after the status call (`reply.code(401).header(…)`), else after the reply
 * in a sending chain, else as a statement before the returned value.
 */
function addHeadersEdit(site: ResponseSite, headers: readonly HeaderToAdd[], context: RuleContext): TextEdit | undefined {
  const calls = headers.map(([name, value]) => `.header(${quoted(name, context.style)}, ${value})`).join('');
  const statusCall = site.shape.setter === 'status' && site.statusNode && ts.isCallExpression(site.statusNode) ? site.statusNode : undefined;
  if (statusCall) return insertAfterLink(statusCall, calls, context);
  if (site.shape.sendCall) {
    const root = chainRootIdentifier(site.chain);
    return root && insertAfterLink(root, calls, context);
  }
  return returnInBlock(site) && insertStatementBefore(site, `${site.responseName}${calls}`, context);
}

function sendBodyEdits(site: ResponseSite, body: string, context: RuleContext, status?: string): TextEdit[] | undefined {
  if (status !== undefined && !site.status.expression && !returnInBlock(site) && site.body && !site.shape.sendCall) {
    const edit = sendReturned(site, status, body, context);
    return edit && [edit];
  }
  const edits: TextEdit[] = [];
  if (status !== undefined) {
    const edit = site.status.expression ? { ...site.status.range, newText: status } : setDefaultStatusEdit(site, status, context);
    if (!edit) return undefined;
    edits.push(edit);
  }
  const call = site.shape.sendCall?.call;
  // A helper's argument is its message, text only: other bodies go through `code(N).send(x)`.
  if (site.shape.setter === 'helper' && !/^['"`]/.test(body)) return call && !site.status.expression ? helperToSend(site, call, body, context, status) : undefined;
  if (site.body) return [...edits, { start: site.body.getStart(), end: site.body.getEnd(), newText: body }];
  // `reply.send()`, `reply.badRequest()`: the body goes in as the argument.
  if (call && call.arguments.length === 0 && (site.shape.setter === 'helper' || site.shape.sendCall?.method === 'send')) return [...edits, { start: call.arguments.pos, end: call.arguments.pos, newText: body }];
  // `reply.code(400); return` → `return { … }`.
  const returned = site.send?.node;
  if (!call && returned && ts.isReturnStatement(returned) && !returned.expression) {
    const at = returned.getStart() + 'return'.length;
    return [...edits, { start: at, end: at, newText: ` ${body}` }];
  }
  return undefined;
}

/** `reply.badRequest()` → `reply.code(400).send({ … })`. */
function helperToSend(site: ResponseSite, call: ts.CallExpression, body: string, context: RuleContext, status?: string): TextEdit[] | undefined {
  const member = call.expression;
  if (!ts.isPropertyAccessExpression(member)) return undefined;
  return [{ start: member.name.getStart(), end: call.getEnd(), newText: `${statusMethod(context)}(${status ?? site.status.code}).send(${body})` }];
}

/** `.send(x)` → `.send()`, `return x` → `return reply.send()`. */
function dropBodyFix(site: ResponseSite): Fix | undefined {
  const call = site.shape.sendCall;
  if (call?.method === 'send' && call.call.arguments.length > 0) {
    return { title: 'Remove the body (`.send(…)` → `.send()`)', edits: [{ start: call.call.arguments.pos, end: call.call.arguments.end, newText: '' }] };
  }
  if (call || !site.body || !ts.isReturnStatement(site.statement) || !site.responseName) return undefined;
  return { title: `Remove the body (\`return …\` → \`return ${site.responseName}.send()\`)`, edits: [{ start: site.body.getStart(), end: site.body.getEnd(), newText: `${site.responseName}.send()` }] };
}

/** `reply.code(404)` alone in a handler that does not send what it returns: `reply.code(404).send()`. */
function completeResponseFixes(site: ResponseSite): Fix[] {
  const statement = site.chain.parent;
  if (!ts.isCallExpression(site.chain) || !ts.isExpressionStatement(statement)) return [];
  const end = site.chain.getEnd();
  return [{ title: 'Add .send() to send the response', edits: [{ start: end, end, newText: '.send()' }], isPreferred: true }];
}

export const fastifyAdapter: ResponseAdapter = {
  framework: 'fastify',
  setDefaultStatusEdit,
  // Route options hold the handler (`route({ handler })`): that is Fastify's registration, not a library's callback.
  headersMayBeSetElsewhere: headersSetOutOfSight,
  addHeadersEdit,
  sendBodyEdits,
  dropBodyFix,
  completeResponseFixes,
  completesLater,
  answerStatement: (site, status, body, context) => `return ${site.responseName}.${statusMethod(context)}(${status}).send(${body})`,
  // `reply.code('404')` is parsed as a number by Fastify.
  stringStatusProblem: () => undefined,
};
