import type { StatusClass } from './types';

// The guide's retry rules. They deliberately differ from `statuses.retry`, which flags only
// 502–504: every 5xx may be retried when it is safe to repeat, and no 4xx should be.
export const CLIENT_ERROR_RETRY = 'Do not retry it unchanged: the client has to fix the request first.';
export const SERVER_ERROR_RETRY =
  'Retry with exponential backoff and jitter, but only when the request is idempotent or carries an idempotency key.';

const RETRY_BY_CLASS: Readonly<Record<StatusClass, string>> = {
  informational: 'An interim answer: the final status is still to come, so there is nothing to retry.',
  success: 'Nothing to retry: the request succeeded.',
  redirection: 'Follow the redirect; there is nothing to retry.',
  'client-error': CLIENT_ERROR_RETRY,
  'server-error': SERVER_ERROR_RETRY,
};

export function classRetry(statusClass: StatusClass): string {
  return RETRY_BY_CLASS[statusClass];
}
