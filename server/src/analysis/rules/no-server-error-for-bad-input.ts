// Reports 500 where the code itself shows the client's input is at fault: a branch that tests
// `req.body`/`req.query`/`req.params`, a catch branch for a validation error type, a try block
// that only validates, or a message such as "email is required". A 500 tells clients the server
// broke and invites retries that can never succeed; the fix is 400 or 422.
// Also reports a catch-all 500 that the try block's lookups will reach on bad input: a record looked
// up by a path key and used unchecked (404 when missing), a raw id handed to an ObjectId finder (400).
import { codeLabel } from '../edits/fixes';
import { guardEdit } from '../edits/guardFix';
import { shorten } from '../facts/shorten';
import type { Rule, RuleContext } from '../rule';
import { failingLookups, mongooseName, type FailingLookup } from '../evidence/failingLookups';
import { preferredValidationStatus, validationCause, validationFixes } from '../evidence/validationCause';
import type { Fix, ResponseSite } from '../types';

/** `blogPost` → "Blog post". */
function recordLabel(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function lookupMessage(lookup: FailingLookup): string {
  const call = shorten(lookup.call.getText(), 40);
  return lookup.kind === 'missing-record'
    ? `500 for a missing record: \`${lookup.name}\` from \`${call}\` is used without a check, so an unknown id becomes a TypeError that lands here. Answer 404 Not Found when it is missing.`
    : `500 for a malformed id: \`${shorten(lookup.name, 30)}\` goes to \`${call}\` unchecked, so an id that is not an ObjectId throws a CastError that lands here. Answer 400 Bad Request for it.`;
}

/** The check the lookup lacks, where the code says what to check and the site's framework can answer. */
function lookupFix(site: ResponseSite, lookup: FailingLookup, context: RuleContext): Fix | undefined {
  if (!lookup.statement) return undefined;
  if (lookup.kind === 'missing-record') {
    const edit = guardEdit(site, lookup.statement, 'after', `!${lookup.name}`, 404, `${recordLabel(lookup.name)} not found`, context);
    return edit && { title: `Answer 404 Not Found when \`${lookup.name}\` is missing`, edits: [edit] };
  }
  // Only a file that imports Mongoose has its id check at hand.
  const mongoose = mongooseName(context.sourceFile);
  const edit = mongoose && guardEdit(site, lookup.statement, 'before', `!${mongoose}.isValidObjectId(${lookup.name})`, 400, 'Invalid id', context);
  return edit ? { title: `Answer 400 Bad Request when \`${shorten(lookup.name, 30)}\` is not a valid id`, edits: [edit] } : undefined;
}

function reportLookups(site: ResponseSite, context: RuleContext): void {
  const lookups = context.options.lookupFailures ? failingLookups(site) : [];
  if (lookups.length === 0) return;
  const fixes = lookups.flatMap((lookup) => lookupFix(site, lookup, context) ?? []).map((fix, index) => ({ ...fix, isPreferred: index === 0 }));
  context.report({
    range: site.status.range,
    message: lookupMessage(lookups[0]),
    related: lookups.map((lookup) => ({
      range: { start: lookup.failsAt.getStart(), end: lookup.failsAt.getEnd() },
      message: lookup.kind === 'missing-record' ? `\`${lookup.name}\` may be null here` : `A malformed id throws here`,
    })),
    fixes,
  });
}

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
        '(`req.query.format === "csv"`), a branch that tests a lookup result, and any dynamic status.\n\n' +
        'Also reported (unless `httpStatusGuide.lookupFailures` is off): a catch-all 500 that bad input reaches through a ' +
        'lookup in its `try`. A record looked up by a path or query key and used without a check ' +
        '(`const user = await User.findOne({ slug: req.params.slug }); res.json(user.profile)`) turns an unknown key ' +
        'into a TypeError and a 500 where 404 is right; a raw id handed to a Mongoose ObjectId finder (`findById`, ' +
        '`findByIdAndUpdate`, `findByIdAndDelete`, `new ObjectId(req.params.id)`) turns a malformed id into a ' +
        'CastError and a 500 where 400 is right. The finding sits on the 500 and points at the line that fails ' +
        '(related information). The fix adds the missing check through the framework: `if (!user) return …404…` ' +
        'after the lookup, or `if (!mongoose.isValidObjectId(id)) return …400…` before the finder when the file ' +
        'imports Mongoose (no fix otherwise). Quiet: a null check or a hand-over of the record before its use, ' +
        'optional chaining (`user?.profile`), ids checked in the route\'s middleware (`validate(…)`, `celebrate`, ' +
        '`param(\'id\').isMongoId()`, `checkObjectId`) or by a router `param` handler or in the handler ' +
        '(`isValidObjectId`), a catch that tells `CastError` apart, finders of the project\'s own services, ' +
        'and lookups keyed by the body or the signed-in user (a missing user at log-in is a 401).',
      incorrect: "app.post('/signup', async (req, res) => {\n  if (!req.body.email) {\n    return res.status(500).json({ error: 'email is required' });\n  }\n  res.status(201).json(await Account.create(req.body));\n});",
      correct: "app.post('/signup', async (req, res) => {\n  if (!req.body.email) {\n    return res.status(400).json({ error: 'email is required' });\n  }\n  res.status(201).json(await Account.create(req.body));\n});",
      options:
        '`httpStatusGuide.validationStatus` (400 or 422) picks the preferred fix. Following the guide, a ' +
        'comparison of two values (`endDate <= startDate`, `balance < amount`) prefers 422 whatever the setting; ' +
        'teams that answer every validation failure with 422 set the option to 422. `httpStatusGuide.lookupFailures` ' +
        '(on by default) adds the lookups that fail into a 500; off keeps the rule to validation failures.',
    },
  },
  check(site, context) {
    if (site.status.code !== 500 || site.status.source === 'implicit') return;
    const cause = validationCause(site, true);
    if (!cause) return reportLookups(site, context);
    const preferred = preferredValidationStatus(cause.semantic, context);
    context.report({
      range: site.status.range,
      message: `500 for bad input (${cause.evidence}): clients will retry a request that can never succeed. Answer ${codeLabel(preferred)}.`,
      fixes: validationFixes(site, preferred, context),
    });
  },
};
