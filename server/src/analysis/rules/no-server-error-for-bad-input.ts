// Reports 500 where the code itself shows the client's input is at fault: a branch that tests
// `req.body`/`req.query`/`req.params`, a catch branch for a validation error type, a try block
// that only validates, or a message such as "email is required". A 500 tells clients the server
// broke and invites retries that can never succeed; the fix is 400 or 422.
import { codeLabel } from '../edits/fixes';
import type { Rule } from '../rule';
import { preferredValidationStatus, validationCause, validationFixes } from '../evidence/validationCause';

export const noServerErrorForBadInput: Rule<'no-server-error-for-bad-input'> = {
  meta: {
    id: 'no-server-error-for-bad-input',
    defaultSeverity: 'warning',
    description: "A 500 response where the client's input is at fault.",
    fixable: true,
    docs: {
      details:
        "500 says the server failed, so clients, proxies and retry libraries try again, and monitoring pages " +
        'someone. When the request itself is wrong, no retry can succeed: the client has to change it, which is ' +
        'what 400 (malformed: missing fields, wrong types, bad values) and 422 (well formed, but breaks a ' +
        'business rule) say.\n\n' +
        'Reported: a 500 in a branch that tests request input (`if (!req.body.email)`, `if (typeof age !== "number")`, ' +
        'names destructured from `req.body`), a failed validation result (`if (error)` after `schema.validate`, ' +
        '`!errors.isEmpty()`), a branch for a validation error type (`instanceof ZodError`, `err.name === ' +
        '"ValidationError"`, `err.isJoi`, a Mongoose `CastError`, body-parser\'s `entity.parse.failed`), a `catch` ' +
        'whose `try` does nothing but validate input, or a message that reads like validation ("is required", ' +
        '"must be", "invalid email").\n\n' +
        'Not reported: a `catch` that answers every error with 500 when the `try` also does other work (the ' +
        'failure may well be the server\'s), a branch for good input (`if (req.body.email)`) or a mode switch ' +
        '(`req.query.format === "csv"`), a branch that tests a lookup result, and any dynamic status.',
      incorrect: "app.post('/signup', async (req, res) => {\n  if (!req.body.email) {\n    return res.status(500).json({ error: 'email is required' });\n  }\n  res.status(201).json(await Account.create(req.body));\n});",
      correct: "app.post('/signup', async (req, res) => {\n  if (!req.body.email) {\n    return res.status(400).json({ error: 'email is required' });\n  }\n  res.status(201).json(await Account.create(req.body));\n});",
      options:
        '`httpStatusGuide.validationStatus` (400 or 422) picks the preferred fix. Following the guide, a ' +
        'comparison of two values (`endDate <= startDate`, `balance < amount`) prefers 422 whatever the setting; ' +
        'teams that answer every validation failure with 422 set the option to 422.',
    },
  },
  check(site, context) {
    if (site.status.code !== 500 || site.status.source === 'implicit') return;
    const cause = validationCause(site, true);
    if (!cause) return;
    const preferred = preferredValidationStatus(cause.semantic, context);
    context.report({
      range: site.status.range,
      message: `500 for bad input (${cause.evidence}): clients will retry a request that can never succeed. Answer ${codeLabel(preferred)}.`,
      fixes: validationFixes(site, preferred, context),
    });
  },
};
