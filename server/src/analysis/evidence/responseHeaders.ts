// What the file tells about a response's headers, and one edit that adds headers the way the site
// already sets them: an Express chain (`.set(...)`), the headers object of `writeHead`, or
// `.setHeader(...)` where the code sends with `res.end()` (plain node:http has no `.set`).
import ts from 'typescript';
import { chainRootIdentifier, skipTypeWrappers } from '../facts/syntax';
import { responseUseAt } from '../adapters/chains';
import { addHeaderEdit } from '../edits/fixes';
import type { RuleContext } from '../rule';
import { indentationAt, quoted } from '../facts/style';
import type { ResponseSite, TextEdit } from '../types';

/** A header to add: its name, and its value as code (already quoted where it is a string). */
export type HeaderToAdd = readonly [name: string, value: string];

export function hasHeader(site: ResponseSite, name: string): boolean {
  return site.headers.some((header) => header.name === name);
}

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
  const until = site.send?.call.getEnd() ?? site.chain.getEnd();
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

/** A sent response with a known status that lacks `name` (lower-case) as far as anyone can tell. */
export function lacksHeader(site: ResponseSite, name: string): boolean {
  return site.send !== undefined && site.status.code !== undefined && !hasHeader(site, name) && !headersUnknown(site);
}

/** Adds properties to a `writeHead` headers object, or a headers object where there is none. */
function writeHeadEdit(call: ts.CallExpression, headers: readonly HeaderToAdd[], context: RuleContext): TextEdit | undefined {
  const entries = headers.map(([name, value]) => `${quoted(name, context.style)}: ${value}`);
  const last = call.arguments[call.arguments.length - 1];
  if (!last) return undefined;
  const object = skipTypeWrappers(last);
  if (call.arguments.length === 1 || ts.isStringLiteralLike(object)) {
    return { start: last.getEnd(), end: last.getEnd(), newText: `, { ${entries.join(', ')} }` };
  }
  if (!ts.isObjectLiteralExpression(object)) return undefined;
  const properties = object.properties;
  if (properties.length === 0) return { start: object.getStart(), end: object.getEnd(), newText: `{ ${entries.join(', ')} }` };
  // An object written one property per line gets the new ones on lines of their own.
  const first = properties[0].getStart();
  const multiline = context.text.slice(object.getStart(), first).includes('\n');
  const separator = multiline ? `,${context.style.eol}${indentationAt(context.text, first)}` : ', ';
  const end = properties[properties.length - 1].getEnd();
  return { start: end, end, newText: entries.map((entry) => separator + entry).join('') };
}

/**
 * One edit that adds `headers` to the site's response, or undefined where the code gives no safe
 * place (headers already flushed by a `writeHead` held in a variable, say).
 */
export function addHeadersEdit(site: ResponseSite, headers: readonly HeaderToAdd[], context: RuleContext): TextEdit | undefined {
  if (site.setter === 'writeHead') {
    // After writeHead the headers are sent: only its own headers argument can still take them.
    return site.statusNode && ts.isCallExpression(site.statusNode) ? writeHeadEdit(site.statusNode, headers, context) : undefined;
  }
  if (site.send?.method === 'end' && (site.setter === 'statusCode' || site.setter === 'implicit')) {
    const root = chainRootIdentifier(site.chain);
    if (!root) return undefined;
    const calls = headers.map(([name, value]) => `.setHeader(${quoted(name, context.style)}, ${value})`).join('');
    return { start: root.getEnd(), end: root.getEnd(), newText: calls };
  }
  const edits = headers.map(([name, value]) => addHeaderEdit(site, name, value, context));
  if (edits.some((edit) => edit === undefined)) return undefined;
  const defined = edits as TextEdit[];
  // Every insertion lands at the same anchor; one edit keeps their order for any client.
  return { start: defined[0].start, end: defined[0].end, newText: defined.map((edit) => edit.newText).join('') };
}

/** Names declared before the site in its scopes (parameters, `const`/`let`, destructuring), innermost first. */
export function namesInScope(site: ResponseSite): string[] {
  const names: string[] = [];
  const position = site.chain.getStart();
  const addBinding = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.push(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) addBinding(element.name);
  };
  for (let node: ts.Node | undefined = site.chain.parent; node; node = node.parent) {
    if (ts.isFunctionLike(node)) for (const parameter of node.parameters) addBinding(parameter.name);
    if (ts.isBlock(node) || ts.isSourceFile(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) {
      for (const statement of node.statements) {
        // Statements are in source order: the rest of a long file's top level comes after the site.
        if (statement.pos >= position) break;
        if (statement.getStart() >= position || !ts.isVariableStatement(statement)) continue;
        for (const declaration of statement.declarationList.declarations) addBinding(declaration.name);
      }
    }
  }
  return names;
}

/** The Retry-After value as code, and how a fix title names it. */
export interface RetryAfter {
  value: string;
  label: string;
}

/** A seconds variable in scope, a milliseconds one converted, or `fallback` seconds. */
export function retryAfterValue(site: ResponseSite, fallback: number, context: RuleContext): RetryAfter {
  const names = namesInScope(site);
  const seconds = names.find((name) => /^(retry_?after|retry_?after_?(s|secs?|seconds)|(wait|retry)_?(s|secs?|seconds)|seconds_?(to_?wait|until_?reset|left))$/i.test(name));
  if (seconds) return { value: `String(${seconds})`, label: `Retry-After header from ${seconds}` };
  const millis = names.find((name) => /^(ms_?before_?next|retry_?after_?(ms|millis(econds)?)|wait_?ms)$/i.test(name));
  if (millis) return { value: `String(Math.ceil(${millis} / 1000))`, label: `Retry-After header from ${millis} (in seconds)` };
  return { value: quoted(String(fallback), context.style), label: `Retry-After: ${fallback} header` };
}
