// Reports 404 answering a validation failure: a branch that tests the body or query, a
// validation error type, or a message such as "id must be a number". 404 says "no such
// resource", so clients show "not found" instead of telling the user what to fix.
// A 404 after a lookup found nothing is right and never reported.
import { codeLabel } from '../edits/fixes';
import type { Rule } from '../rule';
import { preferredValidationStatus, validationCause, validationFixes, validationPhrase } from '../evidence/validationCause';

export const noNotFoundForValidation: Rule<'no-not-found-for-validation'> = {
  meta: {
    id: 'no-not-found-for-validation',
    defaultSeverity: 'warning',
    description: 'A 404 response that answers a validation failure rather than a missing resource.',
    fixable: true,
    docs: {
      details:
        '404 tells the client that nothing lives at this URL. A request with a missing or malformed field is a ' +
        'different failure: the client has to fix what it sent, which is 400 (format) or 422 (business rule). A ' +
        'client that handles 404 as "gone" will never show the user which field is wrong.\n\n' +
        'Reported: a 404 in a branch that tests `req.body` or `req.query` (or names taken from them) for a missing ' +
        'or bad value, a failed validation result, a validation error type in a `catch` or error handler, and a 404 ' +
        'whose message reads like validation ("is required", "must be", "invalid id").\n\n' +
        'Not reported: a 404 in a branch that tests a lookup result (`const user = await User.findById(id); if ' +
        '(!user)`), which is exactly what 404 is for; a check of a route parameter alone (`if (!isValidObjectId(' +
        'req.params.id))`) unless its message says it is a validation failure, since an id that cannot exist may ' +
        'fairly be answered "not found"; a Mongoose `CastError` for the same reason; and any dynamic status.',
      incorrect: "app.get('/search', (req, res) => {\n  if (!req.query.q) {\n    return res.status(404).json({ error: 'q is required' });\n  }\n  res.json(search(req.query.q));\n});",
      correct: "app.get('/search', (req, res) => {\n  if (!req.query.q) {\n    return res.status(400).json({ error: 'q is required' });\n  }\n  res.json(search(req.query.q));\n});",
      options:
        '`httpStatusGuide.validationStatus` (400 or 422) picks the preferred fix; a comparison of two values ' +
        '(`endDate <= startDate`) prefers 422, as the guide does.',
    },
  },
  check(site, context) {
    if (site.status.code !== 404 || site.status.source === 'implicit') return;
    const cause = validationCause(site, false);
    if (!cause) return;
    // A route parameter that fails a check may name a resource that cannot exist: only the message can tell.
    const phrase = cause.paramsOnly ? validationPhrase(site) : undefined;
    if (cause.paramsOnly && !phrase) return;
    const evidence = phrase ? `the message says "${phrase}"` : cause.evidence;
    const preferred = preferredValidationStatus(cause.semantic, context);
    context.report({
      range: site.status.range,
      message: `404 for a validation failure (${evidence}): clients will read "no such resource", not "fix the request". Answer ${codeLabel(preferred)}.`,
      fixes: validationFixes(site, preferred, context),
    });
  },
};
