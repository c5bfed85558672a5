// Fastify (v4 and v5) responses: `reply.code(N)` / `reply.status(N)` then `.send(x)`, on one chain
// or on separate statements; a handler's returned value (200 unless a status was set on the path
// to it); `reply.redirect(url, code)` (v5) and `reply.redirect(code, url)` (v4), 302 by default;
// @fastify/sensible's `reply.notFound(msg)`; headers through `reply.header(s)`. Errors a handler
// returns or throws are read by thrownErrors.ts, told by `answersWithReturn` that they are sent.
import ts from 'typescript';
import type { Bindings } from '../facts/bindings';
import { reaches } from '../facts/flow';
import { rangeOf, resolveStatus } from '../facts/status';
import { chainRootIdentifier, inSourceOrder, skipTypeWrappers } from '../facts/syntax';
import type { CallBefore, Handler, HeaderSet, ResponseSite, Send, SendCall, StatusSetter, StatusValue, TextRange } from '../types';
import { completesLater, type ResponseUse, responseUseAt } from './chains';
import { HandlerSiteCollector, type CarriedStatus, type ExceptionReader } from './collector';
import { fastifyAdapter } from './fastifyEdits';
import { FastifyHandlerCollector } from './fastifyHandlers';
import { enclosingStatement, handlerRoute, headersOfObject, isHandedOver, isNumberish, surroundings, walkHandler } from './sites';
import { errorCodeOfName, isMessage, isStatusValue } from './thrownErrors';

interface StatusPart {
  value: StatusValue;
  setter: StatusSetter;
  node: ts.Node;
}

/** What one statement does to the reply, or what the handler returns. */
interface Step {
  /** The reply chain, or the returned value (the `return` statement itself when it returns nothing). */
  anchor: ts.Expression | ts.ReturnStatement;
  use?: ResponseUse;
  status?: StatusPart;
  send?: Send;
  sendCall?: SendCall;
  body?: ts.Expression;
  headers: HeaderSet[];
}

/** How each sending method of a reply sends. */
const SENDS: Record<string, Pick<Send, 'kind' | 'encoding'>> = {
  send: { kind: 'data', encoding: 'auto' },
  redirect: { kind: 'redirect', encoding: 'text' },
  sendFile: { kind: 'file', encoding: 'text' },
  download: { kind: 'file', encoding: 'text' },
  view: { kind: 'view', encoding: 'text' },
};

/** `reply.notFound(msg)`, not `reply.httpErrors.notFound()` (which only makes an error). */
function isOnReply(link: ResponseUse['links'][number]): boolean {
  const callee = link.call.expression;
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(skipTypeWrappers(callee.expression));
}

function readUse(use: ResponseUse, bindings: Bindings): Step {
  const step: Step = { anchor: use.expression, use, headers: [] };
  if (use.statusCodeAssignment) {
    step.status = { value: resolveStatus(use.statusCodeAssignment.value, bindings), setter: 'statusCode', node: use.expression };
    return step;
  }
  for (const link of use.links) {
    const [first, second] = link.call.arguments;
    const sends = (kind: Pick<Send, 'kind' | 'encoding'>, body?: ts.Expression, target?: ts.Expression): void => {
      step.sendCall = { method: link.name, call: link.call };
      step.send = { ...kind, kind: kind.kind === 'data' && !body ? 'empty' : kind.kind, node: link.call, label: `.${link.name}(…)`, target };
      step.body = body;
    };
    const helperCode = isOnReply(link) ? errorCodeOfName(link.name) : undefined;
    if ((link.name === 'code' || link.name === 'status') && first) step.status = { value: resolveStatus(first, bindings), setter: 'status', node: link.call };
    else if (link.name === 'redirect') {
      // v4 takes (code, url), v5 (url, code): the status is whichever argument is a number.
      const code = second && (isNumberish(first) ? first : isNumberish(second) ? second : undefined);
      if (code) step.status = { value: resolveStatus(code, bindings), setter: 'redirect', node: link.call };
      sends(SENDS.redirect, undefined, code === first ? second : first);
    } else if (SENDS[link.name]) sends(SENDS[link.name], link.name === 'send' ? first : undefined);
    else if (link.name === 'header' && first && ts.isStringLiteralLike(first)) step.headers.push({ name: first.text.toLowerCase(), node: link.call });
    else if (link.name === 'headers') step.headers.push(...headersOfObject(first && skipTypeWrappers(first)));
    else if (link.name === 'type' && first) step.headers.push({ name: 'content-type', node: link.call });
    else if (helperCode !== undefined) {
      // @fastify/sensible sends `{ statusCode, error, message }`; without a message, the reason phrase alone.
      const member = (link.call.expression as ts.PropertyAccessExpression).name;
      step.status = { value: { source: 'constant', code: helperCode, range: rangeOf(member) }, setter: 'helper', node: link.call };
      sends({ kind: 'data', encoding: 'json' }, first);
    } else if (link.name === 'getHttpError' && first && isOnReply(link)) {
      step.status = { value: resolveStatus(first, bindings), setter: 'status', node: link.call };
      sends({ kind: 'data', encoding: 'json' }, second);
    }
  }
  return step;
}

