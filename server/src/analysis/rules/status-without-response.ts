// Reports a status that is set while nothing sends the response: Express waits for a send or an
// end that never comes, and the client hangs until it times out.
import ts from 'typescript';
import { codeText } from '../evidence/branchTests';
import { codeLabel } from '../edits/fixes';
import type { Rule, RuleContext } from '../rule';
import { indentationAt } from '../facts/style';
import type { Fix, ResponseSite } from '../types';

// Response methods known not to send. Any other method called later may: `res.write()` starts a
// stream, and projects add their own senders (`res.success(data)`, `res.boom.notFound()`).
const NON_SENDING_METHODS = new Set([
  'status', 'set', 'header', 'setHeader', 'append', 'location', 'links', 'type', 'contentType', 'cookie',
  'clearCookie', 'vary', 'attachment', 'get', 'getHeader', 'hasHeader', 'removeHeader', 'on', 'once', 'setTimeout',
]);

function parameterName(handler: ts.FunctionLikeDeclaration, index: number): string | undefined {
  const parameter = handler.parameters[index];
  return parameter && ts.isIdentifier(parameter.name) ? parameter.name.text : undefined;
}

/** `res.write(…)`, `res.success(…)`, `res.boom.notFound()`: a call on the response that may send. */
function maySend(call: ts.CallExpression, responseName: string): boolean {
  let callee: ts.Expression = call.expression;
  let method: string | undefined;
  while (ts.isPropertyAccessExpression(callee)) {
    method = callee.name.text;
    callee = callee.expression;
  }
  return ts.isIdentifier(callee) && callee.text === responseName && method !== undefined && !NON_SENDING_METHODS.has(method);
}

/**
 * Does someone else finish the response after the site? `next()` hands over to the next
 * middleware or the error handler, a `throw` does too, a call that receives the response object
 * (`sendError(res, …)`, `stream.pipe(res)`) or `return res` may send, and so may any method of
 * the response not known to leave it open.
 */
function isHandedOnLater(site: ResponseSite, handler: ts.FunctionLikeDeclaration): boolean {
  const nextName = parameterName(handler, site.handler?.errorName !== undefined ? 3 : 2) ?? 'next';
  const after = site.chain.getEnd();
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (node.getStart() >= after) {
      const isResponse = (expression: ts.Expression | undefined): boolean => expression !== undefined && ts.isIdentifier(expression) && expression.text === site.responseName;
      if (ts.isThrowStatement(node) || (ts.isReturnStatement(node) && isResponse(node.expression))) found = true;
      else if (ts.isCallExpression(node)) {
        const callee = node.expression;
        found = (ts.isIdentifier(callee) && callee.text === nextName) || node.arguments.some(isResponse) || maySend(node, site.responseName);
      }
    }
    ts.forEachChild(node, visit);
  };
  if (handler.body) visit(handler.body);
  return found;
}

/** Was the response already sent on the way here (`res.json(x); res.status(200);`)? Then nothing hangs. */
function isSentBefore(site: ResponseSite, context: RuleContext): boolean {
  return context.sites.some((other) => {
    if (!other.send || other.handler !== site.handler || other.chain.getEnd() > site.chain.getStart()) return false;
    const block = other.statement.parent;
    return block !== undefined && site.chain.getStart() >= block.getStart() && site.chain.getEnd() <= block.getEnd();
  });
}

/** Does a `return` or `throw` follow the site in its own block or one around it, up to `outer`? */
function exitsBefore(site: ResponseSite, outer: ts.Node): boolean {
  let child: ts.Node = site.statement;
  for (let current = child.parent; current && current !== outer; child = current, current = current.parent) {
    if (!ts.isBlock(current)) continue;
    const rest = current.statements.slice(current.statements.indexOf(child as ts.Statement) + 1);
    if (rest.some((statement) => ts.isReturnStatement(statement) || ts.isThrowStatement(statement))) return true;
  }
  return false;
}

/**
 * Does a later send run on the same path (`if (a) res.status(401); res.status(200).json(x);`)?
 * Then the status is overwritten and sent, not left hanging.
 */
