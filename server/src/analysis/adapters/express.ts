// Express (and the node:http methods an Express response inherits): its defaults (`res.json(x)` is
// 200, `res.redirect(url)` 302) and fixes written in its idiom.
import ts from 'typescript';
import { codeText } from '../evidence/branchTests';
import { quoted } from '../facts/style';
import { chainRootIdentifier, skipTypeWrappers } from '../facts/syntax';
import type { RuleContext } from '../rule';
import type { Fix, ResponseSite, TextEdit } from '../types';
import type { HeaderToAdd, ResponseAdapter } from './adapter';
import { completesLater } from './chains';
import { headersUnknown } from './headersElsewhere';
import { endResponseFixes, nodeHeadersEdit } from './nodeHttp';

/** Fixes for a status set but never sent: `res.status(N)` → `res.sendStatus(N)`, or an `.end()`. */
function completeResponseFixes(site: ResponseSite, context: RuleContext): Fix[] {
  const node = site.statusNode;
  if (site.shape.setter === 'status' && node === site.chain && ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ts.isExpressionStatement(node.parent)) {
    const member = node.expression.name;
    const value = node.arguments[0] ? codeText(node.arguments[0]) : '';
    const sendStatus: Fix = {
      title: `Replace ${site.responseName}.status(${value}) with ${site.responseName}.sendStatus(${value})`,
      edits: [{ start: member.getStart(), end: member.getEnd(), newText: 'sendStatus' }],
      isPreferred: true,
    };
    return [sendStatus, ...endResponseFixes(site, context).map((fix) => ({ ...fix, isPreferred: false }))];
  }
  return endResponseFixes(site, context);
}

/** The range from a call's method name to its closing parenthesis: `end()` in `res.status(400).end()`. */
function methodRange(call: ts.CallExpression): { start: number; end: number } | undefined {
  return ts.isPropertyAccessExpression(call.expression) ? { start: call.expression.name.getStart(), end: call.getEnd() } : undefined;
}

function setDefaultStatusEdit(site: ResponseSite, status: string): TextEdit | undefined {
  const send = site.shape.sendCall;
  if (send?.method === 'redirect') {
    const url = send.call.arguments[0];
    return url ? { start: url.getStart(), end: url.getStart(), newText: `${status}, ` } : undefined;
  }
  const root = chainRootIdentifier(site.chain);
  return root ? { start: root.getEnd(), end: root.getEnd(), newText: `.status(${status})` } : undefined;
}

/**
 * Body edits in the shapes Express allows: replace the body argument, fill an empty
 * `json()`/`send()`, turn `end()` into `json(…)`, and `sendStatus(N)` into `status(N).json(…)`.
 */
function sendBodyEdits(site: ResponseSite, body: string, _context: RuleContext, status?: string): TextEdit[] | undefined {
  const send = site.shape.sendCall;
  // A view's locals feed a template: rewriting them as a JSON body would break the page.
  if (!send || send.method === 'render') return undefined;
  if (site.shape.setter === 'sendStatus') {
    const range = methodRange(send.call);
    const code = status ?? site.status.expression?.getText();
    return range && code ? [{ ...range, newText: `status(${code}).json(${body})` }] : undefined;
  }
  const statusEdits: TextEdit[] = [];
  if (status !== undefined) {
    const edit = site.status.expression ? { ...site.status.range, newText: status } : setDefaultStatusEdit(site, status);
    if (!edit) return undefined;
    statusEdits.push(edit);
  }
  if (site.body) return [...statusEdits, { start: site.body.getStart(), end: site.body.getEnd(), newText: body }];
  if (send.call.arguments.length > 0) return undefined;
  if (send.method === 'json' || send.method === 'send') {
    const at = send.call.arguments.pos;
    return [...statusEdits, { start: at, end: at, newText: body }];
  }
  if (send.method === 'end') {
    const range = methodRange(send.call);
    return range ? [...statusEdits, { ...range, newText: `json(${body})` }] : undefined;
  }
  return undefined;
}

/** `.json(x)` → `.end()`: the send call keeps its place in the chain, without the body. */
function dropBodyFix(site: ResponseSite): Fix | undefined {
  const send = site.shape.sendCall;
  const callee = send && skipTypeWrappers(send.call.expression);
  if (!send || !callee || !ts.isPropertyAccessExpression(callee)) return undefined;
  return { title: `Remove the body (\`.${send.method}(…)\` → \`.end()\`)`, edits: [{ start: callee.name.getStart(), end: send.call.getEnd(), newText: 'end()' }] };
}

/**
 * One edit that adds `headers` to the site's response, or undefined where the code gives no safe
 * place (headers already flushed by a `writeHead` held in a variable, say).
 */
function addHeadersEdit(site: ResponseSite, headers: readonly HeaderToAdd[], context: RuleContext): TextEdit | undefined {
  const { setter, sendCall } = site.shape;
  // Code written in node:http's idiom gets its headers that way: `writeHead`'s object, `setHeader`.
  if (setter === 'writeHead' || (sendCall?.method === 'end' && (setter === 'statusCode' || setter === 'implicit'))) return nodeHeadersEdit(site, headers, context);
  const calls = headers.map(([name, value]) => `.set(${quoted(name, context.style)}, ${value})`).join('');
  return chainInsertion(site, calls, context);
}

/**
 * Inserts `calls` into the chain, after the status call when there is one, keeping a chain
 * written one link per line on its own line.
 */
function chainInsertion(site: ResponseSite, calls: string, context: RuleContext): TextEdit | undefined {
  const status = site.statusNode;
  const statusCall = status && ts.isCallExpression(status) && status.getStart() >= site.chain.getStart() && status.getEnd() <= site.chain.getEnd() && site.shape.setter !== 'sendStatus' ? status : undefined;
  const anchor = statusCall ?? chainRootIdentifier(site.chain);
  return anchor && insertAfterLink(anchor, calls, context);
}

/** Inserts `calls` after `anchor` in its chain; a chain written one link per line gets them on a line of their own. */
export function insertAfterLink(anchor: ts.Node, calls: string, context: RuleContext): TextEdit {
  const at = anchor.getEnd();
  const next = /^(\r?\n)([ \t]*)\./.exec(context.text.slice(at));
  if (next) return { start: at, end: at, newText: `${next[1]}${next[2]}${calls}` };
  return { start: at, end: at, newText: calls };
}

export const expressAdapter: ResponseAdapter = {
  framework: 'express',
  setDefaultStatusEdit: (site, status) => setDefaultStatusEdit(site, status),
  addHeadersEdit,
  headersMayBeSetElsewhere: headersUnknown,
  sendBodyEdits,
  dropBodyFix,
  completeResponseFixes,
  completesLater,
  answerStatement: (site, status, body) => `return ${site.responseName}.status(${status}).json(${body})`,
  // Express 5 throws for `res.status('404')`; a `statusCode` assignment is coerced by node:http.
  stringStatusProblem: (site) => (site.shape.setter === 'status' || site.shape.setter === 'sendStatus' ? 'Express 5 throws for it (Express 4 warns)' : undefined),
};
