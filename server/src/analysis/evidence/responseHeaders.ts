// What the file tells about a response's headers: whether one is set, whether code the file
// cannot see may set them (the adapter knows), and values for headers a fix adds.
import ts from 'typescript';
import type { RuleContext } from '../rule';
import { quoted } from '../facts/style';
import type { ResponseSite } from '../types';

/** For a site another part of the project sends (a thrown error): where the missing header must come from. */
export function headerSource(site: ResponseSite, header: string): string {
  if (site.completedBy === 'helper') return ` The response is made by \`${site.send?.label ?? 'a helper'}\`: set ${header} there.`;
  if (site.completedBy !== 'error-handler') return '';
  // A status set on the response before the throw keeps the response's headers too.
  return site.responseName
    ? ` The error handler sends it: set ${header} on the response before the throw, or in the error handler.`
    : ` The error is sent by the error handler: set ${header} there, or give the error the header to send.`;
}

export function hasHeader(site: ResponseSite, name: string): boolean {
  return site.headers.some((header) => header.name === name);
}

/** A sent response with a known status that lacks `name` (lower-case) as far as anyone can tell. */
export function lacksHeader(site: ResponseSite, name: string): boolean {
  return site.send !== undefined && site.status.code !== undefined && !hasHeader(site, name) && !site.adapter.headersMayBeSetElsewhere(site);
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