function isSentAfter(site: ResponseSite, context: RuleContext): boolean {
  return context.sites.some((other) => {
    if (!other.send || other.handler !== site.handler || other.chain.getStart() < site.chain.getEnd()) return false;
    const block = other.statement.parent;
    return block !== undefined && site.chain.getStart() >= block.getStart() && site.chain.getEnd() <= block.getEnd() && !exitsBefore(site, block);
  });
}

function fixesFor(site: ResponseSite, context: RuleContext): Fix[] {
  const statement = site.chain.parent;
  // `res.status(400).send;` or a status inside a larger expression: no edit is obviously right.
  if (!statement || !ts.isExpressionStatement(statement)) return [];
  const chainEnd = site.chain.getEnd();
  const end: Fix = { title: 'Add .end() to send the response', edits: [{ start: chainEnd, end: chainEnd, newText: '.end()' }] };
  const node = site.statusNode;
  if (site.setter === 'statusCode') {
    if (!ts.isBlock(statement.parent) && !ts.isSourceFile(statement.parent) && !ts.isCaseClause(statement.parent)) return [];
    const indent = indentationAt(context.text, statement.getStart());
    const call = `${site.responseName}.end()${context.style.semicolons ? ';' : ''}`;
    return [{ title: `Add ${site.responseName}.end() after it`, edits: [{ start: statement.getEnd(), end: statement.getEnd(), newText: `${context.style.eol}${indent}${call}` }], isPreferred: true }];
  }
  if (site.setter === 'status' && node === site.chain && ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const member = node.expression.name;
    const value = node.arguments[0] ? codeText(node.arguments[0]) : '';
    const sendStatus: Fix = {
      title: `Replace ${site.responseName}.status(${value}) with ${site.responseName}.sendStatus(${value})`,
      edits: [{ start: member.getStart(), end: member.getEnd(), newText: 'sendStatus' }],
      isPreferred: true,
    };
    return [sendStatus, end];
  }
  return [{ ...end, isPreferred: true }];
}

export const statusWithoutResponse: Rule<'status-without-response'> = {
  meta: {
    id: 'status-without-response',
    defaultSeverity: 'error',
    description: 'A status that is set but never sent: the request hangs.',
    fixable: true,
    docs: {
      details:
        '`res.status(404)` only sets a number on the response; nothing goes to the client until something ' +
        'sends (`json`, `send`, `end`, `sendStatus`, `render`, `redirect`…). Without it, the request hangs ' +
        'until the client or a proxy gives up.\n\n' +
        'Not reported: a status followed later in the handler by a send (`res.status(404); res.render("404")`), ' +
        'by `next()` or `next(err)` (the next middleware or the error handler answers), by a `throw`, by a call ' +
        'that receives the response object (`sendError(res, …)`, `stream.pipe(res)`), or by a call of any other ' +
        'response method (`res.write()` starts a stream; `res.success(data)` may be a project\'s own sender); ' +
        'a chain returned or passed to a caller (`return res.status(404)`, `return res`); ' +
        'a status overwritten by a later response on the same path; and a status set after the response was already sent.\n\n' +
        'The fix turns `res.status(N)` into `res.sendStatus(N)`, which sends the reason phrase as the body, or ' +
        'adds `.end()` to send an empty body.',
      incorrect: "app.delete('/sessions/current', (req, res) => {\n  req.session.destroy();\n  res.status(204);\n});",
      correct: "app.delete('/sessions/current', (req, res) => {\n  req.session.destroy();\n  res.sendStatus(204);\n});",
    },
  },
  check(site, context) {
    const handler = site.handler?.node;
    if (site.send || !site.statusNode || !handler) return;
    if (isHandedOnLater(site, handler) || isSentBefore(site, context) || isSentAfter(site, context)) return;
    const what = site.status.code === undefined ? 'The status' : codeLabel(site.status.code);
    context.report({
      range: site.status.range,
      message: `${what} is set but nothing sends the response: the request hangs until the client gives up. End it or send a body.`,
      fixes: fixesFor(site, context),
    });
  },
};
