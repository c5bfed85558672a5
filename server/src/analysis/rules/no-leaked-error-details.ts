// Reports a 5xx response that sends the caught error to the client: its message, its stack, or the
// error object. They expose internals (file paths, queries, hostnames, sometimes secrets) and help
// no client; the server's log is where they belong.
import ts from 'typescript';
import { reasonPhrase } from '../../knowledge';
import { listedWithin } from '../facts/fileIndex';
import { skipTypeWrappers } from '../facts/syntax';
import { mentionedNames } from '../evidence/body';
import { codeText } from '../evidence/branchTests';
import { errorNames, isDisclosureGuard, leakIn, objectLeaks, serverErrorFallback, type Leak } from '../evidence/errorLeaks';
import { codeLabel, insertStatementBefore } from '../edits/fixes';
import type { Rule, RuleContext } from '../rule';
import { shorten } from '../facts/shorten';
import { quoted } from '../facts/style';
import type { Fix, ResponseSite, TextEdit } from '../types';

// Keys that carry the message a client reads; a leak under one gets the generic text instead.
const MESSAGE_KEY = /^(error|err|message|msg|detail|details|reason|description)$/i;
const LOGGERS = /^(console|logger|log|\w*Logger|winston|pino|bunyan|Sentry)$/;

/** "Service unavailable" for 503: the reason phrase as a sentence, acronyms kept. */
function genericMessage(code: number | undefined): string {
  const phrase = code === undefined ? undefined : reasonPhrase(code);
  if (!phrase || code === 500) return 'Internal server error';
  return phrase
    .split(' ')
    .map((word, index) => (index === 0 || /^[A-Z]{2,}$/.test(word) ? word : word.toLowerCase()))
    .join(' ');
}

function keyOf(property: ts.ObjectLiteralElementLike): string | undefined {
  const name = property.name;
  return name && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? name.text : undefined;
}

/** Edits for an object body: message keys get the generic text, other leaking properties go. */
function objectEdits(object: ts.ObjectLiteralExpression, names: ReadonlySet<string>, text: string, context: RuleContext): TextEdit[] {
  const leaking = new Set(objectLeaks(object, names).map((entry) => entry.property));
  const properties = object.properties;
  const message = quoted(text, context.style);
  const isMessage = (property: ts.ObjectLiteralElementLike): boolean => MESSAGE_KEY.test(keyOf(property) ?? '');
  // `{ error: 'Could not save', message: err.message }` already has its own words: the leak just goes.
  const hasOwnMessage = properties.some((property) => !leaking.has(property) && isMessage(property));
  const edits: TextEdit[] = [];
  const removed: number[] = [];
  properties.forEach((property, index) => {
    if (!leaking.has(property)) return;
    const key = keyOf(property);
    if (key !== undefined && isMessage(property) && !hasOwnMessage) {
      if (ts.isPropertyAssignment(property)) edits.push({ start: property.initializer.getStart(), end: property.initializer.getEnd(), newText: message });
      else edits.push({ start: property.getStart(), end: property.getEnd(), newText: `${key}: ${message}` });
    } else removed.push(index);
  });
  const keepsMessage = properties.some((property, index) => !removed.includes(index) && isMessage(property));
  // Nothing would tell the client what happened: the first removed property becomes `error: '…'`.
  const converted = keepsMessage ? undefined : removed.shift();
  if (converted !== undefined) {
    const property = properties[converted];
    edits.push({ start: property.getStart(), end: property.getEnd(), newText: `error: ${message}` });
  }
  const lastKept = properties.reduce((last, _property, index) => (removed.includes(index) ? last : index), -1);
  for (const index of removed) {
    // Trailing properties go with the comma before them; others with the comma after them.
    if (index > lastKept) edits.push({ start: properties[index - 1].getEnd(), end: properties[index].getEnd(), newText: '' });
    else edits.push({ start: properties[index].getStart(), end: properties[index + 1].getStart(), newText: '' });
  }
  return mergeAdjacent(edits);
}

/** Joins deletions that touch (`, a: x` then `, b: y`) so no edit overlaps another. */
function mergeAdjacent(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const merged: TextEdit[] = [];
  for (const edit of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && previous.newText === '' && edit.newText === '' && edit.start <= previous.end) previous.end = Math.max(previous.end, edit.end);
    else merged.push({ ...edit });
  }
  return merged;
}

/** Replaces the leaking body: an object for `json`/`jsonp` and for an error object, a string for text. */
function bodyEdits(site: ResponseSite, body: ts.Expression, names: ReadonlySet<string>, text: string, context: RuleContext): TextEdit[] {
  if (ts.isObjectLiteralExpression(body)) return objectEdits(body, names, text, context);
  const encoding = site.send?.encoding;
  const asObject = encoding === 'json' || (encoding === 'auto' && (ts.isIdentifier(body) || ts.isObjectLiteralExpression(body)));
  const newText = asObject ? `{ error: ${quoted(text, context.style)} }` : quoted(text, context.style);
  return [{ start: body.getStart(), end: body.getEnd(), newText }];
}

