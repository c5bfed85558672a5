// Reports failures of another service answered as if this server broke: an upstream timeout sent
// as 500/502 (it is 504), or a failed upstream call sent as 500 (it is 502). The gateway codes
// tell clients and on-call engineers where to look, and that a retry may succeed.
import ts from 'typescript';
import { listedWithin } from '../facts/fileIndex';
import { calleeOf, chainRoot, skipTypeWrappers } from '../facts/syntax';
import { codeText, propertyName, testBeforeSite, type AtomicTest } from '../evidence/branchTests';
import { changeStatusFix, codeLabel } from '../edits/fixes';
import type { Rule } from '../rule';
import type { ResponseSite } from '../types';

// AbortController and AbortSignal.timeout() (fetch, undici), got, axios, request and undici timeouts.
const TIMEOUT_NAMES = new Set(['AbortError', 'TimeoutError']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
// The other service could not be reached at all.
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

// HTTP clients called directly (`fetch(url)`, `axios.get(url)`, `https.request(…)`).
const CLIENT_FUNCTIONS = new Set(['fetch', 'axios', 'got', 'ky', 'ofetch', '$fetch', 'needle', 'superagent']);
const CLIENT_OBJECTS = /^(axios|got|ky|superagent|needle|undici|http|https|httpService|httpClient|apiClient|api)$/;
const CLIENT_SETUP = new Set(['create', 'extend', 'defaults', 'use', 'isAxiosError', 'isCancel', 'Agent', 'createServer']);
// Project code that names the other service: `paymentApi.charge()`, `callPaymentService()`.
const UPSTREAM_OBJECT = /(Api|API|Upstream|Gateway|HttpClient)$/;
const UPSTREAM_FUNCTION = /^(call|fetch|request)\w*(Service|Api|API|Upstream)$/;
// Calls that cannot fail the way an upstream does, so a try block holding them still only calls out.
const HARMLESS_OBJECTS = new Set(['console', 'logger', 'log', 'JSON', 'Object', 'Array', 'Math', 'Date', 'Number', 'String', 'AbortSignal', 'controller', 'URLSearchParams']);
const HARMLESS_FUNCTIONS = new Set(['setTimeout', 'clearTimeout', 'encodeURIComponent', 'String', 'Number', 'Boolean', 'parseInt', 'parseFloat']);

/** What a call calls, and the named object it is called on (none for `this.x()` or `a().x()`). */
function calleeParts(call: ts.CallExpression): { object?: string; name: string } | undefined {
  const callee = calleeOf(call);
  if (!callee) return undefined;
  const qualifier = callee.text === callee.name ? undefined : callee.text.slice(0, -callee.name.length - 1);
  return { object: qualifier === 'this' || qualifier === '…' ? undefined : qualifier, name: callee.name };
}

function isUpstreamCall(call: ts.CallExpression): boolean {
  const parts = calleeParts(call);
  if (!parts) return false;
  if (parts.object === undefined) return CLIENT_FUNCTIONS.has(parts.name) || UPSTREAM_FUNCTION.test(parts.name);
  if (CLIENT_OBJECTS.test(parts.object)) return !CLIENT_SETUP.has(parts.name);
  return UPSTREAM_OBJECT.test(parts.object);
}

function isTimeoutTest(test: AtomicTest): boolean {
  if (test.kind === 'instanceof') return TIMEOUT_NAMES.has(test.className);
  if (test.kind !== 'equals' || typeof test.value !== 'string') return false;
  const property = propertyName(test.subject);
  return (property === 'name' && TIMEOUT_NAMES.has(test.value)) || (property === 'code' && TIMEOUT_CODES.has(test.value));
}

function isConnectionTest(test: AtomicTest): boolean {
  return test.kind === 'equals' && typeof test.value === 'string' && propertyName(test.subject) === 'code' && CONNECTION_CODES.has(test.value);
}

/** The calls a node makes, outside the response chains. */
function callsIn(node: ts.Node, responseName: string): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  for (const child of listedWithin(node)) {
    if (ts.isCallExpression(child)) {
      const root = chainRoot(child);
      if (!ts.isIdentifier(root) || root.text !== responseName) calls.push(child);
    }
  }
  return calls;
}

/** Names declared from an upstream call's result (`const response = await fetch(url)`). */
function upstreamResults(block: ts.Node, upstream: readonly ts.CallExpression[]): Set<string> {
  const names = new Set<string>();
  for (const child of listedWithin(block)) {
    if (ts.isVariableDeclaration(child) && ts.isIdentifier(child.name) && child.initializer) {
      const initializer = child.initializer;
      if (upstream.some((call) => call.getStart() >= initializer.getStart() && call.getEnd() <= initializer.getEnd())) names.add(child.name.text);
    }
  }
  return names;
}

/** Does the call chain on an upstream call (`fetch(url).then(…)`)? */
function chainsOnUpstream(call: ts.CallExpression, upstream: readonly ts.CallExpression[]): boolean {
  for (let inner: ts.Expression = call; ts.isPropertyAccessExpression(inner) || ts.isCallExpression(inner); inner = skipTypeWrappers(inner.expression)) {
    if (ts.isCallExpression(inner) && upstream.includes(inner)) return true;
  }
  return false;
}

