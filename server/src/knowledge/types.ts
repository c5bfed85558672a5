// Plain data describing HTTP status codes. Other layers read these shapes; nothing here knows
// about editors or the protocol.

export type StatusClass = 'informational' | 'success' | 'redirection' | 'client-error' | 'server-error';

export interface StatusLink {
  title: string;
  url: string;
}

export interface HeaderAdvice {
  name: string;
  why: string;
  /** True when the guide or the RFC expects the header on every such response. */
  required: boolean;
}

/** What the guide teaches about one of its codes. */
export interface GuideAdvice {
  whenToUse: string;
  mistake: string;
  headers: HeaderAdvice[];
  /** Set for 204 and 304: a body sent with them never reaches the client. */
  noBody: boolean;
  confusedWith: number[];
}

export interface StatusInfo {
  code: number;
  /** The RFC 9110 reason phrase. */
  phrase: string;
  /** The older phrase that libraries (and `statuses`) still use, when RFC 9110 renamed it. */
  formerPhrase?: string;
  statusClass: StatusClass;
  meaning: string;
  retry: string;
  emptyBody: boolean;
  redirect: boolean;
  links: StatusLink[];
  /** Present exactly for the guide's 20 codes. */
  guide?: GuideAdvice;
}

export type StatusLookup =
  | { kind: 'registered'; info: StatusInfo }
  | { kind: 'unregistered'; code: number; statusClass: StatusClass; commonName?: string }
  | { kind: 'out-of-range'; code: number };

export interface Mistake {
  id: string;
  title: string;
  summary: string;
  fix: string;
  /** Ids of the analysis rules that detect this mistake. */
  ruleIds: string[];
}

export interface RuleOfThumb {
  id: string;
  text: string;
}

/** The facts written by hand for one registered code; phrase and flags come from `statuses`. */
export interface CodeFacts {
  code: number;
  meaning: string;
  /** Overrides the retry advice of the code's class. */
  retry?: string;
  /** The specification that defines the code. */
  spec: StatusLink;
  guide?: GuideAdvice;
}
