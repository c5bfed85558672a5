// The rule registry. Typed by RuleId, so a missing or misspelled rule fails to compile.
import type { Rule } from '../rule';
import { noErrorInSuccess } from './no-error-in-success';
import { noServerErrorForBadInput } from './no-server-error-for-bad-input';
import { noNotFoundForValidation } from './no-not-found-for-validation';
import { errorNeedsDetail } from './error-needs-detail';
import { noSuccessForMissing } from './no-success-for-missing';
import { createdForCreate } from './created-for-create';
import { createdNeedsLocation } from './created-needs-location';
import { noContentHasNoBody } from './no-content-has-no-body';
import { unauthorizedNeedsWwwAuthenticate } from './unauthorized-needs-www-authenticate';
import { rateLimitNeedsRetryAfter } from './rate-limit-needs-retry-after';
import { unavailableNeedsRetryAfter } from './unavailable-needs-retry-after';
import { noLeakedErrorDetails } from './no-leaked-error-details';
import { redirectKeepsMethod } from './redirect-keeps-method';
import { validStatusCode } from './valid-status-code';
import { unauthorizedVsForbidden } from './unauthorized-vs-forbidden';
import { conflictForDuplicate } from './conflict-for-duplicate';
import { acceptedForAsync } from './accepted-for-async';
import { statusWithoutResponse } from './status-without-response';
import { gatewayErrorCodes } from './gateway-error-codes';
import { unprocessableForSemanticErrors } from './unprocessable-for-semantic-errors';

export type RuleId =
  | 'no-error-in-success' |
  'no-server-error-for-bad-input' |
  'no-not-found-for-validation' |
  'error-needs-detail' |
  'no-success-for-missing' |
  'created-for-create' |
  'created-needs-location' |
  'no-content-has-no-body' |
  'unauthorized-needs-www-authenticate' |
  'rate-limit-needs-retry-after' |
  'unavailable-needs-retry-after' |
  'no-leaked-error-details' |
  'redirect-keeps-method' |
  'valid-status-code' |
  'unauthorized-vs-forbidden' |
  'conflict-for-duplicate' |
  'accepted-for-async' |
  'status-without-response' |
  'gateway-error-codes' |
  'unprocessable-for-semantic-errors';

export const RULES: { readonly [Id in RuleId]: Rule<Id> } = {
  'no-error-in-success': noErrorInSuccess,
  'no-server-error-for-bad-input': noServerErrorForBadInput,
  'no-not-found-for-validation': noNotFoundForValidation,
  'error-needs-detail': errorNeedsDetail,
  'no-success-for-missing': noSuccessForMissing,
  'created-for-create': createdForCreate,
  'created-needs-location': createdNeedsLocation,
  'no-content-has-no-body': noContentHasNoBody,
  'unauthorized-needs-www-authenticate': unauthorizedNeedsWwwAuthenticate,
  'rate-limit-needs-retry-after': rateLimitNeedsRetryAfter,
  'unavailable-needs-retry-after': unavailableNeedsRetryAfter,
  'no-leaked-error-details': noLeakedErrorDetails,
  'redirect-keeps-method': redirectKeepsMethod,
  'valid-status-code': validStatusCode,
  'unauthorized-vs-forbidden': unauthorizedVsForbidden,
  'conflict-for-duplicate': conflictForDuplicate,
  'accepted-for-async': acceptedForAsync,
  'status-without-response': statusWithoutResponse,
  'gateway-error-codes': gatewayErrorCodes,
  'unprocessable-for-semantic-errors': unprocessableForSemanticErrors,
};

export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function isRuleId(id: string): id is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES, id);
}
