// The guide's 4xx and 5xx codes, in our own words.
import { rfc9110, rfcLink } from './links';
import { CLIENT_ERROR_RETRY, SERVER_ERROR_RETRY } from './retry';
import type { CodeFacts, HeaderAdvice } from './types';

const RETRY_AFTER: HeaderAdvice = {
  name: 'Retry-After',
  why: 'seconds (or a date) until the client may try again',
  required: true,
};

function rateLimitHeader(name: string, why: string): HeaderAdvice {
  // X-RateLimit-* is a widespread convention rather than a standard, hence not required.
  return { name, why, required: false };
}

export const GUIDE_CLIENT_ERROR_CODES: readonly CodeFacts[] = [
  {
    code: 400,
    meaning: 'The request is malformed: fields are missing, of the wrong type or hold invalid values.',
    retry: CLIENT_ERROR_RETRY,
    spec: rfc9110('15.5.1'),
    guide: {
      whenToUse: 'Input that fails format validation; the body should name each bad field and what it expects.',
      mistake: 'Sending it with no body, or just "Bad request", so the client has to guess what to change.',
      headers: [],
      noBody: false,
      confusedWith: [422, 409],
    },
  },
  {
    code: 401,
    meaning: 'The request has no valid credentials. Despite the name, it means "not authenticated".',
    retry: 'Authenticate (or refresh the token), then send the request again.',
    spec: rfc9110('15.5.2'),
    guide: {
      whenToUse: 'No token, or an expired or invalid one.',
      mistake: 'Sending it to a signed-in caller who lacks permission (that is 403), or leaving out WWW-Authenticate.',
      headers: [
        { name: 'WWW-Authenticate', why: 'names the scheme to authenticate with, e.g. `Bearer`', required: true },
      ],
      noBody: false,
      confusedWith: [403],
    },
  },
  {
    code: 403,
    meaning: 'The server knows who the caller is, but this identity may not do this.',
    retry: 'Do not retry: the same identity gets the same answer until its permissions change.',
    spec: rfc9110('15.5.4'),
    guide: {
      whenToUse: 'A signed-in user without the role or ownership the action needs.',
      mistake:
        'Answering missing permissions with 401, which invites a pointless new login; or using it where a 404 should hide that the resource exists.',
      headers: [],
      noBody: false,
      confusedWith: [401],
    },
  },
  {
    code: 404,
    meaning: 'Nothing exists at this URL, or the server chooses not to reveal that it does.',
    retry: 'Do not retry the same URL; check the path or the identifier in it.',
    spec: rfc9110('15.5.5'),
    guide: {
      whenToUse: 'The route, or the record the URL names, does not exist; also to hide a resource from someone who may not know of it.',
      mistake: 'Answering invalid input with 404, or answering a missing record with 200 and empty data.',
      headers: [],
      noBody: false,
      confusedWith: [410],
    },
  },
  {
    code: 409,
    meaning: 'The request clashes with the current state of the resource.',
    retry: 'Do not resend it as is: reload the current state, resolve the conflict, then try again.',
    spec: rfc9110('15.5.10'),
    guide: {
      whenToUse: 'A duplicate unique value, an edit made against a stale version, or an idempotency key already being processed.',
      mistake: 'Hiding the conflict behind a generic 400, or letting the database error escape as a 500.',
      headers: [],
      noBody: false,
      confusedWith: [400],
    },
  },
  {
    code: 410,
    meaning: 'The resource used to exist here and has been removed for good.',
    retry: 'Never retry; drop stored references to this URL.',
    spec: rfc9110('15.5.11'),
    guide: {
      whenToUse: 'Retired endpoints and permanently deleted content; point to a replacement when there is one.',
      mistake: 'Using a plain 404 for something removed on purpose, so clients never learn to forget the URL.',
      headers: [],
      noBody: false,
      confusedWith: [404],
    },
  },
  {
    code: 422,
    meaning: 'The body is well-formed, but what it asks for breaks a business rule.',
    retry: 'Do not retry it unchanged: correct the values the server rejected.',
    spec: rfc9110('15.5.21'),
    guide: {
      whenToUse: 'Valid input that fails a logic check, such as an end date before the start date or a transfer above the balance.',
      mistake: 'Mixing it up with 400: missing or mistyped fields are 400; 422 is for well-formed input that breaks a rule.',
      headers: [],
      noBody: false,
      confusedWith: [400],
    },
  },
  {
    code: 429,
    meaning: 'The client has sent more requests than its rate limit allows.',
    retry: 'Wait as long as Retry-After says (or until the limit window resets), then retry.',
    spec: rfcLink(6585, '4'),
    guide: {
      whenToUse: 'Rate limits and quotas, telling the client when it may come back and how much it has left.',
      mistake: 'Leaving out `Retry-After` and the `X-RateLimit-*` headers, so clients retry blind; or sending 503 for one client\'s limit.',
      headers: [
        RETRY_AFTER,
        rateLimitHeader('X-RateLimit-Limit', 'how many requests a window allows'),
        rateLimitHeader('X-RateLimit-Remaining', 'how many are left in the current window'),
        rateLimitHeader('X-RateLimit-Reset', 'when the current window ends'),
      ],
      noBody: false,
      confusedWith: [503],
    },
  },
];

export const GUIDE_SERVER_ERROR_CODES: readonly CodeFacts[] = [
  {
    code: 500,
    meaning: 'Something unexpected broke on the server.',
    retry: SERVER_ERROR_RETRY,
    spec: rfc9110('15.6.1'),
    guide: {
      whenToUse: 'The last-resort answer of your error handler for unhandled exceptions; log the details and watch the rate.',
      mistake: 'Sending `err.message` or the stack to the client, or letting bad input reach the handler so a client error comes out as 500.',
      headers: [],
      noBody: false,
      confusedWith: [502],
    },
  },
  {
    code: 502,
    meaning: 'A gateway or proxy got an invalid answer from the server behind it.',
    retry: SERVER_ERROR_RETRY,
    spec: rfc9110('15.6.3'),
    guide: {
      whenToUse: 'A service you call (payments, auth, another microservice) failed or answered garbage; also what a proxy sends when the app behind it crashed.',
      mistake: 'Using it when the upstream was merely slow (that is 504), or reporting an upstream failure as your own 500.',
      headers: [],
      noBody: false,
      confusedWith: [504, 500],
    },
  },
  {
    code: 503,
    meaning: 'The server cannot take requests right now (overloaded or in maintenance) but expects to recover.',
    retry: 'Wait out the Retry-After delay, then retry with backoff, provided repeating it is safe (idempotent, or guarded by an idempotency key).',
    spec: rfc9110('15.6.4'),
    guide: {
      whenToUse: 'Graceful shutdown, failing health checks, planned downtime or load shedding.',
      mistake: 'Leaving out Retry-After, or using it for one client\'s rate limit (that is 429).',
      headers: [RETRY_AFTER],
      noBody: false,
      confusedWith: [429],
    },
  },
  {
    code: 504,
    meaning: 'A gateway or proxy gave up waiting for the server behind it.',
    retry: SERVER_ERROR_RETRY,
    spec: rfc9110('15.6.5'),
    guide: {
      whenToUse: 'An upstream call that exceeded your timeout: the service answers, just not fast enough.',
      mistake: 'Confusing it with 502 (no answer in time versus a bad answer), or keeping long jobs synchronous when 202 and a job id would avoid the wait.',
      headers: [],
      noBody: false,
      confusedWith: [502],
    },
  },
];
