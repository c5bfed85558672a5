// Every registered code the guide does not cover (IANA HTTP Status Code Registry), each with a
// one-line meaning and the specification section that defines it.
import { rfc9110, rfcLink } from './links';
import type { CodeFacts } from './types';

export const OTHER_CODES: readonly CodeFacts[] = [
  {
    code: 100,
    meaning: 'Interim answer to `Expect: 100-continue`: the headers are fine, so the client may send the body.',
    spec: rfc9110('15.2.1'),
  },
  {
    code: 101,
    meaning: 'The server accepts the Upgrade the client asked for and switches protocol, e.g. to WebSocket.',
    spec: rfc9110('15.2.2'),
  },
  {
    code: 102,
    meaning: 'Interim WebDAV answer saying a long request is still being worked on; deprecated.',
    spec: rfcLink(2518, '10.1'),
  },
  {
    code: 103,
    meaning: 'Interim answer carrying Link headers so the browser can preload resources while the real response is prepared.',
    spec: rfcLink(8297, '2'),
  },
  {
    code: 203,
    meaning: 'Success, but a transforming proxy changed what the origin server sent.',
    spec: rfc9110('15.3.4'),
  },
  {
    code: 205,
    meaning: 'Success; the client should reset the form or view that sent the request. No body.',
    spec: rfc9110('15.3.6'),
  },
  {
    code: 206,
    meaning: 'Success for a Range request: the body holds only the byte ranges asked for.',
    spec: rfc9110('15.3.7'),
  },
  {
    code: 207,
    meaning: 'WebDAV: the XML body holds a separate status for each of several resources.',
    spec: rfcLink(4918, '11.1'),
  },
  {
    code: 208,
    meaning: 'WebDAV: these members were already listed earlier in the same Multi-Status answer.',
    spec: rfcLink(5842, '7.1'),
  },
  {
    code: 226,
    meaning: 'The body is the result of instance manipulations (such as a delta) applied to the current resource.',
    spec: rfcLink(3229, '10.4.1'),
  },
  {
    code: 300,
    meaning: 'The resource has several representations and the client should pick one.',
    spec: rfc9110('15.4.1'),
  },
  {
    code: 303,
    meaning: 'Fetch the result from another URL with GET; the usual answer after a form POST.',
    spec: rfc9110('15.4.4'),
  },
  {
    code: 305,
    meaning: 'Deprecated: asked the client to go through a proxy; clients ignore it for security reasons.',
    retry: 'Nothing to retry: clients do not act on it.',
    spec: rfc9110('15.4.6'),
  },
  {
    code: 308,
    meaning: 'Moved for good, and the client must repeat the request with the same method and body at the new URL.',
    spec: rfc9110('15.4.9'),
  },
  {
    code: 402,
    meaning: 'Reserved for future use; some APIs send it when payment or a higher plan is needed, with no standard meaning.',
    spec: rfc9110('15.5.3'),
  },
  {
    code: 405,
    meaning: 'The URL exists but does not support this method; the answer must list the allowed ones in `Allow`.',
    spec: rfc9110('15.5.6'),
  },
  {
    code: 406,
    meaning: 'The server cannot produce a representation that fits the request\'s Accept headers.',
    spec: rfc9110('15.5.7'),
  },
  {
    code: 407,
    meaning: 'Like 401, but the client must authenticate with the proxy in between (see `Proxy-Authenticate`).',
    retry: 'Authenticate with the proxy, then send the request again.',
    spec: rfc9110('15.5.8'),
  },
  {
    code: 408,
    meaning: 'The server stopped waiting for the client to finish sending the request and closed the connection.',
    retry: 'The request was never processed, so it may be sent again on a new connection.',
    spec: rfc9110('15.5.9'),
  },
  { code: 411, meaning: 'The server refuses a request that has no Content-Length header.', spec: rfc9110('15.5.12') },
  {
    code: 412,
    meaning: 'A condition in the request (If-Match, If-Unmodified-Since…) was false, so nothing was changed.',
    retry: 'Fetch the current version first, then decide whether to send the change again.',
    spec: rfc9110('15.5.13'),
  },
  { code: 413, meaning: 'The request body is larger than the server is willing to accept.', spec: rfc9110('15.5.14') },
  { code: 414, meaning: 'The URL is longer than the server is willing to process.', spec: rfc9110('15.5.15') },
  {
    code: 415,
    meaning: 'The server does not accept the body\'s format (its Content-Type or Content-Encoding).',
    spec: rfc9110('15.5.16'),
  },
  { code: 416, meaning: 'None of the byte ranges asked for lies within the resource.', spec: rfc9110('15.5.17') },
  {
    code: 417,
    meaning: 'The server cannot meet what the request\'s Expect header asks for.',
    spec: rfc9110('15.5.18'),
  },
  {
    code: 421,
    meaning: 'The request reached a server that cannot answer for its scheme and host, often over a reused HTTP/2 connection.',
    retry: 'It may be sent again over a different connection.',
    spec: rfc9110('15.5.20'),
  },
  { code: 423, meaning: 'WebDAV: the resource is locked and cannot be changed now.', spec: rfcLink(4918, '11.3') },
  {
    code: 424,
    meaning: 'WebDAV: this action failed because another action it depended on failed.',
    spec: rfcLink(4918, '11.4'),
  },
  {
    code: 425,
    meaning: 'The server will not process a request sent in TLS early data, because it could be replayed.',
    retry: 'Send it again once the TLS handshake has completed.',
    spec: rfcLink(8470, '5.2'),
  },
  {
    code: 426,
    meaning: 'The server refuses this protocol and names the one to switch to in the Upgrade header.',
    retry: 'Send it again over the protocol named in Upgrade.',
    spec: rfc9110('15.5.22'),
  },
  {
    code: 428,
    meaning: 'The server wants a conditional request (e.g. with If-Match) so that concurrent updates are not lost.',
    retry: 'Send it again with the precondition header it asks for.',
    spec: rfcLink(6585, '3'),
  },
  {
    code: 431,
    meaning: 'One header, or all of them together, are too large for the server.',
    spec: rfcLink(6585, '5'),
  },
  {
    code: 451,
    meaning: 'Access is refused because of a legal demand, such as a court order.',
    spec: rfcLink(7725, '3'),
  },
  {
    code: 501,
    meaning: 'The server does not support what the request needs, usually its method.',
    retry: 'Retrying will not help: the server lacks the feature.',
    spec: rfc9110('15.6.2'),
  },
  {
    code: 505,
    meaning: 'The server does not support the HTTP major version of the request.',
    retry: 'Retrying will not help; use an HTTP version the server supports.',
    spec: rfc9110('15.6.6'),
  },
  {
    code: 506,
    meaning: 'Misconfigured content negotiation: the chosen variant is itself set up to negotiate.',
    spec: rfcLink(2295, '8.1'),
  },
  {
    code: 507,
    meaning: 'WebDAV: the server cannot store what it needs to complete the request.',
    spec: rfcLink(4918, '11.5'),
  },
  {
    code: 508,
    meaning: 'WebDAV: the server stopped the operation because it ran into an infinite loop.',
    spec: rfcLink(5842, '7.2'),
  },
  {
    code: 510,
    meaning: 'The request lacks an extension the server requires; the defining RFC is now historic and the code obsolete.',
    spec: rfcLink(2774, '7'),
  },
  {
    code: 511,
    meaning: 'A captive portal (hotel or airport Wi-Fi, say) wants the client to sign in before it gets network access.',
    retry: 'Sign in to the network, then send the request again.',
    spec: rfcLink(6585, '6'),
  },
];
