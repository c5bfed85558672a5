// Edits in Hono's idiom: a status is the second argument of the call that sends (`c.json(body, 404)`),
// headers its third (`c.json(body, 401, { 'WWW-Authenticate': 'Bearer' })`) or a `c.header(…)`
// statement before it, a body its first argument, and no body at all is `c.body(null, 204)`.
import ts from 'typescript';
import { insertStatementBefore } from '../edits/fixes';
import { indentationAt, quoted } from '../facts/style';
import { skipTypeWrappers } from '../facts/syntax';
import type { RuleContext } from '../rule';
import type { Fix, ResponseSite, TextEdit } from '../types';
import type { HeaderToAdd, ResponseAdapter } from './adapter';
import { headersUnknown, isSpelledOut } from './headersElsewhere';
import { initProperty, responseInit, STATUS_SECOND } from './honoCalls';
import { addPropertiesEdit } from './nodeHttp';

/** Senders that take a body first (all but `redirect`). */
const BODY_SENDERS = new Set(['json', 'text', 'html', 'body', 'newResponse']);
/** Hono helpers that take the context to read it or to set a cookie, never a header the rules look for. */
const COOKIE_AND_READ_HELPERS = /^(getCookie|getSignedCookie|setCookie|setSignedCookie|deleteCookie|getConnInfo|env|getRuntimeKey|getPath)$/;

/** The call that sends, when it takes a status second (`c.json`, `c.text`, `c.body`, `c.redirect`, …). */
function statusTakingSend(site: ResponseSite): ts.CallExpression | undefined {
  const send = site.shape.sendCall;
  return send && STATUS_SECOND.has(send.method) ? send.call : undefined;
}

const insertAfter = (node: ts.Node, text: string): TextEdit => ({ start: node.getEnd(), end: node.getEnd(), newText: text });

/** `c.json(x)` → `c.json(x, 404)`, `c.json(x, { headers })` → `c.json(x, { headers, status: 404 })`. */
function setDefaultStatusEdit(site: ResponseSite, status: string, context: RuleContext): TextEdit | undefined {
  const call = statusTakingSend(site);
  if (!call) return undefined;
  const init = responseInit(call);
  if (init) return addPropertiesEdit(init, [`status: ${status}`], context);
  const [first] = call.arguments;
  if (call.arguments.length === 1) return insertAfter(first, `, ${status}`);
  if (call.arguments.length === 0 && site.shape.sendCall?.method !== 'redirect') return { start: call.arguments.pos, end: call.arguments.pos, newText: `null, ${status}` };
  return undefined;
}

/** Is the statement one a new statement can precede (in a block, not the lone body of an `if`)? */
function standsInBlock(statement: ts.Node): boolean {
  const parent = statement.parent;
  return ts.isStatement(statement) && (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent));
}

/**
 * Headers go where the send takes them (its third argument, or its `ResponseInit`'s `headers`);
 * else `c.header(name, value)` statements before it; a concise arrow body gets them as the third
 * argument with its default status made explicit.
 */
function addHeadersEdit(site: ResponseSite, headers: readonly HeaderToAdd[], context: RuleContext): TextEdit | undefined {
  const entries = headers.map(([name, value]) => `${quoted(name, context.style)}: ${value}`);
  const call = statusTakingSend(site);
  const method = site.shape.sendCall?.method;
  if (call && method !== 'redirect') {
    const init = responseInit(call);
    if (init) {
      const property = initProperty(init, 'headers');
      const value = property && skipTypeWrappers(property.initializer);
      if (!property) return addPropertiesEdit(init, [`headers: { ${entries.join(', ')} }`], context);
      return value && ts.isObjectLiteralExpression(value) ? addPropertiesEdit(value, entries, context) : undefined;
    }
    const [, status, third] = call.arguments;
    if (status && site.shape.setter === 'argument') {
      const object = third && skipTypeWrappers(third);
      if (!object) return insertAfter(status, `, { ${entries.join(', ')} }`);
      return ts.isObjectLiteralExpression(object) ? addPropertiesEdit(object, entries, context) : undefined;
    }
  }
  if (standsInBlock(site.statement)) {
    const separator = `${context.style.semicolons ? ';' : ''}${context.style.eol}${indentationAt(context.text, site.statement.getStart())}`;
    return insertStatementBefore(site, headers.map(([name, value]) => `${site.responseName}.header(${quoted(name, context.style)}, ${value})`).join(separator), context);
  }
  if (call && site.shape.setter === 'implicit' && call.arguments.length === 1 && method && BODY_SENDERS.has(method)) {
    return insertAfter(call.arguments[0], `, ${site.status.code}, { ${entries.join(', ')} }`);
  }
  return undefined;
}

