import type { StatusLink } from './types';

const MDN_STATUS_BASE = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/';

// MDN has a reference page for every registered code except the deprecated 305 Use Proxy.
const CODES_WITHOUT_MDN_PAGE: ReadonlySet<number> = new Set([305]);

export function mdnLink(code: number): StatusLink | undefined {
  if (CODES_WITHOUT_MDN_PAGE.has(code)) return undefined;
  return { title: 'MDN', url: `${MDN_STATUS_BASE}${code}` };
}

/** A link to one section of an RFC on rfc-editor.org, e.g. `rfcLink(9110, '15.5.5')`. */
export function rfcLink(rfc: number, section: string): StatusLink {
  return { title: `RFC ${rfc} §${section}`, url: `https://www.rfc-editor.org/rfc/rfc${rfc}#section-${section}` };
}

/** Shorthand for the RFC that defines most codes. */
export function rfc9110(section: string): StatusLink {
  return rfcLink(9110, section);
}
