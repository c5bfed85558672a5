// Plain data shared by the analysis layer. Offsets are UTF-16 code-unit offsets into the
// document text (what both TypeScript and LSP count), never line/column pairs.
import type * as ts from 'typescript';
import type { ResponseAdapter } from './adapters/adapter';
import type { Framework } from './adapters/frameworks';
import type { ModuleSource } from './facts/modules';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type RuleSetting = Severity | 'off';

export interface TextRange {
  start: number;
  end: number;
}

/** A range in another file, with its lines (0-based, UTF-16 characters) so a host can show it without reading the file. */
export interface SourcePlace extends TextRange {
  fileName: string;
  startLine: { line: number; character: number };
  endLine: { line: number; character: number };
}

export interface TextEdit extends TextRange {
  newText: string;
}

export interface Fix {
  /** Says exactly what changes, e.g. "Change 200 to 201 Created". */
  title: string;
  edits: TextEdit[];
  isPreferred?: boolean;
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options' | 'all' | 'use';

export interface Route {
  method?: HttpMethod;
  /** The path when the code spells it out (`/users/:id`). */
  path?: string;
  /** The path is the whole URL path, with no mount prefix written elsewhere (a Next.js route file's place). */
  full?: boolean;
}

/** A function that receives a response object: a route handler, middleware or error handler. */
export interface Handler {
  node: ts.FunctionLikeDeclaration;
  /** The route method when the handler is registered through a call we recognise. */
  method?: HttpMethod;
  /** The route path when it is a string literal. */
  path?: string;
  /** How the handler names the request: `req`, or a path where a context holds it (`c.req`). */
  requestName?: string;
  responseName: string;
  /** Set for error middleware `(err, req, res, next)`. */
  errorName?: string;
  /** Parameters that hold part of the request, as a path into it (NestJS `@Body() dto` → ['body'], `@Param('id') id` → ['params', 'id']). */
  requestParts?: ReadonlyMap<string, readonly string[]>;
  /** The status the framework sets before the handler runs (NestJS: 201 for `@Post`, or `@HttpCode`), where it is not 200. */
  defaultStatus?: number;
  /** What the handler returns or throws is its response (Fastify: `return { … }`, `return createError(404)`). */
  answersWithReturn?: boolean;
}

/**
 * How the status of a site is known:
 * - literal: a number in the code (`res.status(404)`);
 * - constant: a name that resolves to a number (`StatusCodes.NOT_FOUND`, `const NOT_FOUND = 404`);
 * - implicit: the framework's default (`res.json(x)` is 200, `res.redirect(url)` is 302);
 * - dynamic: an expression the file does not pin down (`res.status(code)`); `code` is undefined.
 */
export type StatusSource = 'literal' | 'constant' | 'implicit' | 'dynamic';

export interface StatusValue {
  source: StatusSource;
  code?: number;
  /** The status expression; undefined when implicit. */
  expression?: ts.Expression;
  /** The status expression's range, or the sending call's when the status is implicit. */
  range: TextRange;
  /** For constants: how the code names it (`StatusCodes.OK`), so fixes can keep names. */
  constant?: NamedConstant;
}

export interface NamedConstant {
  /** Which table the name comes from, so a fix can look up the name of another code. */
  table: ConstantTable;
  /** The text before the member name (`StatusCodes`, `HttpStatus`); empty for bare imports. */
  qualifier: string;
}

export type ConstantTable = 'http-status-codes' | 'nestjs' | 'http-status' | 'stoker' | 'local';

/**
 * How a response sets its status; adapter detail that rules never read. Koa: `ctx.status =` (assign),
 * `ctx.throw`, `ctx.assert`; `argument`: the sending call takes it (Hono's `c.json(body, 404)`).
 */
export type StatusSetter = 'status' | 'sendStatus' | 'redirect' | 'statusCode' | 'writeHead' | 'argument' | 'implicit' | 'assign' | 'throw' | 'assert'
  /** A call named after its status that also sends (`reply.notFound(msg)` from @fastify/sensible). */
  | 'helper';

/** The call that sends an Express or node:http response (`json`, `send`, `end`, `sendStatus`, …). */
export interface SendCall {
  method: string;
  call: ts.CallExpression;
}

/** What a response sends, in words every framework shares. */
export type SendKind =
  /** A body the client reads: `res.json(x)`, `c.json(x)`, `ctx.body = x`, a returned value. */
  | 'data'
  /** No body: `res.sendStatus(204)`, `res.end()`, `reply.send()`. */
  | 'empty'
  | 'redirect'
  /** A rendered page: `res.render('signup')`. */
  | 'view'
  | 'file'
  /** A streamed body (`new Response(stream)`): what it says is not in the code. */
  | 'stream';

export interface Send {
  kind: SendKind;
  /** The node that sends: a call, an assignment or a `return`. */
  node: ts.Node;
  /** How the code sends, for messages: `.json(…)`. */
  label: string;
  /** How a body would be written: always JSON, always text, or JSON for objects only. */
  encoding: 'json' | 'text' | 'auto';
  /** The target of a redirect. */
  target?: ts.Expression;
}

export interface HeaderSet {
  /** Lower-case header name (`location` for `res.location(...)`). */
  name: string;
  node: ts.Node;
}

export interface CallBefore {
  /** Callee text, shortened: `User.create`, `queue.add`. */
  callee: string;
  /** Last name of the callee: `create`, `add`. */
  name: string;
  node: ts.CallExpression;
}

export interface BranchCondition {
  expression: ts.Expression;
  /** True when the site is in the `else` branch. */
  inElse: boolean;
}

/** One place where a response is produced, whatever framework produced it. */
export interface ResponseSite {
  /** The framework's knowledge of this site: its defaults, and how to write a fix in its idiom. */
  adapter: ResponseAdapter;
  /** The response object's name as written (`res`). */
  responseName: string;
  /** That name and the names that alias it in the handler (`const r = res`). */
  responseNames: ReadonlySet<string>;
  handler?: Handler;
  /** The route the site answers, as far as the code says: Express's registration, node:http's `req.method` checks. */
  route?: Route;
  status: StatusValue;
  /** The node that sets the status (undefined when the status is the framework's default). */
  statusNode?: ts.Node;
  /** What is sent; undefined when nothing sends (the request would hang). */
  send?: Send;
  /**
   * Set when another part of the project sends this response: a thrown error goes to the error
   * handler; a project helper (`return unauthorized()`) makes the response out of the file's sight.
   */
  completedBy?: 'error-handler' | 'helper';
  /** How the adapter reads this site, for its edits; rules never read it. */
  shape: { setter: StatusSetter; sendCall?: SendCall };
  body?: ts.Expression;
  headers: HeaderSet[];
  /** The outermost expression of the statement that produces the response. */
  chain: ts.Expression;
  /** The statement that holds the chain, or the chain itself when it is an arrow function's body. */
  statement: ts.Node;
  /** Enclosing `if` conditions, innermost first. */
  conditions: BranchCondition[];
  catchClause?: { node: ts.CatchClause; errorName?: string };
  /** Calls made earlier in the same handler, in source order. */
  callsBefore: CallBefore[];
  /** Set when the status is fixed inside a helper another module exports: the helper, as called, and where it sets it. */
  statusFrom?: { helper: string; module: string; code: number; place: SourcePlace };
  /**
   * Set on a `throw` that no error handler will see (an async handler's rejection the framework does
   * not catch): nothing answers and the request hangs. Why, and the remedy, in the framework's words.
   */
  lostError?: { why: string; remedy: string };
}

/** A status number in a position a reader would call a status (set or checked), for hovers. */
export interface StatusRef {
  code: number;
  range: TextRange;
  /** The `.status` / `.sendStatus` member name, which also shows the hover. */
  memberRange?: TextRange;
}

/** Another place that explains a finding: the line that causes the reported response. */
/**
 * A place that explains a finding: in the same file (`range`), or in another file (`place`, with
 * its positions, since that file's text is not at hand where the finding is shown).
 */
export type RelatedNote = { message: string; range: TextRange } | { message: string; place: SourcePlace };

export interface Finding {
  ruleId: string;
  message: string;
  severity: Severity;
  range: TextRange;
  fixes: Fix[];
  /** Places that explain the finding (LSP `relatedInformation`), where the cause lies elsewhere. */
  related?: RelatedNote[];
}

export interface AnalysisOptions {
  rules: Readonly<Record<string, RuleSetting | undefined>>;
  /** The status fixes use for validation failures (decisions: 400 by default, 422 for teams that prefer it). */
  validationStatus: 400 | 422;
  /** Report catch-all 500s reached by an unchecked lookup (a missing record, a malformed id); off by default. */
  lookupFailures: boolean;
  /** Files larger than this many UTF-16 code units are not analysed. */
  maxFileSize: number;
  /** The frameworks of files that import none (empty: Express-shaped handlers). */
  frameworks: readonly Framework[];
  /** What the file's project declares; undefined when no `package.json` could be read (untitled, virtual, none). */
  project?: ProjectFacts;
  /**
   * The host's reader of the project's own modules, for helpers imported by a relative path;
   * undefined: imported helpers are not read (the setting is off, or the host has no files).
   */
  modules?: ModuleSource;
}

/** Facts about the project a file belongs to, read by the host: the analysis itself reads no files. */
export interface ProjectFacts {
  /** `dependencies` and `devDependencies` of the nearest `package.json` (the former win): name → version range. */
  dependencies: Readonly<Record<string, string>>;
}

export type SkipReason = 'too-large' | 'minified' | 'no-candidates' | 'too-deep' | 'unparsable';

export interface AnalysisResult {
  sourceFile?: ts.SourceFile;
  sites: ResponseSite[];
  statusRefs: StatusRef[];
  findings: Finding[];
  skipped?: SkipReason;
  /** Rules that threw, with their error, so the host can log each once. */
  ruleErrors: { ruleId: string; error: unknown }[];
  /** The file names asked of `options.modules` (found or not): a change to one of them changes this result. */
  modulesAsked?: string[];
}