/** Is `call` part of an upstream exchange: the call or a chain on it with their arguments, or a method of its result? */
function belongsToUpstream(call: ts.CallExpression, exchanges: readonly ts.CallExpression[], results: ReadonlySet<string>): boolean {
  if (exchanges.some((outer) => call.getStart() >= outer.getStart() && call.getEnd() <= outer.getEnd())) return true;
  const inner = chainRoot(call);
  if (!ts.isIdentifier(inner)) return false;
  if (inner === skipTypeWrappers(call.expression)) return HARMLESS_FUNCTIONS.has(inner.text);
  return results.has(inner.text) || HARMLESS_OBJECTS.has(inner.text);
}

/** The upstream call the site's `try` block makes, and whether that block does nothing else that could throw. */
function upstreamOfCatch(site: ResponseSite): { call: ts.CallExpression; only: boolean } | undefined {
  const tryStatement = site.catchClause?.node.parent;
  if (!tryStatement || !ts.isTryStatement(tryStatement)) return undefined;
  const calls = callsIn(tryStatement.tryBlock, site.responseName);
  const upstream = calls.filter(isUpstreamCall);
  if (upstream.length === 0) return undefined;
  const results = upstreamResults(tryStatement.tryBlock, upstream);
  const exchanges = calls.filter((call) => chainsOnUpstream(call, upstream));
  return { call: upstream[0], only: calls.every((call) => belongsToUpstream(call, exchanges, results)) };
}

/** Does the site run under a condition written inside its catch clause (`if (err.response) …`)? */
function isConditionalInCatch(site: ResponseSite): boolean {
  const clause = site.catchClause?.node;
  return clause !== undefined && site.conditions.some((condition) => condition.expression.getStart() > clause.getStart());
}

function upstreamCall(site: ResponseSite): ts.CallExpression | undefined {
  if (site.catchClause) return upstreamOfCatch(site)?.call;
  return site.callsBefore.find((call) => isUpstreamCall(call.node))?.node;
}

/** Which gateway status the site should send and why, or undefined when it is right or unclear. */
function gatewayStatus(site: ResponseSite, code: number): { status: 502 | 504; reason: string } | undefined {
  const call = upstreamCall(site);
  if (!call) return undefined;
  const timeout = testBeforeSite(site, isTimeoutTest);
  if (timeout) return code === 500 || code === 502 ? { status: 504, reason: `An upstream timeout (\`${codeText(timeout)}\`)` } : undefined;
  if (code !== 500) return undefined;
  const connection = testBeforeSite(site, isConnectionTest);
  if (connection) return { status: 502, reason: `An unreachable upstream (\`${codeText(connection)}\`)` };
  if (upstreamOfCatch(site)?.only && !isConditionalInCatch(site)) {
    return { status: 502, reason: `A failed call to another service (\`${codeText(call.expression)}\`)` };
  }
  return undefined;
}

export const gatewayErrorCodes: Rule<'gateway-error-codes'> = {
  meta: {
    id: 'gateway-error-codes',
    defaultSeverity: 'hint',
    description: 'An upstream timeout answered 500 or 502 instead of 504, or a failed upstream call answered 500 instead of 502.',
    fixable: true,
    docs: {
      details:
        'When the server calls another service and that call fails, the fault is neither the client\'s nor a bug ' +
        'here: 502 Bad Gateway says the upstream failed or answered garbage, 504 Gateway Timeout says it was too ' +
        'slow. Both tell clients a retry may work and tell on-call engineers where to look.\n\n' +
        'Reported: a response under a timeout test (`err.name === "AbortError"` or `"TimeoutError"`, ' +
        '`err.code === "ETIMEDOUT"`, `"ECONNABORTED"`, `"ESOCKETTIMEDOUT"`) sent as 500 or 502; a response under a ' +
        'connection-failure test (`ECONNREFUSED`, `ECONNRESET`, `ENOTFOUND`) sent as 500; and a 500 in a `catch` whose ' +
        '`try` only calls another service (`fetch`, `axios`, `got`, `http.request`, `somethingApi.…`, `callXService()`).\n\n' +
        'Not reported: tests with no upstream call in sight (a database timeout may deserve another answer), ' +
        'a `try` that also runs other code that could throw (the 500 may be for a bug here), a response under ' +
        'another condition inside the `catch`, and 503: some teams answer an unreachable dependency with 503 ' +
        'Service Unavailable, which is a defensible choice.',
      incorrect:
        "app.get('/rates', async (req, res) => {\n  try {\n    const reply = await fetch(RATES_URL, { signal: AbortSignal.timeout(3000) });\n    res.json(await reply.json());\n  } catch (e) {\n" +
        "    if (e.name === 'TimeoutError') return res.status(500).json({ error: 'Rates service is slow' });\n    res.status(500).json({ error: 'Rates service failed' });\n  }\n});",
      correct:
        "app.get('/rates', async (req, res) => {\n  try {\n    const reply = await fetch(RATES_URL, { signal: AbortSignal.timeout(3000) });\n    res.json(await reply.json());\n  } catch (e) {\n" +
        "    if (e.name === 'TimeoutError') return res.status(504).json({ error: 'Rates service is slow' });\n    res.status(502).json({ error: 'Rates service failed' });\n  }\n});",
    },
  },
  check(site, context) {
    const code = site.status.code;
    if (code === undefined || site.status.source === 'implicit') return;
    const verdict = gatewayStatus(site, code);
    if (!verdict) return;
    const fix = changeStatusFix(site, verdict.status, context, true);
    context.report({
      range: site.status.range,
      message: `${verdict.reason} answered ${codeLabel(code)}. Send ${codeLabel(verdict.status)}: ${verdict.status === 504 ? 'the service you called was too slow' : 'the service you called failed, not this server'}.`,
      fixes: fix ? [fix] : [],
    });
  },
};
