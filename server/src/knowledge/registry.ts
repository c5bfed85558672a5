// Joins the hand-written facts with what `statuses` knows (reason phrases, empty-body and
// redirect flags) into one table of registered codes, and answers look-ups against it.
import statuses from 'statuses';
import { GUIDE_FACTS } from './guideCodes';
import { mdnLink } from './links';
import { OTHER_CODES } from './otherCodes';
import { classRetry } from './retry';
import { statusClassOf } from './statusClass';
import type { CodeFacts, StatusInfo, StatusLink, StatusLookup } from './types';

// RFC 9110 renamed these; `statuses` still uses the older phrases, which we keep as formerPhrase
// because libraries (http-status-codes, NestJS) name their constants after them.
const RFC_9110_PHRASES: Readonly<Record<number, string>> = {
  413: 'Content Too Large',
  422: 'Unprocessable Content',
};

// Numbers people meet in the wild that IANA does not register. 306 and 418 are only reserved
// ("Unused"); 104 is a temporary registration for an IETF draft that may still change.
// `name` is given where `statuses` does not know the code.
const UNREGISTERED_NAMES: Readonly<Record<number, { name?: string; origin: string }>> = {
  104: { name: 'Upload Resumption Supported', origin: 'only a temporary IANA entry for an IETF draft' },
  306: { name: 'Switch Proxy', origin: 'reserved, unused since HTTP/1.1' },
  418: { origin: "an April Fools' RFC; reserved, never assigned" },
  419: { name: 'Page Expired', origin: 'Laravel' },
  420: { name: 'Enhance Your Calm', origin: 'the old Twitter API' },
  444: { name: 'No Response', origin: 'nginx' },
  499: { name: 'Client Closed Request', origin: 'nginx' },
  509: { origin: 'Apache and cPanel' },
  520: { name: 'Web Server Returned an Unknown Error', origin: 'Cloudflare' },
  521: { name: 'Web Server Is Down', origin: 'Cloudflare' },
  522: { name: 'Connection Timed Out', origin: 'Cloudflare' },
  524: { name: 'A Timeout Occurred', origin: 'Cloudflare' },
};

function phrasesFor(code: number): { phrase: string; formerPhrase?: string } {
  const libraryPhrase = statuses.message[code];
  if (libraryPhrase === undefined) throw new Error(`statuses has no reason phrase for registered code ${code}`);
  const rfcPhrase = RFC_9110_PHRASES[code];
  if (rfcPhrase === undefined || rfcPhrase === libraryPhrase) return { phrase: libraryPhrase };
  return { phrase: rfcPhrase, formerPhrase: libraryPhrase };
}

function toStatusInfo(facts: CodeFacts): StatusInfo {
  const statusClass = statusClassOf(facts.code);
  if (statusClass === undefined) throw new Error(`registered code ${facts.code} is outside 100–599`);
  const mdn = mdnLink(facts.code);
  const links: StatusLink[] = mdn ? [mdn, facts.spec] : [facts.spec];
  return Object.freeze({
    code: facts.code,
    ...phrasesFor(facts.code),
    statusClass,
    meaning: facts.meaning,
    retry: facts.retry ?? classRetry(statusClass),
    emptyBody: statuses.empty[facts.code] === true,
    redirect: statuses.redirect[facts.code] === true,
    links,
    ...(facts.guide ? { guide: facts.guide } : {}),
  });
}

const REGISTERED: ReadonlyMap<number, StatusInfo> = new Map(
  [...GUIDE_FACTS, ...OTHER_CODES]
    .sort((a, b) => a.code - b.code)
    .map((facts): [number, StatusInfo] => [facts.code, toStatusInfo(facts)]),
);

/** Every registered code, ascending. */
export const REGISTERED_CODES: readonly number[] = Object.freeze([...REGISTERED.keys()]);

export function statusInfo(code: number): StatusInfo | undefined {
  return REGISTERED.get(code);
}

/** The RFC 9110 reason phrase of a registered code; undefined for anything else. */
export function reasonPhrase(code: number): string | undefined {
  return REGISTERED.get(code)?.phrase;
}

function commonNameOf(code: number): string | undefined {
  const known = UNREGISTERED_NAMES[code];
  if (known === undefined) return undefined;
  const name = known.name ?? statuses.message[code];
  return name === undefined ? undefined : `${name} (${known.origin})`;
}

export function lookupStatus(code: number): StatusLookup {
  const info = REGISTERED.get(code);
  if (info) return { kind: 'registered', info };
  const statusClass = statusClassOf(code);
  if (statusClass === undefined) return { kind: 'out-of-range', code };
  const commonName = commonNameOf(code);
  return commonName === undefined
    ? { kind: 'unregistered', code, statusClass }
    : { kind: 'unregistered', code, statusClass, commonName };
}
