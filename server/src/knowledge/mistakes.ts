// The guide's five common mistakes and three rules of thumb, in our own words. Each mistake
// names the analysis rules that detect it, so hovers and docs can point from one to the other.
import type { Mistake, RuleOfThumb } from './types';

export const MISTAKES: readonly Mistake[] = [
  {
    id: 'success-for-everything',
    title: '200 OK for everything',
    summary:
      'A failure is reported inside a 200 response, such as `{ success: false, error }`. Clients, load balancers, retry logic and dashboards read the status first, see success, and the failure goes unnoticed.',
    fix: 'Send the 4xx or 5xx code that fits the failure and keep the detail in the body; use 201 for creates and 204 for empty answers.',
    ruleIds: ['no-error-in-success'],
  },
  {
    id: 'server-error-for-client-input',
    title: '500 for client errors',
    summary:
      'Bad input slips through to the catch-all error handler, which answers 500. The client concludes the server is broken and retries a request that can never succeed.',
    fix: 'Validate early and answer 400 (format) or 422 (business rule) before anything throws.',
    ruleIds: ['no-server-error-for-bad-input'],
  },
  {
    id: 'not-found-for-validation',
    title: '404 for validation errors',
    summary:
      'A missing field or an invalid parameter is answered with 404, which tells the client the URL does not exist; code that handles 400 never sees it.',
    fix: 'Keep 404 for routes and records that do not exist; answer invalid input with 400 or 422.',
    ruleIds: ['no-not-found-for-validation'],
  },
  {
    id: 'error-without-detail',
    title: '4xx without detail',
    summary:
      'An error such as `{ error: "Bad request" }` names no field, no received value and no expected format, so the consumer has to debug blind.',
    fix: 'Say which field failed, what was received and what was expected.',
    ruleIds: ['error-needs-detail'],
  },
  {
    id: 'success-for-missing',
    title: '200 for a missing resource',
    summary:
      'A GET for a record that does not exist answers 200 with `{ data: null }`, so the client cannot tell an empty record from no record at all.',
    fix: 'Answer 404 when the thing the URL names is not there.',
    ruleIds: ['no-success-for-missing'],
  },
];

export const RULES_OF_THUMB: readonly RuleOfThumb[] = [
  {
    id: 'client-error-no-retry',
    text: '4xx means the client got something wrong: fix the request instead of retrying it.',
  },
  {
    id: 'server-error-retry-with-backoff',
    text: '5xx means the server failed: retry with backoff, as long as the request is safe to repeat.',
  },
  { id: 'no-error-body-in-success', text: 'Never send a 200 that carries an error in its body.' },
];
