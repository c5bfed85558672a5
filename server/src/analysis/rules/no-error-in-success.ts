// Reports a 2xx response whose body says the request failed (`{ success: false }`, `{ error: … }`).
// The HTTP layer sees success, so retries, alerts and dashboards never notice the failure.
import type * as ts from 'typescript';
import { isEmptyLiteral, isFalseLiteral, mentionedStrings, objectProperties, stringValue } from '../evidence/body';
import { changeStatusFix, codeLabel } from '../edits/fixes';
import type { Rule, RuleContext } from '../rule';
import type { Fix, ResponseSite } from '../types';

const FAILURE_STATUS_WORDS = new Set(['error', 'fail', 'failed', 'failure']);

/** What in the body says "failure", for the message; undefined when nothing does. */
function failureMarker(body: ts.Expression | undefined): string | undefined {
  const properties = objectProperties(body);
  if (!properties) return undefined;
  for (const key of ['success', 'ok']) {
    const value = properties.get(key);
    if (value && isFalseLiteral(value)) return `${key}: false`;
  }
  for (const key of ['error', 'errors']) {
    const value = properties.get(key);
    // `{ error: null }` and `{ errors: [] }` say "no error".
    if (value && !isEmptyLiteral(value)) return `${key}: …`;
  }
  const status = stringValue(properties.get('status'))?.toLowerCase();
  if (status && FAILURE_STATUS_WORDS.has(status)) return `status: '${status}'`;
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
        'from all of them. Bodies that say "no error" (`{ error: null }`, `{ errors: [] }`) are not reported. ' +
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
    const marker = failureMarker(site.body);
    if (!marker) return;
    const implied = impliedStatus(site, context);
    const fixes = [implied, ...[400, 404, 422, 500].filter((other) => other !== implied)]
      .map((status, index) => changeStatusFix(site, status, context, index === 0))
      .filter((fix): fix is Fix => fix !== undefined);
    context.report({
      range: site.status.range,
      message: `${codeLabel(code)} with a failure body (\`${marker}\`): clients and monitoring will read it as success. Send the matching 4xx or 5xx status.`,
      fixes,
    });
  },
};
