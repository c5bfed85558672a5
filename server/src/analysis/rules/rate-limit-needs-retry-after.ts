// Reports a 429 Too Many Requests without a Retry-After header: without it a client can only guess
// when to come back, and guessing clients retry too early and stay rate limited.
import { headerSource, lacksHeader, namesInScope, retryAfterValue } from '../evidence/responseHeaders';
import type { HeaderToAdd } from '../adapters/adapter';
import { addHeadersEdit } from '../edits/fixes';
import type { Rule, RuleContext } from '../rule';
import { quoted } from '../facts/style';
import type { Fix, ResponseSite } from '../types';

/** Seconds a client waits when the code keeps no value of its own: a real value, a team tunes it. */
const DEFAULT_RETRY_SECONDS = 60;

const QUOTA_NAMES: readonly (readonly [header: string, pattern: RegExp])[] = [
  ['X-RateLimit-Limit', /^((rate|request|requests)_?)?limit$|^max_?requests$/i],
  ['X-RateLimit-Remaining', /^((requests|points)_?)?remaining$|^remaining_?(requests|points)$/i],
  ['X-RateLimit-Reset', /^((rate_?)?limit_?)?reset(_?(at|time|timestamp|seconds))?$/i],
];

/**
 * The X-RateLimit-* headers whose values the code holds in variables. A 429 means nothing is
 * left, so Remaining is 0 by definition; Limit and Reset are never made up.
 */
function quotaHeaders(site: ResponseSite, context: RuleContext): HeaderToAdd[] {
  const names = namesInScope(site);
  const headers: HeaderToAdd[] = [];
  for (const [header, pattern] of QUOTA_NAMES) {
    const name = names.find((candidate) => pattern.test(candidate));
    if (name) headers.push([header, `String(${name})`]);
    else if (header === 'X-RateLimit-Remaining') headers.push([header, quoted('0', context.style)]);
  }
  return headers.some(([header]) => header !== 'X-RateLimit-Remaining') ? headers : [];
}

function fixesFor(site: ResponseSite, context: RuleContext): Fix[] {
  const { value, label } = retryAfterValue(site, DEFAULT_RETRY_SECONDS, context);
  const retryAfter: HeaderToAdd = ['Retry-After', value];
  const fixes: Fix[] = [];
  const edit = addHeadersEdit(site, [retryAfter], context);
  if (edit) fixes.push({ title: `Add ${label}`, edits: [edit], isPreferred: true });
  const quota = quotaHeaders(site, context);
  const withQuota = quota.length > 0 ? addHeadersEdit(site, [retryAfter, ...quota], context) : undefined;
  if (withQuota) fixes.push({ title: `Add Retry-After and ${quota.map(([header]) => header).join(', ')} headers`, edits: [withQuota] });
  return fixes;
}

export const rateLimitNeedsRetryAfter: Rule<'rate-limit-needs-retry-after'> = {
  meta: {
    id: 'rate-limit-needs-retry-after',
    defaultSeverity: 'warning',
    description: 'A 429 response without a Retry-After header.',
    fixable: true,
    docs: {
      details:
        'A 429 says "slow down"; `Retry-After` says for how long (seconds, or an HTTP date). Without it, clients ' +
        'and retry libraries guess, usually too early. The `X-RateLimit-Limit`, `-Remaining` and `-Reset` headers ' +
        'add the quota, so well-behaved clients can pace themselves before they hit the limit.\n\n' +
        'Not reported: handlers a library calls from its options (`rateLimit({ handler })`: express-rate-limit ' +
        'sets the headers before it calls them), responses handed to other code that may set headers ' +
        '(`limiter.setHeaders(req, res)`), headers set with a name held in a variable, `Retry-After` set earlier in the same handler, and statuses the file ' +
        'does not pin down. Only `Retry-After` is required here; the quota headers are advice.\n\n' +
        'The preferred fix adds `Retry-After`, taking the value from a variable in scope (`retryAfter`, ' +
        '`retryAfterSeconds`; `msBeforeNext` is converted to seconds) or else 60 seconds, a valid value to tune. ' +
        'A second fix also adds the `X-RateLimit-*` headers, only when variables in scope hold the limit or the ' +
        'reset time (`limit`, `resetAt`…): those values are never made up. Remaining is 0 on a 429.',
      incorrect:
        "app.post('/messages', (req, res) => {\n  if (tooManyRequests(req.ip)) {\n    return res.status(429).json({ error: 'Slow down' });\n  }\n  res.status(201).json(send(req.body));\n});",
      correct:
        "app.post('/messages', (req, res) => {\n  if (tooManyRequests(req.ip)) {\n    return res.status(429).set('Retry-After', '30').json({ error: 'Slow down' });\n  }\n  res.status(201).json(send(req.body));\n});",
    },
  },
  check(site, context) {
    if (site.status.code !== 429 || !lacksHeader(site, 'retry-after')) return;
    context.report({
      range: site.status.range,
      message: '429 Too Many Requests without a Retry-After header: tell clients how many seconds to wait before trying again.' + headerSource(site, 'Retry-After'),
      fixes: fixesFor(site, context),
    });
  },
};