/** `return x` where x is not the reply, nor an error (thrownErrors.ts reads those), nor nothing. */
function returnedValue(returned: ts.Expression | undefined, names: ReadonlySet<string>): ts.Expression | 'nothing' | undefined {
  if (!returned) return 'nothing';
  let value = skipTypeWrappers(returned);
  while (ts.isAwaitExpression(value) || ts.isParenthesizedExpression(value)) value = skipTypeWrappers(value.expression);
  if ((ts.isIdentifier(value) && value.text === 'undefined') || ts.isVoidExpression(value)) return 'nothing';
  const root = chainRootIdentifier(value);
  if (root && names.has(root.text)) return undefined;
  return isErrorValue(value) ? undefined : returned;
}

/** `new NotFoundError(…)`, `createError(404)`, `fastify.httpErrors.notFound()`: Fastify sends these as errors. */
function isErrorValue(value: ts.Expression): boolean {
  if (!ts.isNewExpression(value) && !ts.isCallExpression(value)) return false;
  const callee = value.expression.getText();
  return /(^|\.)(createError|httpErrors)\b|(Error|Exception)$/.test(callee);
}

function isAsync(fn: ts.Node): boolean {
  return ts.canHaveModifiers(fn) && (ts.getModifiers(fn) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword);
}

function returnSend(statement: ts.ReturnStatement | ts.Expression, value: ts.Expression | undefined): Send {
  return { kind: value ? 'data' : 'empty', node: statement, label: 'return …', encoding: 'auto' };
}

/** Where a default status is reported: the sending call, or the `return` keyword of a returned value. */
function implicitRange(sender: ts.Node): TextRange {
  const start = sender.getStart();
  return ts.isReturnStatement(sender) ? { start, end: start + 'return'.length } : rangeOf(sender);
}

