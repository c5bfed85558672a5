// Every number a status might be: registered (IANA), unregistered, or outside 100–599.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import statuses from 'statuses';
import {
  CLIENT_ERROR_RETRY,
  lookupStatus,
  reasonPhrase,
  REGISTERED_CODES,
  SERVER_ERROR_RETRY,
  statusClassOf,
  statusInfo,
} from '../../server/src/knowledge';

// Our own copy of the IANA HTTP Status Code Registry's permanent entries. 306 and 418 are
// only reserved ("Unused") and 104 is a temporary entry, so none of them is here.
const IANA_CODES = [
  100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 307, 308, 400,
  401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 421, 422, 423, 424, 425, 426,
  428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
];

const CLASS_BY_DIGIT = ['', 'informational', 'success', 'redirection', 'client-error', 'server-error'];
const MDN_PAGE = /^https:\/\/developer\.mozilla\.org\/en-US\/docs\/Web\/HTTP\/Reference\/Status\/\d{3}$/;
const RFC_SECTION = /^https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+#section-[\d.]+$/;

describe('registered codes', () => {
  it('are exactly the IANA registry', () => {
    assert.deepEqual([...REGISTERED_CODES], IANA_CODES);
  });

  for (const code of IANA_CODES) {
    it(`${code} has a phrase, class, meaning, retry advice and links`, () => {
      const found = lookupStatus(code);
      assert.equal(found.kind, 'registered');
      assert.ok(found.kind === 'registered');
      const { info } = found;
      assert.equal(info.code, code);
      assert.ok(info.phrase.length > 0);
      assert.equal(info.statusClass, CLASS_BY_DIGIT[Math.floor(code / 100)]);
      assert.ok(info.meaning.length >= 20, `${code} meaning is a sentence`);
      assert.ok(info.retry.length >= 20, `${code} retry is a sentence`);
      assert.ok(info.links.length > 0);
      for (const link of info.links) {
        assert.ok(MDN_PAGE.test(link.url) || RFC_SECTION.test(link.url), link.url);
        assert.ok(link.title.length > 0);
      }
    });
  }

  it('link to MDN for every code that has an MDN page (all but 305)', () => {
    for (const code of IANA_CODES) {
      const hasMdn = statusInfo(code)?.links.some((link) => link.url.endsWith(`/Reference/Status/${code}`));
      assert.equal(hasMdn, code !== 305, `MDN link on ${code}`);
    }
  });

  it('use RFC 9110 reason phrases and keep the older name', () => {
    assert.equal(reasonPhrase(413), 'Content Too Large');
    assert.equal(statusInfo(413)?.formerPhrase, 'Payload Too Large');
    assert.equal(reasonPhrase(422), 'Unprocessable Content');
    assert.equal(statusInfo(422)?.formerPhrase, 'Unprocessable Entity');
    assert.equal(reasonPhrase(404), 'Not Found');
    assert.equal(statusInfo(404)?.formerPhrase, undefined);
  });

  it('take every other phrase from statuses, and record where they differ', () => {
    for (const code of IANA_CODES) {
      const info = statusInfo(code);
      assert.ok(info);
      const libraryPhrase = statuses.message[code];
      if (info.formerPhrase === undefined) assert.equal(info.phrase, libraryPhrase, `${code} phrase`);
      else assert.equal(info.formerPhrase, libraryPhrase, `${code} former phrase`);
    }
  });

  it('take empty-body and redirect flags from statuses', () => {
    const empty = IANA_CODES.filter((code) => statusInfo(code)?.emptyBody);
    const redirect = IANA_CODES.filter((code) => statusInfo(code)?.redirect);
    assert.deepEqual(empty, [204, 205, 304]);
    assert.deepEqual(redirect, [300, 301, 302, 303, 305, 307, 308]);
  });

  it('follow the guide on retries, not the statuses retry flags', () => {
    assert.equal(statuses.retry[500], undefined, 'statuses does not flag 500');
    assert.match(statusInfo(500)?.retry ?? '', /backoff/);
    assert.equal(statusInfo(507)?.retry, SERVER_ERROR_RETRY);
    assert.equal(statusInfo(402)?.retry, CLIENT_ERROR_RETRY);
  });
});

describe('codes statuses knows but IANA does not register', () => {
  it('are reported as unregistered with their common name', () => {
    const teapot = lookupStatus(418);
    assert.equal(teapot.kind, 'unregistered');
    assert.ok(teapot.kind === 'unregistered');
    assert.equal(teapot.statusClass, 'client-error');
    assert.match(teapot.commonName ?? '', /I'm a Teapot/);

    const bandwidth = lookupStatus(509);
    assert.ok(bandwidth.kind === 'unregistered');
    assert.match(bandwidth.commonName ?? '', /Bandwidth Limit Exceeded/);
  });

  it('leave no code of statuses unclassified', () => {
    for (const code of statuses.codes) {
      const kind = lookupStatus(code).kind;
      assert.equal(kind, IANA_CODES.includes(code) ? 'registered' : 'unregistered', `${code}`);
    }
  });

  it('have no reason phrase of their own', () => {
    assert.equal(reasonPhrase(418), undefined);
    assert.equal(statusInfo(509), undefined);
  });
});

describe('unregistered and out-of-range numbers', () => {
  it('are unregistered inside 100–599, with their class', () => {
    for (const [code, statusClass] of [
      [599, 'server-error'],
      [306, 'redirection'],
      [104, 'informational'],
      [299, 'success'],
      [450, 'client-error'],
    ] as const) {
      const found = lookupStatus(code);
      assert.deepEqual(
        { kind: found.kind, statusClass: found.kind === 'unregistered' ? found.statusClass : undefined },
        { kind: 'unregistered', statusClass },
        `${code}`,
      );
    }
    const plain = lookupStatus(599);
    assert.ok(plain.kind === 'unregistered' && plain.commonName === undefined, '599 has no common name');
  });

  it('are out of range below 100, above 599, or not whole', () => {
    for (const code of [99, 600, 1000, 0, -404, 404.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.deepEqual(lookupStatus(code), { kind: 'out-of-range', code }, `${code}`);
      assert.equal(statusClassOf(code), undefined, `class of ${code}`);
      assert.equal(reasonPhrase(code), undefined);
    }
  });

  it('still have a class at the edges of the range', () => {
    assert.equal(statusClassOf(100), 'informational');
    assert.equal(statusClassOf(599), 'server-error');
    assert.equal(statusClassOf(418), 'client-error');
  });
});
