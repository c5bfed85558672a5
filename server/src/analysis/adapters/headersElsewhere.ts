// Whether code the file cannot see may set a response's headers (Express and node:http): rules
// that miss a header stay quiet then.
import ts from 'typescript';
import { fileIndexOf, listedBefore } from '../facts/fileIndex';
import { calleeOf, skipTypeWrappers } from '../facts/syntax';
import type { ResponseSite } from '../types';
import { responseUseAt } from './chains';

/** A headers object whose names the file spells out (no spread, no computed names). */
export function isSpelledOut(object: ts.Expression | undefined): boolean {
  const value = object && skipTypeWrappers(object);
  return !!value && ts.isObjectLiteralExpression(value) && value.properties.every((p) => ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)));
}

/** Does this use of the response set headers whose names the file does not spell out? */
function setsUnnamedHeaders(use: NonNullable<ReturnType<typeof responseUseAt>>): boolean {
  return use.links.some((link) => {
    const [first, second, third] = link.call.arguments;
    if (['set', 'header', 'headers', 'append'].includes(link.name)) return !!first && !ts.isStringLiteralLike(first) && !isSpelledOut(first);
    if (link.name === 'setHeader') return !!first && !ts.isStringLiteralLike(first);
    // writeHead(status[, reason][, headers])
    const headers = [second, third].find((argument) => argument && !ts.isStringLiteralLike(argument));
    return link.name === 'writeHead' && headers !== undefined && !isSpelledOut(headers);
  });
}

/** The name a function is declared under (`const onLimit = (req, res) => …`). */
function declaredName(fn: ts.Node): string | undefined {
  if (ts.isFunctionDeclaration(fn)) return fn.name?.text;
  return ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) ? fn.parent.name.text : undefined;
}

/** Is `node` a value in an options object given to a call (`rateLimit({ handler })`)? */
function isOptionValue(node: ts.Node): boolean {
  const object = ts.isPropertyAssignment(node.parent) || ts.isShorthandPropertyAssignment(node.parent) ? node.parent.parent : ts.isMethodDeclaration(node) ? node.parent : undefined;
  return !!object && ts.isObjectLiteralExpression(object) && ts.isCallExpression(object.parent);
}

/**
 * A handler a library calls from its options (`rateLimit({ handler })`): the library prepares the
 * response first (express-rate-limit sets Retry-After before it calls `handler`).
 */
function isLibraryCallback(fn: ts.Node): boolean {
  if (isOptionValue(fn)) return true;
  const name = declaredName(fn);
  return name !== undefined && optionValueNames(fn.getSourceFile()).has(name);
}

const optionNamesByFile = new WeakMap<ts.SourceFile, Set<string>>();

/** Names given as values in options objects of calls (`handler: onLimit`, `{ handler }`), once per file. */
function optionValueNames(sourceFile: ts.SourceFile): Set<string> {
  const cached = optionNamesByFile.get(sourceFile);
  if (cached) return cached;
  const names = new Set<string>();
  for (const property of fileIndexOf(sourceFile).properties) {
    if (ts.isShorthandPropertyAssignment(property) && isOptionValue(property.name)) names.add(property.name.text);
    else if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.initializer) && isOptionValue(property.initializer)) names.add(property.initializer.text);
  }
  optionNamesByFile.set(sourceFile, names);
  return names;
}

/**
 * Libraries that are handed the response to read from it (the session cookie), never to answer:
 * `getServerSession(req, res, authOptions)` in a Next.js Pages API route.
 */
const RESPONSE_READERS = /^(getServerSession|unstable_getServerSession|getSession|getToken|getAuth|getCookie|getCookies|hasCookie)$/;

/** Is `call` one that may set headers on a response it receives? */
function mayWriteResponse(call: ts.CallExpression, names: ReadonlySet<string>): boolean {
  return !RESPONSE_READERS.test(calleeOf(call)?.name ?? '') && call.arguments.some((a) => ts.isIdentifier(skipTypeWrappers(a)) && names.has(skipTypeWrappers(a).getText()));
}

/**
 * True when headers may be set where the file cannot see them: the response is handed to other
 * code first (`applyRateLimitHeaders(res)`), a library prepares it before calling the handler, or
 * a header is set with a name held in a variable (`res.set(headers)`). Rules that miss a header
 * stay quiet then. `setsNoHeaders` names the calls known to take the response only to read it.
 */
export function headersUnknown(site: ResponseSite, setsNoHeaders: (call: ts.CallExpression) => boolean = () => false): boolean {
  const handler = site.handler;
  if (!handler?.node.body) return false;
  return isLibraryCallback(handler.node) || headersSetOutOfSight(site, setsNoHeaders);
}

/**
 * True when the handler hands the response to other code before the site, or sets a header whose
 * name the file does not spell out. (Frameworks whose routes take their handler in an options
 * object, like Fastify's `route({ handler })`, ask this alone.)
 */
export function headersSetOutOfSight(site: ResponseSite, setsNoHeaders: (call: ts.CallExpression) => boolean = () => false): boolean {
  const body = site.handler?.node.body;
  if (!body) return false;
  const names = site.responseNames;
  const until = site.send?.node.getEnd() ?? site.chain.getEnd();
  for (const node of listedBefore(body, until)) {
    const use = responseUseAt(node, names);
    if (use && setsUnnamedHeaders(use)) return true;
    if (!use && ts.isCallExpression(node) && !setsNoHeaders(node) && mayWriteResponse(node, names)) return true;
  }
  return false;
}
