// What a framework adapter knows: how its handlers answer (read into framework-neutral
// ResponseSites by the adapter's collector) and how to write a fix in its idiom. Rules read
// sites and ask the site's adapter for edits; they never name a framework's API themselves.
import type { RuleContext } from '../rule';
import type { Fix, ResponseSite, TextEdit } from '../types';

/** A header to add: its name, and its value as code (already quoted where it is a string). */
export type HeaderToAdd = readonly [name: string, value: string];

export interface ResponseAdapter {
  /** The framework, for messages and settings: `express`. */
  readonly framework: string;
  /** Makes a default status explicit (`res.json(x)` → `res.status(404).json(x)`); `status` is code text. */
  setDefaultStatusEdit(site: ResponseSite, status: string, context: RuleContext): TextEdit | undefined;
  /** May code the file cannot see set the site's headers (the response handed to a library first)? */
  headersMayBeSetElsewhere(site: ResponseSite): boolean;
  /** One edit that adds every header, or undefined where the code gives no safe place. */
  addHeadersEdit(site: ResponseSite, headers: readonly HeaderToAdd[], context: RuleContext): TextEdit | undefined;
  /** Edits that make the site send `body` (code text), with `status` (code text) when given. */
  sendBodyEdits(site: ResponseSite, body: string, context: RuleContext, status?: string): TextEdit[] | undefined;
  /** The edit that sends no body instead of the site's body, with a title that says what changes. */
  dropBodyFix(site: ResponseSite): Fix | undefined;
  /** Fixes that finish a response whose status is set but never sent, the preferred one first. */
  completeResponseFixes(site: ResponseSite, context: RuleContext): Fix[];
  /** Does code after the site finish the response (a later send, a hand-over to other code)? */
  completesLater(site: ResponseSite): boolean;
  /**
   * Code for the path the request came to (`c.req.path`), where the framework offers it: a Location
   * for a new record is then that path and its id. Without it, the Location is built from the route.
   */
  requestPathText?(site: ResponseSite): string | undefined;
  /**
   * A statement that answers `status` (code text) with the JSON `body` (code text) and leaves the
   * handler (`return res.status(404).json(body)`), for fixes that add a missing check; undefined
   * where the framework has no such one-statement answer.
   */
  answerStatement?(site: ResponseSite, status: string, body: string, context: RuleContext): string | undefined;
  /** Why a status written as a string is an error here, or undefined where the framework accepts it. */
  stringStatusProblem(site: ResponseSite): string | undefined;
}
