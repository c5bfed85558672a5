// Fixes that add a missing check to a handler: `if (!user) return res.status(404).json(…)` after
// the lookup, or `if (!isValid(id)) return …` before it. The answer is written by the site's
// adapter, so the check reads right in each framework; none where the adapter has no one-statement answer.
import { objectProperties } from '../evidence/body';
import { statusText } from './fixes';
import { objectKey } from './bodyFix';
import { indentationAt, quoted } from '../facts/style';
import type { RuleContext } from '../rule';
import type ts from 'typescript';
import type { ResponseSite, TextEdit } from '../types';

/** The key the site's own body names its message with (`message`, `msg`), else `error`. */
function messageKey(site: ResponseSite): string {
  const keys = [...(objectProperties(site.body)?.keys() ?? [])];
  return keys.find((key) => /^(error|message|msg|detail)$/.test(key)) ?? 'error';
}

/**
 * An edit that puts `if (condition) <answer code with message>` on its own line before or after
 * `statement`, answered the way the site's framework answers; undefined where it has no such answer.
 */
export function guardEdit(site: ResponseSite, statement: ts.Statement, where: 'before' | 'after', condition: string, code: number, message: string, context: RuleContext): TextEdit | undefined {
  const body = `{ ${objectKey(messageKey(site), context)}: ${quoted(message, context.style)} }`;
  const answer = site.adapter.answerStatement?.(site, statusText(site, code, context), body, context);
  if (!answer) return undefined;
  const guard = `if (${condition}) ${answer}${context.style.semicolons ? ';' : ''}`;
  const start = statement.getStart();
  const indent = indentationAt(context.text, start);
  if (where === 'before') return { start, end: start, newText: `${guard}${context.style.eol}${indent}` };
  const end = statement.getEnd();
  return { start: end, end, newText: `${context.style.eol}${indent}${guard}` };
}
