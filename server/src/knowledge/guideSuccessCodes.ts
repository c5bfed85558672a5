// The guide's 2xx and 3xx codes, in our own words.
import { rfc9110 } from './links';
import type { CodeFacts, HeaderAdvice } from './types';

const NOTHING_TO_RETRY = 'Nothing to retry: the request succeeded.';

function locationHeader(why: string): HeaderAdvice {
  return { name: 'Location', why, required: true };
}

const REDIRECT_LOCATION = locationHeader('names the target URL; `res.redirect()` sets it for you');

export const GUIDE_SUCCESS_CODES: readonly CodeFacts[] = [
  {
    code: 200,
    meaning: 'The request succeeded and the body carries the result.',
    retry: NOTHING_TO_RETRY,
    spec: rfc9110('15.3.1'),
    guide: {
      whenToUse: 'A GET that returns the resource, or a PUT or PATCH that sends back the updated one.',
      mistake:
        'Sending it for every outcome: a create deserves 201, a delete 204, and a failure a 4xx or 5xx rather than an error object under a 200.',
      headers: [],
      noBody: false,
      confusedWith: [201, 204],
    },
  },
  {
    code: 201,
    meaning: 'The request succeeded and a new resource now exists.',
    retry: 'Do not send it again: a second POST creates a duplicate unless it carries an idempotency key.',
    spec: rfc9110('15.3.2'),
    guide: {
      whenToUse: 'A POST (or PUT) that created something: return the new resource and say where it lives.',
      mistake: 'Answering a successful create with a plain 200, or leaving out the Location of the new resource.',
      headers: [locationHeader('the URL of the resource just created')],
      noBody: false,
      confusedWith: [200, 204, 202],
    },
  },
  {
    code: 202,
    meaning: 'The server took the request on, but the work is not done yet and may still fail.',
    retry: 'Do not send it again; follow up later through the job id or status URL it returned.',
    spec: rfc9110('15.3.3'),
    guide: {
      whenToUse: 'Work that finishes later, such as queued jobs, reports or e-mail dispatch: answer at once with a job id.',
      mistake:
        'Replying 200 or 201 before the work has happened, or holding a slow request open until a gateway gives up with 504.',
      headers: [],
      noBody: false,
      confusedWith: [201],
    },
  },
  {
    code: 204,
    meaning: 'The request succeeded and there is deliberately nothing to send back.',
    retry: NOTHING_TO_RETRY,
    spec: rfc9110('15.3.5'),
    guide: {
      whenToUse: 'A DELETE, or a PUT or PATCH whose caller does not need the updated resource back.',
      mistake: 'Attaching a body, as in `res.status(204).json(...)`: Express and Node drop it, so the client never sees it.',
      headers: [],
      noBody: true,
      confusedWith: [200, 201],
    },
  },
  {
    code: 301,
    meaning: 'The resource has a new permanent URL, given in the Location header.',
    retry: 'Follow the Location, and update bookmarks or stored links to point there.',
    spec: rfc9110('15.4.2'),
    guide: {
      whenToUse: 'A URL or domain that moved for good, such as an API path retired in favour of a new version.',
      mistake:
        'Using it for a move that may be undone (browsers and crawlers cache it hard), or for a POST whose method must survive: clients may turn it into a GET, so use 308.',
      headers: [REDIRECT_LOCATION],
      noBody: false,
      confusedWith: [308],
    },
  },
  {
    code: 302,
    meaning: 'The resource is at another URL for now; the original URL stays valid.',
    retry: 'Follow the Location for this request only, and keep using the original URL afterwards.',
    spec: rfc9110('15.4.3'),
    guide: {
      whenToUse: 'A short-lived detour, such as a maintenance page, where turning the request into a GET does no harm.',
      mistake:
        'Expecting a POST to stay a POST: most clients switch to GET, so use 307. It is also what a bare `res.redirect(url)` sends.',
      headers: [REDIRECT_LOCATION],
      noBody: false,
      confusedWith: [307],
    },
  },
  {
    code: 304,
    meaning: 'The copy the client has cached is still current, so nothing is sent again.',
    retry: 'Nothing to retry: use the cached copy.',
    spec: rfc9110('15.4.5'),
    guide: {
      whenToUse: 'A conditional GET or HEAD (If-None-Match, If-Modified-Since) whose validator still matches.',
      mistake:
        'Attaching a body, or sending it to a request that was not conditional, which leaves the client with nothing cached to show.',
      headers: [
        { name: 'ETag', why: 'repeat the validator the 200 carried, so the cache stays in step', required: true },
        { name: 'Last-Modified', why: 'the date a client sends back in If-Modified-Since', required: false },
      ],
      noBody: true,
      confusedWith: [],
    },
  },
  {
    code: 307,
    meaning: 'The resource is temporarily elsewhere, and the client must repeat the request with the same method and body.',
    retry: 'Send the same request, same method and body, to the Location URL.',
    spec: rfc9110('15.4.8'),
    guide: {
      whenToUse: 'A temporary redirect where a POST, PUT or DELETE must stay what it is, such as a form or payment submission.',
      mistake: 'Reaching for 302 when the method matters, which lets clients downgrade the request to a GET and lose the body.',
      headers: [REDIRECT_LOCATION],
      noBody: false,
      confusedWith: [302],
    },
  },
];
