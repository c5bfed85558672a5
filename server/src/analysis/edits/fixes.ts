// Edits that many rules' fixes share: change a status keeping its naming, make a default status
// explicit, add headers; the last two in the site's framework idiom, through its adapter.
import { reasonPhrase } from '../../knowledge';
import { constantName } from '../facts/constants';
import type { RuleContext } from '../rule';
import { indentationAt, quoted } from '../facts/style';
import type { Fix, ResponseSite, TextEdit } from '../types';
import type { HeaderToAdd } from '../adapters/adapter';

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
      for (const [path, value] of binding.members) if (value === code) return memberPathText(constant.qualifier, path, context);
    }
    return String(code);
  }
  const name = constantName(constant.table, code);
  return name && constant.qualifier ? `${constant.qualifier}.${name}` : String(code);
}

/** How code names a member path: `HTTP.client.notFound`, `HTTP['not-found']`. */
function memberPathText(qualifier: string, path: string, context: RuleContext): string {
  return qualifier + path.split('.').map((name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${quoted(name, context.style)}]`)).join('');
}

/**
 * Sets the site's status to `code`: replaces an explicit status, or asks the site's framework to
 * make its default explicit (`res.json(x)` → `res.status(404).json(x)`).
 */
export function setStatusEdit(site: ResponseSite, code: number, context: RuleContext): TextEdit | undefined {
  const text = statusText(site, code, context);
  if (site.status.expression) return { ...site.status.range, newText: text };
  return site.adapter.setDefaultStatusEdit(site, text, context);
}

/** One edit that adds every header in the site's framework idiom, or undefined where none is safe. */
export function addHeadersEdit(site: ResponseSite, headers: readonly HeaderToAdd[], context: RuleContext): TextEdit | undefined {
  return site.adapter.addHeadersEdit(site, headers, context);
}

/** A fix that changes the status: "Change 200 to 201 Created". */
export function changeStatusFix(site: ResponseSite, code: number, context: RuleContext, isPreferred = false): Fix | undefined {
  const edit = setStatusEdit(site, code, context);
  if (!edit) return undefined;
  const from = site.status.code === undefined ? 'the status' : String(site.status.code);
  return { title: `Change ${from} to ${codeLabel(code)}`, edits: [edit], isPreferred };
}

/** Inserts a whole statement on its own line before the site's statement. */
export function insertStatementBefore(site: ResponseSite, statement: string, context: RuleContext): TextEdit {
  const start = site.statement.getStart();
  const indent = indentationAt(context.text, start);
  return { start, end: start, newText: `${statement}${context.style.semicolons ? ';' : ''}${context.style.eol}${indent}` };
}
