// Edits that give a response a new body, with or without a new status: the site's adapter writes
// them in its framework's idiom.
import { statusText } from './fixes';
import type { RuleContext } from '../rule';
import { quoted } from '../facts/style';
import type { ResponseSite, TextEdit } from '../types';

/**
 * Edits that make the site send `body` (code text), and `code` as its status when given, in the
 * site's framework idiom. Undefined when the site sends in a way that cannot take a body.
 */
export function sendBodyEdits(site: ResponseSite, body: string, context: RuleContext, code?: number): TextEdit[] | undefined {
  return site.adapter.sendBodyEdits(site, body, context, code === undefined ? undefined : statusText(site, code, context));
}

/** A property key as code: `email`, or `'user.email'` when it is not an identifier. */
export function objectKey(name: string, context: RuleContext): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : quoted(name, context.style);
}