/** Is the error already logged somewhere in the handler (`console.error(err)`, `logger.error({ err }, …)`)? */
function isLogged(site: ResponseSite, name: string): boolean {
  const body = site.handler?.node.body;
  for (const node of body ? listedWithin(body) : []) {
    if (ts.isCallExpression(node) && node.arguments.some((argument) => mentionedNames(argument).has(name))) {
      let root: ts.Expression = skipTypeWrappers(node.expression);
      const names: string[] = [];
      while (ts.isPropertyAccessExpression(root)) {
        names.push(root.name.text);
        root = skipTypeWrappers(root.expression);
      }
      if (ts.isIdentifier(root)) names.push(root.text);
      if (names.some((part) => LOGGERS.test(part)) || names.includes('captureException')) return true;
    }
  }
  return false;
}

/**
 * The statement a log line goes before: the one that sets the status when it stands on its own
 * (`res.status(500);` then `res.json(…)`), else the response's. Undefined where a new statement
 * would change what runs (after a braceless `if`) or cannot go (an arrow function's expression body).
 */
function logAnchor(site: ResponseSite): ts.Statement | undefined {
  let statusStatement: ts.Node | undefined = site.statusNode;
  while (statusStatement && !ts.isStatement(statusStatement)) statusStatement = statusStatement.parent;
  const anchor = statusStatement && statusStatement.parent === site.statement.parent ? statusStatement : site.statement;
  if (!ts.isStatement(anchor)) return undefined;
  const parent = anchor.parent;
  return ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent) ? anchor : undefined;
}

function fixFor(site: ResponseSite, body: ts.Expression, leak: Leak, names: ReadonlySet<string>, isPreferred: boolean, context: RuleContext): Fix {
  const text = genericMessage(site.status.source === 'dynamic' ? undefined : site.status.code);
  const edits = bodyEdits(site, body, names, text, context);
  const anchor = isLogged(site, leak.name) ? undefined : logAnchor(site);
  const log = anchor !== undefined;
  if (anchor) edits.push(insertStatementBefore({ ...site, statement: anchor }, `console.error(${leak.name})`, context));
  const logged = log ? ` and log ${shorten(leak.name)} with console.error` : '';
  return { title: `Send "${text}" instead of ${codeText(leak.node)}${logged}`, edits, isPreferred };
}

/** How the message names the response: "500 Internal Server Error", or the fallback of a dynamic status. */
function responseLabel(site: ResponseSite, names: ReadonlySet<string>): string | undefined {
  const code = site.status.code;
  if (code !== undefined && site.status.source !== 'implicit') return code >= 500 && code <= 599 ? `A ${codeLabel(code)} response` : undefined;
  if (site.status.source !== 'dynamic' || names.size === 0 || !site.status.expression) return undefined;
  const fallback = serverErrorFallback(site.status.expression);
  return fallback === undefined ? undefined : `An error response (\`${codeText(site.status.expression)}\`)`;
}

export const noLeakedErrorDetails: Rule<'no-leaked-error-details'> = {
  meta: {
    id: 'no-leaked-error-details',
    defaultSeverity: 'warning',
    description: "A 5xx response whose body carries the caught error's message, stack or the error itself.",
    fixable: true,
    docs: {
      details:
        'An unexpected error\'s message and stack describe the server, not the request: file paths, SQL, ' +
        'hostnames, library versions, sometimes credentials. Send the client a generic message and keep the ' +
        'details in the server\'s log.\n\n' +
        'Reported: a 5xx response (or a status such as `err.status || 500` in a `catch` or an error middleware) ' +
        'whose body holds the caught error (`json(err)`, `{ error: err }`, `{ ...err }`), its `message`, `stack`, ' +
        '`sql`, `original` or `config`, or text made from it (`String(err)`, `` `${err}` ``, `err.toString()`).\n\n' +
        'Not reported: a handler that logs the error and sends its own words; `err.code` or `err.name`; bodies ' +
        'or branches guarded by an environment check (`NODE_ENV`, `isDev`), by `err.expose` or `isOperational`, ' +
        'or by `instanceof` (the code chose which errors a client may read); and details copied into a variable ' +
        'first, which the rule does not follow.\n\n' +
        'The fix puts a generic message in place of the details (a message key keeps its name; other leaking ' +
        'keys are removed) and adds `console.error(err)` before the response unless the handler already logs ' +
        'the error. When the status is dynamic the fix is not preferred: it would also hide messages the code ' +
        'meant for clients of 4xx errors.',
      incorrect: "app.use((err, req, res, next) => {\n  res.status(500).json({ error: err.message, stack: err.stack });\n});",
      correct: "app.use((err, req, res, next) => {\n  console.error(err);\n  res.status(500).json({ error: 'Internal server error' });\n});",
    },
  },
  check(site, context) {
    const names = errorNames(site);
    const body = site.body && skipTypeWrappers(site.body);
    if (names.size === 0 || !body) return;
    const label = responseLabel(site, names);
    if (!label || site.conditions.some((condition) => isDisclosureGuard(condition.expression))) return;
    const leak = leakIn(body, names);
    if (!leak) return;
    const fix = fixFor(site, body, leak, names, site.status.source !== 'dynamic', context);
    context.report({
      range: site.status.range,
      message: `${label} sends \`${codeText(leak.node)}\` to the client, exposing internals. Log the error on the server and send a generic message.`,
      fixes: [fix],
    });
  },
};
