// Headers of an Express response: whether code the file cannot see may set them, and one edit
// that adds headers the way the site already sets them (a `.set(…)` in the chain, or node:http's
// idiom where the site uses it).
import ts from 'typescript';
import { chainRootIdentifier, skipTypeWrappers } from '../facts/syntax';
import type { RuleContext } from '../rule';
import { quoted } from '../facts/style';
import type { ResponseSite, TextEdit } from '../types';
import type { HeaderToAdd } from './adapter';
import { responseUseAt } from './chains';
import { setHeaderCallsEdit, writeHeadEdit } from './nodeHttp';

/** A headers object whose names the file spells out (no spread, no computed names). */
function isSpelledOut(object: ts.Expression | undefined): boolean {
  const value = object && skipTypeWrappers(object);
  return !!value && ts.isObjectLiteralExpression(value) && value.properties.every((p) => ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)));
}

/** Does this use of the response set headers whose names the file does not spell out? */
function setsUnnamedHeaders(use: NonNullable<ReturnType<typeof responseUseAt>>): boolean {
  return use.links.some((link) => {
    const [first, second, third] = link.call.arguments;
    if (['set', 'header', 'append'].includes(link.name)) return !!first && !ts.isStringLiteralLike(first) && !isSpelledOut(first);
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
  const visit = (node: ts.Node): void => {
    if (ts.isShorthandPropertyAssignment(node) && isOptionValue(node.name)) names.add(node.name.text);
    else if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.initializer) && isOptionValue(node.initializer)) names.add(node.initializer.text);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  optionNamesByFile.set(sourceFile, names);
  return names;
}

/**
 * True when headers may be set where the file cannot see them: the response is handed to other
 * code first (`applyRateLimitHeaders(res)`), a library prepares it before calling the handler, or
 * a header is set with a name held in a variable (`res.set(headers)`). Rules that miss a header
 * stay quiet then.
 */
export function headersUnknown(site: ResponseSite): boolean {
  const handler = site.handler;
  const body = handler?.node.body;
  if (!handler || !body) return false;
  if (isLibraryCallback(handler.node)) return true;
  const names = site.responseNames;
  const until = site.send?.node.getEnd() ?? site.chain.getEnd();
  let unknown = false;
  const visit = (node: ts.Node): void => {
    if (unknown || node.getStart() >= until) return;
    const use = responseUseAt(node, names);
    if (use && setsUnnamedHeaders(use)) unknown = true;
    else if (!use && ts.isCallExpression(node) && node.arguments.some((a) => ts.isIdentifier(skipTypeWrappers(a)) && names.has(skipTypeWrappers(a).getText()))) unknown = true;
    ts.forEachChild(node, visit);
  };
  visit(body);
  return unknown;
}

/**
 * One edit that adds `headers` to the site's response, or undefined where the code gives no safe
 * place (headers already flushed by a `writeHead` held in a variable, say).
 */
export function addHeadersEdit(site: ResponseSite, headers: readonly HeaderToAdd[], context: RuleContext): TextEdit | undefined {
  const { setter, sendCall } = site.shape;
  if (setter === 'writeHead') {
    // After writeHead the headers are sent: only its own headers argument can still take them.
    return site.statusNode && ts.isCallExpression(site.statusNode) ? writeHeadEdit(site.statusNode, headers, context) : undefined;
  }
  if (sendCall?.method === 'end' && (setter === 'statusCode' || setter === 'implicit')) return setHeaderCallsEdit(site, headers, context);
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
  if (!anchor) return undefined;
  const at = anchor.getEnd();
  const next = /^(\r?\n)([ \t]*)\./.exec(context.text.slice(at));
  if (next) return { start: at, end: at, newText: `${next[1]}${next[2]}${calls}` };
  return { start: at, end: at, newText: calls };
}
