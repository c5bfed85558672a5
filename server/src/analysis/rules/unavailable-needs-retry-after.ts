// Reports a 503 Service Unavailable without a Retry-After header. A 503 is temporary by definition;
// Retry-After says how temporary, so clients back off instead of hammering a server that is down.
import { mentionedStrings } from '../evidence/body';
import { headerSource, lacksHeader, retryAfterValue } from '../evidence/responseHeaders';
import { addHeadersEdit } from '../edits/fixes';
import type { Rule } from '../rule';
import type { Fix, ResponseSite } from '../types';

/** Seconds a client waits when the code keeps no value of its own: a real value, a team tunes it. */
const DEFAULT_RETRY_SECONDS = 60;
/** Probes poll health endpoints on their own schedule and never read Retry-After. */
const HEALTH_PATH = /(^|\/)(health|healthz|healthcheck|health-check|ready|readyz|readiness|live|livez|liveness|ping)(\/|$)/i;

/** A health route, or a branch of a plain server that tests for one (`if (req.url === '/health')`). */
function isHealthCheck(site: ResponseSite): boolean {
  if (HEALTH_PATH.test(site.route?.path ?? '')) return true;
  return site.conditions.some(({ expression }) => mentionedStrings(expression).some((text) => HEALTH_PATH.test(text)));
}

export const unavailableNeedsRetryAfter: Rule<'unavailable-needs-retry-after'> = {
  meta: {
    id: 'unavailable-needs-retry-after',
    defaultSeverity: 'information',
    description: 'A 503 response without a Retry-After header.',
    fixable: true,
    docs: {
      details:
        'A 503 says the server is down for now: overloaded, shutting down, or in maintenance. `Retry-After` (seconds, ' +
        'or an HTTP date) says when to come back, so clients and crawlers back off instead of retrying at once.\n\n' +
        'Not reported: health, readiness and liveness endpoints (`/health`, `/readyz`, `/live`, `/ping`, as a ' +
        'route or as a branch testing `req.url`), whose probes poll on their own schedule; responses handed to ' +
        'other code that may set headers, or prepared by a library that calls the handler from its options; ' +
        'headers set with a name held in a variable; `Retry-After` set earlier in the same handler; statuses the ' +
        'file does not pin down.\n\n' +
        'The fix adds `Retry-After`, taking the value from a variable in scope (`retryAfter`, `retryAfterSeconds`) ' +
        'or else 60 seconds, a valid value to tune to how long your outages last.',
      incorrect:
        "app.use((req, res, next) => {\n  if (maintenance) {\n    return res.status(503).json({ error: 'Back soon' });\n  }\n  next();\n});",
      correct:
        "app.use((req, res, next) => {\n  if (maintenance) {\n    return res.status(503).set('Retry-After', '300').json({ error: 'Back soon' });\n  }\n  next();\n});",
    },
  },
  check(site, context) {
    if (site.status.code !== 503 || !lacksHeader(site, 'retry-after') || isHealthCheck(site)) return;
    const { value, label } = retryAfterValue(site, DEFAULT_RETRY_SECONDS, context);
    const edit = addHeadersEdit(site, [['Retry-After', value]], context);
    const fixes: Fix[] = edit ? [{ title: `Add ${label}`, edits: [edit], isPreferred: true }] : [];
    context.report({
      range: site.status.range,
      message: '503 Service Unavailable without a Retry-After header: tell clients when to try again so they back off.' + headerSource(site, 'Retry-After'),
      fixes,
    });
  },
};
