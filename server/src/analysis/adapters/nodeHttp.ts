// node:http's own idiom for headers: the headers object of `writeHead`, and `setHeader` calls
// where the code ends with `res.end()` (a plain ServerResponse has no `.set`).
import ts from 'typescript';
import { chainRootIdentifier, skipTypeWrappers } from '../facts/syntax';
import { indentationAt, quoted } from '../facts/style';
import type { RuleContext } from '../rule';
import type { ResponseSite, TextEdit } from '../types';
import type { HeaderToAdd } from './adapter';

export /** Adds properties to a `writeHead` headers object, or a headers object where there is none. */
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

/** `res.setHeader(name, value)` calls inserted after the response object: `res.setHeader(…).end()`. */
export function setHeaderCallsEdit(site: ResponseSite, headers: readonly HeaderToAdd[], context: RuleContext): TextEdit | undefined {
  const root = chainRootIdentifier(site.chain);
  if (!root) return undefined;
  const calls = headers.map(([name, value]) => `.setHeader(${quoted(name, context.style)}, ${value})`).join('');
  return { start: root.getEnd(), end: root.getEnd(), newText: calls };
}