/** The send as `json` when the new body is an object or array and the send writes text. */
function renameToJson(call: ts.CallExpression, body: string): TextEdit[] {
  const callee = skipTypeWrappers(call.expression);
  if (!/^[[{]/.test(body.trim()) || !ts.isPropertyAccessExpression(callee) || callee.name.text === 'json') return [];
  return [{ start: callee.name.getStart(), end: callee.name.getEnd(), newText: 'json' }];
}

/** Replace or fill the body (first argument), and set the status where asked. */
function sendBodyEdits(site: ResponseSite, body: string, context: RuleContext, status?: string): TextEdit[] | undefined {
  const call = statusTakingSend(site);
  const method = site.shape.sendCall?.method;
  if (!call || !method || !BODY_SENDERS.has(method)) return undefined;
  const [first] = call.arguments;
  const edits = renameToJson(call, body);
  const implicitStatus = status !== undefined && !site.status.expression;
  // A default status made explicit goes right after the body: one edit keeps their order.
  if (implicitStatus && !responseInit(call) && call.arguments.length <= 1) {
    const newText = `${body}, ${status}`;
    return [...edits, first ? { start: first.getStart(), end: first.getEnd(), newText } : { start: call.arguments.pos, end: call.arguments.pos, newText }];
  }
  if (status !== undefined) {
    const statusEdit = site.status.expression ? { ...site.status.range, newText: status } : setDefaultStatusEdit(site, status, context);
    if (!statusEdit) return undefined;
    edits.push(statusEdit);
  }
  edits.push(first ? { start: first.getStart(), end: first.getEnd(), newText: body } : { start: call.arguments.pos, end: call.arguments.pos, newText: body });
  return edits;
}

/** `c.json(x, 204)` → `c.body(null, 204)`. */
function dropBodyFix(site: ResponseSite): Fix | undefined {
  const call = statusTakingSend(site);
  const method = site.shape.sendCall?.method;
  const callee = call && skipTypeWrappers(call.expression);
  const [first] = call?.arguments ?? [];
  if (!call || !method || !BODY_SENDERS.has(method) || !first || !callee || !ts.isPropertyAccessExpression(callee)) return undefined;
  const rest = call.arguments.length > 1 ? ', …' : '';
  return {
    title: `Remove the body (\`.${method}(…)\` → \`.body(null${rest})\`)`,
    edits: [
      { start: callee.name.getStart(), end: callee.name.getEnd(), newText: 'body' },
      { start: first.getStart(), end: first.getEnd(), newText: 'null' },
    ],
  };
}

/** `c.status(401);` with nothing sent → `return c.body(null, 401);`. */
function completeResponseFixes(site: ResponseSite): Fix[] {
  const call = site.statusNode;
  const statement = site.statement;
  if (!call || !ts.isCallExpression(call) || !ts.isExpressionStatement(statement) || statement.expression !== call || !standsInBlock(statement)) return [];
  const status = call.arguments[0]?.getText();
  if (!status) return [];
  const send = `return ${site.responseName}.body(null, ${status})`;
  // `c.status(401); return;` becomes one `return c.body(null, 401);`.
  const siblings = (statement.parent as ts.Block | ts.SourceFile | ts.CaseOrDefaultClause).statements;
  const next = siblings[siblings.indexOf(statement) + 1];
  const end = next && ts.isReturnStatement(next) && !next.expression ? next.getEnd() - (next.getText().endsWith(';') ? 1 : 0) : call.getEnd();
  return [{ title: `Send it: ${send}`, edits: [{ start: call.getStart(), end, newText: send }], isPreferred: true }];
}

/** Does code after the site finish the response: `await next()`, a throw, a call handed the context? (A later send is a site of its own.) */
function completesLater(site: ResponseSite): boolean {
  const handler = site.handler;
  const body = handler?.node.body;
  if (!handler || !body) return false;
  const nextParameter = handler.errorName === undefined ? handler.node.parameters[1] : undefined;
  const nextName = nextParameter && ts.isIdentifier(nextParameter.name) ? nextParameter.name.text : undefined;
  const after = site.chain.getEnd();
  const isContext = (expression: ts.Expression): boolean => ts.isIdentifier(skipTypeWrappers(expression)) && site.responseNames.has(skipTypeWrappers(expression).getText());
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (node.getStart() >= after) {
      if (ts.isThrowStatement(node) || (ts.isReturnStatement(node) && node.expression && isContext(node.expression))) found = true;
      else if (ts.isCallExpression(node)) {
        found = (ts.isIdentifier(node.expression) && node.expression.text === nextName) || node.arguments.some(isContext);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

/** Headers the file cannot see: a library prepares the response, a helper is handed the context, or a headers object is not spelled out. */
function headersMayBeSetElsewhere(site: ResponseSite): boolean {
  const call = statusTakingSend(site);
  const init = call && responseInit(call);
  const given = init ? initProperty(init, 'headers')?.initializer : call?.arguments[2];
  if (given && !isSpelledOut(given)) return true;
  return headersUnknown(site, readsContext);
}

/**
 * A helper handed the context only to read from it: Hono's cookie helpers, or one whose result
 * the handler uses (`const session = await getSession(c)`). A bare `await applyLimits(c)` may set headers.
 */
function readsContext(call: ts.CallExpression): boolean {
  if (ts.isIdentifier(call.expression) && COOKIE_AND_READ_HELPERS.test(call.expression.text)) return true;
  let parent = call.parent;
  while (ts.isAwaitExpression(parent) || ts.isParenthesizedExpression(parent)) parent = parent.parent;
  return !ts.isExpressionStatement(parent);
}

export const honoAdapter: ResponseAdapter = {
  framework: 'hono',
  setDefaultStatusEdit,
  headersMayBeSetElsewhere,
  addHeadersEdit,
  sendBodyEdits,
  dropBodyFix,
  completeResponseFixes,
  completesLater,
  requestPathText: (site) => site.handler?.requestName && `${site.handler.requestName}.path`,
  // `new Response(body, { status: '404' })` converts the string: Hono sends 404.
  stringStatusProblem: () => undefined,
};
