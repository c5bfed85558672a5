// Reports a 2xx response whose body says the request failed (`{ success: false }`, `{ error: … }`).
// The HTTP layer sees success, so retries, alerts and dashboards never notice the failure.
import ts from 'typescript';
import { skipTypeWrappers } from '../facts/syntax';
import { shorten } from '../facts/shorten';
import { conditionReferences, decidingCondition } from '../evidence/causes';
import { NOT_FOUND_WORDS } from '../evidence/validationCause';
import { isEmptyLiteral, isFalseLiteral, mentionedStrings, objectProperties, stringValue } from '../evidence/body';
import { changeStatusFix, codeLabel } from '../edits/fixes';
import type { Rule, RuleContext } from '../rule';
import type { Fix, ResponseSite } from '../types';

const FAILURE_STATUS_WORDS = new Set(['error', 'fail', 'failed', 'failure']);
// Keys that carry a failure's code: `{ error_code: 'E_EXPIRED' }`, `{ errorCode: 12 }`.
const ERROR_CODE_KEYS = ['error_code', 'errorCode'];
// A view's message that reports a failed action; "Already verified" or "Already done" report none.
// "Could not find the link" after a look-up is no-success-for-missing's finding, reported there once.
const FAILURE_MESSAGE = /\b(invalid|incorrect|wrong|failed|(is|was|already) taken|already (exists|in use|registered)|is required|could ?n[o']t|unable to)\b/;

/** Does a view's error value show a failure here: written out, or sent from a catch or a failed validation? */
function isViewFailure(value: ts.Expression, site: ResponseSite): boolean {
  const literal = skipTypeWrappers(value);
  if (ts.isStringLiteralLike(literal) || ts.isTemplateExpression(literal) || ts.isArrayLiteralExpression(literal) || ts.isObjectLiteralExpression(literal)) return true;
  // `{ error: req.flash('error') }` on a form's page is whatever the last request left: only a failure path says it is one.
  return site.catchClause !== undefined || (conditionReferences(site)?.references.some((reference) => reference.kind === 'validation') ?? false);
}

/** What in a body object says "failure", for the message; undefined when nothing does. */
function objectFailure(properties: ReadonlyMap<string, ts.Expression>, site: ResponseSite): string | undefined {
  const view = site.send?.kind === 'view';
  for (const key of ['success', 'ok']) {
    const value = properties.get(key);
    if (value && isFalseLiteral(value)) return `${key}: false`;
  }
  for (const key of ['error', 'errors', ...ERROR_CODE_KEYS]) {
    const value = properties.get(key);
    // `{ error: null }` and `{ errors: [] }` say "no error".
    if (value && !isEmptyLiteral(value) && (!view || isViewFailure(value, site))) return `${key}: …`;
  }
  const status = stringValue(properties.get('status'))?.toLowerCase();
  if (status && FAILURE_STATUS_WORDS.has(status)) return `status: '${status}'`;
  // A page re-rendered after a failure test with a message that says what failed.
  const message = stringValue(properties.get('message'))?.toLowerCase();
  if (view && message && decidingCondition(site) && FAILURE_MESSAGE.test(message) && !NOT_FOUND_WORDS.test(message)) return `message: '${shorten(message, 30)}'`;
  return undefined;
}

/** What in the body, or one level down (`{ data: { error_code } }`), says "failure". */
function failureMarker(site: ResponseSite): string | undefined {
  const properties = objectProperties(site.body);
  if (!properties) return undefined;
  const own = objectFailure(properties, site);
  if (own) return own;
  for (const [key, value] of properties) {
    const inner = objectProperties(value);
    const found = inner && objectFailure(inner, site);
    if (found) return `${key}: { ${found} }`;
  }
  return undefined;
}

/** The failure status the code around the site implies. */
function impliedStatus(site: ResponseSite, context: RuleContext): number {
  const words = site.body ? mentionedStrings(site.body).join(' ') : '';
  if (/not found|does ?n[o']t exist|no such/.test(words)) return 404;
  if (site.catchClause) return 500;
  return context.options.validationStatus;
}

export const noErrorInSuccess: Rule<'no-error-in-success'> = {
  meta: {
    id: 'no-error-in-success',
    defaultSeverity: 'warning',
    description: 'A 2xx response whose body reports a failure.',
    fixable: true,
    docs: {
      details:
        'A client, a load balancer or a retry library reads the status before the body. A 2xx status with ' +
        '`success: false`, `ok: false`, an `error`/`errors` value or `status: "error"` in the body hides the failure ' +
        'from all of them, and so does `error_code`/`errorCode`, or any of these one level down (`{ data: { error_code } }`). ' +
        'A page re-rendered at the default 200 after a failed action counts too: `res.render("signup", { error: "Email taken" })` ' +
        'with the error written out, `errors` built in a `catch` or from a failed validation, or a `message` that says what ' +
        'failed ("Invalid email or password") in a branch. Bodies that say "no error" (`{ error: null }`, `{ errors: [] }`) are ' +
        'not reported, nor is a page that only says the action was already done ("Email already verified"), a flash message ' +
        'shown on a form (`{ error: req.flash("error") }`, whatever the last request left), or a page that says a record was ' +
        'not found after a look-up (no-success-for-missing reports that). ' +
        'The fix offers 400, 404, 422 and 500, preferring the one the code implies (404 when the message says ' +
        '"not found", 500 inside a `catch`, otherwise the validation status).',
      incorrect: "app.post('/login', (req, res) => {\n  res.status(200).json({ success: false, error: 'Wrong password' });\n});",
      correct: "app.post('/login', (req, res) => {\n  res.status(401).json({ error: 'Wrong password' });\n});",
      options: '`httpStatusGuide.validationStatus` (400 or 422) is the status the fix prefers for validation failures.',
    },
  },
  check(site, context) {
    const code = site.status.code;
    if (code === undefined || code < 200 || code > 299) return;
    const marker = failureMarker(site);
    if (!marker) return;
    const implied = impliedStatus(site, context);
    const fixes = [implied, ...[400, 404, 422, 500].filter((other) => other !== implied)]
      .map((status, index) => changeStatusFix(site, status, context, index === 0))
      .filter((fix): fix is Fix => fix !== undefined);
    context.report({
      range: site.status.range,
      message: `${codeLabel(code)} with a failure body (\`${shorten(marker)}\`): clients and monitoring will read it as success. Send the matching 4xx or 5xx status.`,
      fixes,
    });
  },
};
