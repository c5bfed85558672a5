// Fidelity: the knowledge module against our own list of what the guide teaches (its 20 codes,
// 5 mistakes and 3 rules of thumb). The list lives here on purpose: tests never read ../shared.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GUIDE_CODES, MISTAKES, RULES_OF_THUMB, statusInfo, type StatusInfo } from '../../server/src/knowledge';

const RFC_9110 = 'https://www.rfc-editor.org/rfc/rfc9110#section-';

/** The guide's codes with the section that defines each and the headers it asks for. */
const GUIDE: ReadonlyArray<{ code: number; phrase: string; rfc: string; headers?: string[] }> = [
  { code: 200, phrase: 'OK', rfc: `${RFC_9110}15.3.1` },
  { code: 201, phrase: 'Created', rfc: `${RFC_9110}15.3.2`, headers: ['Location'] },
  { code: 202, phrase: 'Accepted', rfc: `${RFC_9110}15.3.3` },
  { code: 204, phrase: 'No Content', rfc: `${RFC_9110}15.3.5` },
  { code: 301, phrase: 'Moved Permanently', rfc: `${RFC_9110}15.4.2`, headers: ['Location'] },
  { code: 302, phrase: 'Found', rfc: `${RFC_9110}15.4.3`, headers: ['Location'] },
  { code: 304, phrase: 'Not Modified', rfc: `${RFC_9110}15.4.5`, headers: ['ETag', 'Last-Modified'] },
  { code: 307, phrase: 'Temporary Redirect', rfc: `${RFC_9110}15.4.8`, headers: ['Location'] },
  { code: 400, phrase: 'Bad Request', rfc: `${RFC_9110}15.5.1` },
  { code: 401, phrase: 'Unauthorized', rfc: `${RFC_9110}15.5.2`, headers: ['WWW-Authenticate'] },
  { code: 403, phrase: 'Forbidden', rfc: `${RFC_9110}15.5.4` },
  { code: 404, phrase: 'Not Found', rfc: `${RFC_9110}15.5.5` },
  { code: 409, phrase: 'Conflict', rfc: `${RFC_9110}15.5.10` },
  { code: 410, phrase: 'Gone', rfc: `${RFC_9110}15.5.11` },
  { code: 422, phrase: 'Unprocessable Content', rfc: `${RFC_9110}15.5.21` },
  {
    code: 429,
    phrase: 'Too Many Requests',
    rfc: 'https://www.rfc-editor.org/rfc/rfc6585#section-4',
    headers: ['Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
  },
  { code: 500, phrase: 'Internal Server Error', rfc: `${RFC_9110}15.6.1` },
  { code: 502, phrase: 'Bad Gateway', rfc: `${RFC_9110}15.6.3` },
  { code: 503, phrase: 'Service Unavailable', rfc: `${RFC_9110}15.6.4`, headers: ['Retry-After'] },
  { code: 504, phrase: 'Gateway Timeout', rfc: `${RFC_9110}15.6.5` },
];

/** Headers that every response with that code must carry, per the guide or the RFC. */
const REQUIRED_HEADERS: Readonly<Record<number, string>> = {
  201: 'Location',
  301: 'Location',
  302: 'Location',
  307: 'Location',
  401: 'WWW-Authenticate',
  429: 'Retry-After',
  503: 'Retry-After',
};

/** Pairs (and the one triple) the guide sets against each other. */
const CONFUSED: ReadonlyArray<readonly number[]> = [
  [401, 403],
  [400, 422],
  [404, 410],
  [502, 504],
  [302, 307],
  [301, 308],
  [200, 201, 204],
];

const MISTAKE_RULES: ReadonlyArray<{ about: RegExp; ruleId: string }> = [
  { about: /200/, ruleId: 'no-error-in-success' },
  { about: /500/, ruleId: 'no-server-error-for-bad-input' },
  { about: /404/, ruleId: 'no-not-found-for-validation' },
  { about: /detail/i, ruleId: 'error-needs-detail' },
  { about: /missing|empty/i, ruleId: 'no-success-for-missing' },
];

function guideInfo(code: number): StatusInfo & { guide: NonNullable<StatusInfo['guide']> } {
  const info = statusInfo(code);
  assert.ok(info, `${code} is registered`);
  assert.ok(info.guide, `${code} carries the guide's advice`);
  return { ...info, guide: info.guide };
}

function assertProse(text: string, what: string): void {
  assert.ok(text.trim().length >= 15, `${what} is written out (got ${JSON.stringify(text)})`);
}

describe('the guide codes', () => {
  it('are exactly the 20 codes of the guide', () => {
    assert.deepEqual([...GUIDE_CODES].sort((a, b) => a - b), GUIDE.map((entry) => entry.code));
  });

  it('are the only codes with guide advice', () => {
    for (let code = 100; code <= 599; code++) {
      const hasGuide = statusInfo(code)?.guide !== undefined;
      assert.equal(hasGuide, GUIDE_CODES.includes(code), `guide advice on ${code}`);
    }
  });

  for (const entry of GUIDE) {
    it(`${entry.code} has every field written out`, () => {
      const info = guideInfo(entry.code);
      assert.equal(info.phrase, entry.phrase);
      assertProse(info.meaning, `${entry.code} meaning`);
      assertProse(info.retry, `${entry.code} retry`);
      assertProse(info.guide.whenToUse, `${entry.code} whenToUse`);
      assertProse(info.guide.mistake, `${entry.code} mistake`);
      for (const header of info.guide.headers) assertProse(header.why, `${entry.code} ${header.name} why`);
    });

    it(`${entry.code} links to its MDN page and its RFC section`, () => {
      const urls = guideInfo(entry.code).links.map((link) => link.url);
      assert.ok(urls.includes(`https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/${entry.code}`));
      assert.ok(urls.includes(entry.rfc), `${entry.code} links ${entry.rfc}, got ${urls.join(', ')}`);
    });

    it(`${entry.code} names the headers the guide asks for`, () => {
      const names = guideInfo(entry.code).guide.headers.map((header) => header.name);
      assert.deepEqual(names, entry.headers ?? []);
    });
  }

  it('marks the headers a response cannot do without as required', () => {
    for (const [code, name] of Object.entries(REQUIRED_HEADERS)) {
      const header = guideInfo(Number(code)).guide.headers.find((candidate) => candidate.name === name);
      assert.equal(header?.required, true, `${name} is required on ${code}`);
    }
    const rateLimit = guideInfo(429).guide.headers.filter((header) => header.name.startsWith('X-RateLimit-'));
    assert.ok(rateLimit.every((header) => !header.required), 'X-RateLimit-* is a convention, not a requirement');
  });

  it('says 204 and 304 carry no body, and no other guide code', () => {
    for (const { code } of GUIDE) {
      assert.equal(guideInfo(code).guide.noBody, code === 204 || code === 304, `noBody on ${code}`);
    }
  });

  it('lists the codes each one is confused with, both ways', () => {
    for (const group of CONFUSED) {
      for (const code of group.filter((member) => GUIDE_CODES.includes(member))) {
        const others = group.filter((member) => member !== code);
        for (const other of others) {
          assert.ok(guideInfo(code).guide.confusedWith.includes(other), `${code} is confused with ${other}`);
        }
      }
    }
  });

  it('keeps every confusion between guide codes symmetric', () => {
    for (const { code } of GUIDE) {
      for (const other of guideInfo(code).guide.confusedWith.filter((member) => GUIDE_CODES.includes(member))) {
        assert.ok(guideInfo(other).guide.confusedWith.includes(code), `${other} lists ${code} back`);
      }
    }
  });

  it('tells clients to fix 4xx requests rather than retry them', () => {
    for (const code of [400, 403, 404, 409, 410, 422]) {
      assert.match(guideInfo(code).retry, /\b(do not|never)\b/i, `${code} retry`);
    }
    assert.match(guideInfo(401).retry, /authenticate/i);
    assert.match(guideInfo(429).retry, /Retry-After/);
  });

  it('tells clients to retry 5xx with backoff only when safe to repeat', () => {
    for (const code of [500, 502, 503, 504]) {
      const retry = guideInfo(code).retry;
      assert.match(retry, /backoff/i, `${code} retry mentions backoff`);
      assert.match(retry, /idempoten/i, `${code} retry is limited to idempotent requests`);
    }
  });
});

describe('the guide mistakes', () => {
  it('are five, each with a title, summary and fix', () => {
    assert.equal(MISTAKES.length, MISTAKE_RULES.length);
    for (const mistake of MISTAKES) {
      assertProse(mistake.title, `${mistake.id} title`);
      assertProse(mistake.summary, `${mistake.id} summary`);
      assertProse(mistake.fix, `${mistake.id} fix`);
    }
    assert.equal(new Set(MISTAKES.map((mistake) => mistake.id)).size, MISTAKES.length, 'ids are unique');
  });

  it('each name the rule that detects them', () => {
    MISTAKE_RULES.forEach(({ about, ruleId }, index) => {
      const mistake = MISTAKES[index];
      assert.ok(mistake, `mistake ${index + 1} exists`);
      assert.match(mistake.title, about);
      assert.deepEqual(mistake.ruleIds, [ruleId]);
    });
  });
});

describe('the rules of thumb', () => {
  it('are the three of the guide', () => {
    const texts = RULES_OF_THUMB.map((rule) => rule.text);
    assert.equal(texts.length, 3);
    assert.ok(texts.some((text) => /4xx/.test(text) && /retry/i.test(text)), '4xx: do not retry');
    assert.ok(texts.some((text) => /5xx/.test(text) && /backoff/i.test(text)), '5xx: retry with backoff');
    assert.ok(texts.some((text) => /200/.test(text) && /error/i.test(text)), 'never 200 with an error');
    assert.equal(new Set(RULES_OF_THUMB.map((rule) => rule.id)).size, 3, 'ids are unique');
  });
});