function collectSites(handler: Handler, bindings: Bindings): ResponseSite[] {
  const { uses, calls, returns, names } = walkHandler(handler, responseUseAt);
  const steps: Step[] = uses.map((use) => readUse(use, bindings));
  if (handler.answersWithReturn) {
    for (const statement of returns) {
      const value = returnedValue(statement.expression, names);
      if (value === 'nothing') steps.push({ anchor: statement, headers: [] });
      else if (value) steps.push({ anchor: value, send: returnSend(statement, value), body: value, headers: [] });
    }
    // `async (request) => ({ … })`: the body is the returned value.
    const body = handler.node.body;
    if (body && !ts.isBlock(body)) {
      if (returnedValue(body, names) === body) steps.push({ anchor: body, send: returnSend(body, body), body, headers: [] });
    }
  }
  steps.sort((a, b) => inSourceOrder(a.anchor, b.anchor));
  const sites: ResponseSite[] = [];
  const headers: HeaderSet[] = [];
  // An async handler that ends (or returns nothing) after setting a status sends it with no body.
  const endsWithEmptyReply = handler.answersWithReturn === true && isAsync(handler.node);
  const makeSite = (step: Step, status: StatusPart | undefined, chain: ts.Expression, send: Send | undefined): ResponseSite => ({
    adapter: fastifyAdapter,
    responseName: handler.responseName,
    responseNames: names,
    handler,
    route: handlerRoute(handler),
    status: status?.value ?? { source: 'implicit', code: send?.kind === 'redirect' ? 302 : 200, range: implicitRange(send?.node ?? chain) },
    statusNode: status?.node,
    send,
    shape: { setter: status?.setter ?? 'implicit', sendCall: step.sendCall },
    body: step.body,
    headers: headers.filter((header) => header.node.getStart() < (send?.node.getEnd() ?? chain.getEnd())),
    chain,
    statement: enclosingStatement(chain),
    ...surroundings(chain, handler.node),
    callsBefore: calls.filter((call: CallBefore) => call.node.getEnd() <= chain.getStart()),
  });
  let pending: (Step & { status: StatusPart; use: ResponseUse }) | undefined;
  const settle = (): void => {
    const site = pending && makeSite(pending, pending.status, pending.use.expression, endsWithEmptyReply ? returnSend(pending.use.expression, undefined) : undefined);
    // An async handler that throws or sends after the status does not answer with it empty.
    if (site && !(site.send && completesLater(site))) sites.push(site);
    pending = undefined;
  };
  for (const step of steps) {
    headers.push(...step.headers);
    const merged = pending && !step.status && reaches(pending.use.expression, step.anchor) ? pending : undefined;
    if (step.status && step.send) sites.push(makeSite(step, step.status, step.use!.expression, step.send));
    else if (step.send) {
      sites.push(makeSite(step, merged?.status, step.anchor as ts.Expression, step.send));
      if (merged) pending = undefined;
    } else if (!step.use && merged && endsWithEmptyReply) {
      // `reply.code(204); return`: sent with no body.
      sites.push(makeSite(merged, merged.status, merged.use.expression, returnSend(step.anchor as ts.ReturnStatement, undefined)));
      pending = undefined;
    } else if (step.status && step.use && !isHandedOver(step.use)) {
      settle();
      pending = { ...step, status: step.status, use: step.use };
    }
  }
  // A hook that sets a status and sends nothing hands the request on; its status stands for the route's.
  if (handler.answersWithReturn) settle();
  return sites;
}

/** Fastify's handlers and the responses they send. */
export class FastifyCollector extends HandlerSiteCollector {
  constructor() {
    super(new FastifyHandlerCollector(), (handlers, file) => handlers.flatMap((handler) => collectSites(handler, file.bindings)).sort((a, b) => inSourceOrder(a.chain, b.chain)));
  }
}

/**
 * @fastify/sensible's errors, read for `thrownErrors.ts`: `fastify.httpErrors.notFound(msg)` and
 * `reply.httpErrors.createError(404, msg)` make an error that Fastify sends with that status.
 */
function sensibleError(error: ts.NewExpression | ts.CallExpression, bindings: Bindings): CarriedStatus | 'unreadable' | undefined {
  const callee = skipTypeWrappers(error.expression);
  if (!ts.isPropertyAccessExpression(callee) || !ts.isPropertyAccessExpression(callee.expression) || callee.expression.name.text !== 'httpErrors') return undefined;
  const args = error.arguments ?? ts.factory.createNodeArray();
  if (callee.name.text === 'createError') {
    const status = args[0] && resolveStatus(args[0], bindings);
    return status && isStatusValue(status) ? { status, message: isMessage(args[1]) ? args[1] : undefined } : 'unreadable';
  }
  const code = errorCodeOfName(callee.name.text);
  return code === undefined ? 'unreadable' : { status: { source: 'constant', code, range: rangeOf(callee.name) }, message: isMessage(args[0]) ? args[0] : undefined };
}

/** Read in every file: a plugin or service makes these errors on a Fastify instance it is handed. */
export const sensibleErrors: ExceptionReader = {
  forFile: (_sourceFile, bindings) => ({ statusOf: (error) => sensibleError(error, bindings) }),
};
