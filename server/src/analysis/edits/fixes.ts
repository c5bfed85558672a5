// Edits that many rules' fixes share: change a status keeping its naming, insert a status where it
// was implicit, add a header to a chain keeping its layout. Rules compose these into Fix objects.
import ts from 'typescript';
import { reasonPhrase } from '../../knowledge';
import { chainRootIdentifier } from '../facts/syntax';
import { constantName } from '../facts/constants';
import type { RuleContext } from '../rule';
import { indentationAt, quoted } from '../facts/style';
import type { Fix, ResponseSite, TextEdit } from '../types';

/** "201 Created": how titles name a code. */
export function codeLabel(code: number): string {
  const phrase = reasonPhrase(code);
  return phrase ? `${code} ${phrase}` : String(code);
}

/** The text that names `code` the way the site names its current status. */
export function statusText(site: ResponseSite, code: number, context: RuleContext): string {
  const constant = site.status.constant;
  if (!constant) return String(code);
  if (constant.table === 'local') {
    const binding = context.bindings.get(constant.qualifier);
    if (binding?.kind === 'object') {
      for (const [name, value] of binding.members) if (value === code) return `${constant.qualifier}.${name}`;
    }
    return String(code);
  }
  const name = constantName(constant.table, code);
  return name && constant.qualifier ? `${constant.qualifier}.${name}` : String(code);
}

/**
 * Sets the site's status to `code`: replaces an explicit status, or makes an implicit one
 * explicit (`res.json(x)` → `res.status(404).json(x)`, `res.redirect(url)` → `res.redirect(307, url)`).
 */
export function setStatusEdit(site: ResponseSite, code: number, context: RuleContext): TextEdit | undefined {
  const text = statusText(site, code, context);
  if (site.status.expression) return { ...site.status.range, newText: text };
  if (site.send?.method === 'redirect') {
    const url = site.send.call.arguments[0];
    return url ? { start: url.getStart(), end: url.getStart(), newText: `${text}, ` } : undefined;
  }
  const root = chainRootIdentifier(site.chain);
  return root ? { start: root.getEnd(), end: root.getEnd(), newText: `.status(${text})` } : undefined;
}

/** A fix that changes the status: "Change 200 to 201 Created". */
export function changeStatusFix(site: ResponseSite, code: number, context: RuleContext, isPreferred = false): Fix | undefined {
  const edit = setStatusEdit(site, code, context);
  if (!edit) return undefined;
  const from = site.status.code === undefined ? 'the status' : String(site.status.code);
  return { title: `Change ${from} to ${codeLabel(code)}`, edits: [edit], isPreferred };
}

/**
 * Inserts `.set(name, value)` into the chain, after the status call when there is one, keeping a
 * chain written one link per line on its own line. `value` is code, already quoted where needed.
 */
export function addHeaderEdit(site: ResponseSite, name: string, value: string, context: RuleContext): TextEdit | undefined {
  const call = `.set(${quoted(name, context.style)}, ${value})`;
  const statusCall = site.statusNode && ts.isCallExpression(site.statusNode) && site.statusNode.getStart() >= site.chain.getStart() && site.statusNode.getEnd() <= site.chain.getEnd() && site.setter !== 'sendStatus' ? site.statusNode : undefined;
  const anchor = statusCall ?? chainRootIdentifier(site.chain);
  if (!anchor) return undefined;
  const at = anchor.getEnd();
  // A chain laid out one call per line gets the new call on a line of its own.
  const next = /^(\r?\n)([ \t]*)\./.exec(context.text.slice(at));
  if (next) return { start: at, end: at, newText: `${next[1]}${next[2]}${call}` };
  return { start: at, end: at, newText: call };
}

/** Inserts a whole statement on its own line before the site's statement. */
export function insertStatementBefore(site: ResponseSite, statement: string, context: RuleContext): TextEdit {
  const start = site.statement.getStart();
  const indent = indentationAt(context.text, start);
  return { start, end: start, newText: `${statement}${context.style.semicolons ? ';' : ''}${context.style.eol}${indent}` };
}
