// Edits in Next.js's idiom. A route handler's response takes its status and headers from its init
// (`NextResponse.json(body, { status: 404, headers: { … } })`): a fix writes them there, adds the
// init where there is none, and turns `new Response(…)` into `Response.json(…)` to send a JSON
// body. next/navigation's `redirect()` and `notFound()` take no status or headers: no edit. A
// Pages API `res` is Express-like, without Express's `.set()` or `.sendStatus()`.
import ts from 'typescript';
import { quoted } from '../facts/style';
import { skipTypeWrappers } from '../facts/syntax';
import type { RuleContext } from '../rule';
import type { Fix, ResponseSite, TextEdit } from '../types';
import type { HeaderToAdd, ResponseAdapter } from './adapter';
import { expressAdapter } from './express';
import { responseMaking, type ResponseMaking } from './nextjs';
import { headersObjectOf, headersValue, initObject, responseHeaders } from './nextjsHeaders';
import { addPropertiesEdit, endResponseFixes, setHeaderCallsEdit } from './nodeHttp';

function makingOf(site: ResponseSite): ResponseMaking | undefined {
  return site.send && responseMaking(site.send.node);
}

/** Where an init goes when the call has none: after the body (`null` standing in for a missing one). */
function newInitEdit(making: ResponseMaking, init: string): TextEdit | undefined {
  const args = making.node.arguments;
  if (!args) return undefined;
  if (args[0]) return args.length === 1 ? { start: args[0].getEnd(), end: args[0].getEnd(), newText: `, ${init}` } : undefined;
  // `NextResponse.json()` sends `null` as JSON, `new Response()` nothing: only the latter keeps its meaning.
  return making.how === 'constructor' ? { start: args.pos, end: args.pos, newText: `null, ${init}` } : undefined;
}

/** `{ status: N }` as the init, or `status: N` into the init there is. */
function setDefaultStatusEdit(site: ResponseSite, status: string, context: RuleContext): TextEdit | undefined {
  const making = makingOf(site);
  if (!making || making.how === 'navigation') return undefined;
  const init = initObject(making.node);
  if (init) return addPropertiesEdit(init, [`status: ${status}`], context);
  if (making.node.arguments?.[1]) return undefined;
  return newInitEdit(making, making.how === 'redirect' ? status : `{ status: ${status} }`);
}

/** Headers into the init's `headers` (an object or `new Headers({…})`), a `headers` property, or a new init. */
function addHeadersEdit(site: ResponseSite, headers: readonly HeaderToAdd[], context: RuleContext): TextEdit | undefined {
  const making = makingOf(site);
  if (!making || making.how === 'navigation') return undefined;
  const entries = headers.map(([name, value]) => `${quoted(name, context.style)}: ${value}`);
  const init = initObject(making.node);
  if (!init) return making.node.arguments?.[1] ? undefined : newInitEdit(making, `{ headers: { ${entries.join(', ')} } }`);
  const value = headersValue(init);
  if (!value) return addPropertiesEdit(init, [`headers: { ${entries.join(', ')} }`], context);
  const object = headersObjectOf(value);
  const inner = object && skipTypeWrappers(object);
  return inner && ts.isObjectLiteralExpression(inner) ? addPropertiesEdit(inner, entries, context) : undefined;
}

/**
 * Sends `body` as JSON: `NextResponse.json(x)` gets the new body, `new Response(x, init)` becomes
 * `Response.json(body, init)`; `status` goes into the init.
 */
function sendBodyEdits(site: ResponseSite, body: string, context: RuleContext, status?: string): TextEdit[] | undefined {
  const making = makingOf(site);
  if (!making || (making.how !== 'json' && making.how !== 'constructor')) return undefined;
  const statusEdit = status === undefined ? undefined : site.status.expression ? { ...site.status.range, newText: status } : setDefaultStatusEdit(site, status, context);
  if (status !== undefined && !statusEdit) return undefined;
  const [first] = making.node.arguments ?? [];
  let bodyEdit: TextEdit | undefined;
  if (making.how === 'json') bodyEdit = first ? { start: first.getStart(), end: first.getEnd(), newText: body } : { start: making.node.arguments!.pos, end: making.node.arguments!.pos, newText: body };
  else if (first) bodyEdit = { start: making.node.getStart(), end: first.getEnd(), newText: `${making.receiver}.json(${body}` };
  return bodyEdit && [bodyEdit, ...(statusEdit ? [statusEdit] : [])];
}

/** `NextResponse.json(x, init)` → `new NextResponse(null, init)`; `new Response(x, init)` → `new Response(null, init)`. */
function dropBodyFix(site: ResponseSite): Fix | undefined {
  const making = makingOf(site);
  const first = making?.node.arguments?.[0];
  if (!making || !first) return undefined;
  if (making.how === 'constructor') return { title: `Remove the body (\`new ${making.receiver}(…)\` → \`new ${making.receiver}(null, …)\`)`, edits: [{ start: first.getStart(), end: first.getEnd(), newText: 'null' }] };
  if (making.how !== 'json') return undefined;
  return { title: `Remove the body (\`${making.receiver}.json(…)\` → \`new ${making.receiver}(null, …)\`)`, edits: [{ start: making.node.getStart(), end: first.getEnd(), newText: `new ${making.receiver}(null` }] };
}

export const nextAdapter: ResponseAdapter = {
  framework: 'next',
  setDefaultStatusEdit,
  headersMayBeSetElsewhere: (site) => {
    const making = makingOf(site);
    return making !== undefined && responseHeaders(making.node).unknown;
  },
  addHeadersEdit,
  sendBodyEdits,
  dropBodyFix,
  // A response a route handler makes is sent: there is never a status left unsent.
  completeResponseFixes: () => [],
  completesLater: () => false,
  // The Response constructor converts a numeric string.
  stringStatusProblem: () => undefined,
};

/** A Pages API `res`: Express-like, with node:http's `setHeader` and `end` in place of `.set()` and `.sendStatus()`. */
export const nextPagesAdapter: ResponseAdapter = {
  ...expressAdapter,
  framework: 'next',
  addHeadersEdit: setHeaderCallsEdit,
  completeResponseFixes: endResponseFixes,
  // Next.js passes the status on to node:http, which converts a numeric string.
  stringStatusProblem: () => undefined,
};
