// Edits that give a response a new body, with or without a new status, in the shapes Express
// allows: replace the body argument, fill an empty `json()`/`send()`, turn `end()` into
// `json(…)`, and `sendStatus(N)` into `status(N).json(…)` (sendStatus cannot carry a body).
import ts from 'typescript';
import { setStatusEdit, statusText } from './fixes';
import type { RuleContext } from '../rule';
import { quoted } from '../facts/style';
import type { ResponseSite, TextEdit } from '../types';

/** The range from a call's method name to its closing parenthesis: `end()` in `res.status(400).end()`. */
function methodRange(call: ts.CallExpression): { start: number; end: number } | undefined {
  return ts.isPropertyAccessExpression(call.expression) ? { start: call.expression.name.getStart(), end: call.getEnd() } : undefined;
}

/**
 * Edits that make the site send `body` (code text), and `code` as its status when given.
 * Undefined when the site sends in a way that cannot take a body (`render`, `redirect`, no send).
 */
export function sendBodyEdits(site: ResponseSite, body: string, context: RuleContext, code?: number): TextEdit[] | undefined {
  const send = site.send;
  if (!send) return undefined;
  if (site.setter === 'sendStatus') {
    const range = methodRange(send.call);
    const status = code === undefined ? site.status.expression?.getText() : statusText(site, code, context);
    return range && status ? [{ ...range, newText: `status(${status}).json(${body})` }] : undefined;
  }
  const statusEdits: TextEdit[] = [];
  if (code !== undefined) {
    const edit = setStatusEdit(site, code, context);
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

/** A property key as code: `email`, or `'user.email'` when it is not an identifier. */
export function objectKey(name: string, context: RuleContext): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : quoted(name, context.style);
}
