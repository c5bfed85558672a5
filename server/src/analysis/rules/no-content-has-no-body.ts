// Reports a 204 No Content or 304 Not Modified that is given a body. Neither status may carry one:
// Express and Node drop it without a word, so the data the code means to send never arrives.
import ts from 'typescript';
import { skipTypeWrappers } from '../facts/syntax';
import { changeStatusFix, codeLabel } from '../edits/fixes';
import type { Rule } from '../rule';
import type { Fix } from '../types';

const BODILESS = new Set([204, 304]);

/** `null`, `undefined` and `''` are ways of sending nothing, not a body. */
function isNothing(body: ts.Expression): boolean {
  const value = skipTypeWrappers(body);
  return value.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(value) && value.text === 'undefined') || (ts.isStringLiteralLike(value) && value.text === '');
}

export const noContentHasNoBody: Rule<'no-content-has-no-body'> = {
  meta: {
    id: 'no-content-has-no-body',
    defaultSeverity: 'warning',
    description: 'A 204 or 304 response that sends a body.',
    fixable: true,
    docs: {
      details:
        'A 204 No Content says "done, nothing to return"; a 304 Not Modified says "use your cached copy". HTTP ' +
        'forbids a body on both, and Express and Node quietly drop one, so the client never receives what the ' +
        'code passes to `.json(…)` or `.send(…)`.\n\n' +
        'Not reported: `.end()`, `.send()` and `sendStatus(204)` without a body; `null`, `undefined` or `\'\'` ' +
        'passed as the body (they send nothing); statuses the file does not pin down.\n\n' +
        'The preferred fix drops the body (`.json(x)` becomes `.end()`). When the body matters, the second fix ' +
        'keeps it and changes the status to 200.',
      incorrect: "app.delete('/books/:id', async (req, res) => {\n  await Book.deleteOne({ _id: req.params.id });\n  res.status(204).json({ deleted: true });\n});",
      correct: "app.delete('/books/:id', async (req, res) => {\n  await Book.deleteOne({ _id: req.params.id });\n  res.status(204).end();\n});",
    },
  },
  check(site, context) {
    const code = site.status.code;
    if (code === undefined || !BODILESS.has(code) || !site.body || isNothing(site.body) || !site.send) return;
    const fixes: Fix[] = [];
    const drop = site.adapter.dropBodyFix(site);
    if (drop) fixes.push({ ...drop, isPreferred: true });
    const keep = changeStatusFix(site, 200, context);
    if (keep) fixes.push({ ...keep, title: `${keep.title} and keep the body` });
    context.report({
      range: site.status.range,
      message: `${codeLabel(code)} cannot carry a body: the \`${site.send.label}\` body is dropped before it reaches the client. Send nothing, or answer 200 with the body.`,
      fixes,
    });
  },
};
