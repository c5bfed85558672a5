// Express 4 calls a handler and ignores the promise it returns: what an `async` handler throws (a
// rejection) never reaches the error middleware, and the request hangs. Handlers wrapped before
// they are registered (`asyncHandler(fn)`) and projects that patch Express (express-async-errors)
// are fine, and Express 5 forwards rejections itself. Such throws are marked on their sites (a
// throw without a status becomes a site of its own) for status-without-response to report.
import ts from 'typescript';
import { visitListed } from '../facts/fileIndex';
import { importedModules } from '../facts/imports';
import { shorten } from '../facts/shorten';
import { inSourceOrder, skipTypeWrappers } from '../facts/syntax';
import type { Fix, Handler, ProjectFacts, ResponseSite, TextEdit } from '../types';
import type { ResponseAdapter } from './adapter';
import { surroundings } from './sites';
import { isTestFile } from './thrownErrors';

/** Modules that make Express forward rejections: in the project's dependencies, or loaded by the file. */
const REJECTION_FORWARDERS = ['express-async-errors', '@awaitjs/express', 'express-promise-router'];
/** Other frameworks, whose handlers have the same shape but whose routers await them. */
const OTHER_FRAMEWORK = /^(koa|koa-router|@koa\/router|fastify|hapi|@hapi\/hapi|restify|hono|polka|@nestjs\/.+|next|h3|@adonisjs\/.+|@feathersjs\/.+|sails)$/;

const LOST_ERROR = {
  why: 'Express 4 does not catch what an async handler throws',
  remedy: 'Pass it on with `return next(err)`, wrap the handler before registering it (`asyncHandler(async (req, res) => …)`) or load express-async-errors; Express 5 forwards it itself.',
};

/**
 * The major version a dependency range pins: `^4.18.2`, `~4.17`, `4.x`, `4` → 4; `5.0.0-beta.1`,
 * `next` → 5. Undefined for ranges that span majors or name none (`*`, `latest`, `>=4`, a URL).
 */
export function majorOf(range: string): number | undefined {
  const text = range.trim();
  if (text === 'next') return 5;
  const pinned = /^[\^~]?=?\s*v?(\d+)(\.(\d+|x|\*)){0,2}(-[\w.]+)?$/i.exec(text);
  if (pinned) return Number(pinned[1]);
  // `>=4.17.1 <5.0.0`
  const bounded = /^>=?\s*v?(\d+)(\.\d+){0,2}\s+<\s*v?(\d+)(\.0){0,2}$/.exec(text);
  return bounded && Number(bounded[3]) === Number(bounded[1]) + 1 ? Number(bounded[1]) : undefined;
}

/**
 * Are the file's async handlers' rejections lost? Only where the file is Express's and its major is
 * known to be 4 or older, or, without any package.json, where the file loads express itself (most
 * Express code is 4). An unknown version (no express entry, `*`, `latest`) stays quiet: precision first.
 */
export function rejectionsLost(sourceFile: ts.SourceFile, project: ProjectFacts | undefined): boolean {
  const modules = importedModules(sourceFile);
  if (REJECTION_FORWARDERS.some((name) => modules.has(name)) || [...modules].some((name) => OTHER_FRAMEWORK.test(name))) return false;
  const loadsExpress = modules.has('express');
  if (!project) return loadsExpress;
  const dependencies = Object.keys(project.dependencies);
  if (REJECTION_FORWARDERS.some((name) => project.dependencies[name] !== undefined)) return false;
  // A file that does not say its framework is Express's only in a project with no other.
  if (!loadsExpress && dependencies.some((name) => OTHER_FRAMEWORK.test(name))) return false;
  const range = project.dependencies.express;
  const major = range === undefined ? undefined : majorOf(range);
  return major !== undefined && major <= 4;
}

function isAsync(fn: ts.FunctionLikeDeclaration): boolean {
  return ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async ? true : false;
}

/** Throws of the handler itself (not of callbacks inside it) that no `try … catch` of the handler catches. */
function uncaughtThrows(handler: ts.FunctionLikeDeclaration): ts.ThrowStatement[] {
  const throws: ts.ThrowStatement[] = [];
  const visit = (node: ts.Node): 'skip' | undefined => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return 'skip';
    if (ts.isThrowStatement(node) && !isCaught(node, handler)) throws.push(node);
    return undefined;
  };
  if (handler.body) visitListed(handler.body, visit);
  return throws;
}

function isCaught(node: ts.Node, boundary: ts.Node): boolean {
  for (let child = node, current = node.parent; current && current !== boundary; child = current, current = current.parent) {
    if (ts.isTryStatement(current) && current.tryBlock === child && current.catchClause) return true;
  }
  return false;
}

/** `throw X` → `return next(X)` where the handler has a `next`; else add one, not preferred (two throws would add it twice). */
function passToNextFixes(handler: Handler, thrown: ts.ThrowStatement, sourceFile: ts.SourceFile): Fix[] {
  const fn = handler.node;
  const nextParameter = fn.parameters[handler.errorName !== undefined ? 3 : 2];
  const error = skipTypeWrappers(thrown.expression);
  const rewrite = (next: string): TextEdit[] => [
    { start: thrown.getStart(sourceFile), end: thrown.expression.getStart(sourceFile), newText: `return ${next}(` },
    { start: thrown.expression.getEnd(), end: thrown.expression.getEnd(), newText: ')' },
  ];
  const errorText = error.getText(sourceFile).length <= 40 ? error.getText(sourceFile) : 'the error';
  if (nextParameter) {
    return ts.isIdentifier(nextParameter.name) ? [{ title: `Pass ${errorText} to ${shorten(nextParameter.name.text)}()`, edits: rewrite(nextParameter.name.text), isPreferred: true }] : [];
  }
  // `(req, res) =>` gets `next` after `res`; a bare `res =>` or a rest parameter gives no safe place.
  const last = fn.parameters[fn.parameters.length - 1];
  if (fn.parameters.length !== 2 || !last || last.dotDotDotToken || fn.parameters.hasTrailingComma) return [];
  return [{ title: `Add a next parameter and pass ${errorText} to it`, edits: [{ start: last.getEnd(), end: last.getEnd(), newText: ', next' }, ...rewrite('next')] }];
}

/** A thrown site the error handler never sees: its fixes pass the error on instead. */
function lost(site: ResponseSite, fixes: Fix[]): ResponseSite {
  return { ...site, lostError: LOST_ERROR, adapter: { ...site.adapter, completeResponseFixes: () => fixes } };
}

/** Sends nothing and sets nothing: a throw's error has no response object to edit. */
const throwAdapter: ResponseAdapter = {
  framework: 'express',
  setDefaultStatusEdit: () => undefined,
  addHeadersEdit: () => undefined,
  headersMayBeSetElsewhere: () => false,
  sendBodyEdits: () => undefined,
  dropBodyFix: () => undefined,
  completeResponseFixes: () => [],
  completesLater: () => false,
  stringStatusProblem: () => undefined,
};

/** A throw with no status the file can read (`throw new Error(…)`, `throw err`): a site with an unknown status. */
function plainThrowSite(handler: Handler, thrown: ts.ThrowStatement, sourceFile: ts.SourceFile): ResponseSite {
  const start = thrown.expression.getStart(sourceFile);
  return {
    adapter: throwAdapter,
    responseName: handler.responseName,
    responseNames: new Set([handler.responseName]),
    handler,
    status: { source: 'dynamic', expression: thrown.expression, range: { start, end: thrown.expression.getEnd() } },
    headers: [],
    chain: thrown.expression,
    statement: thrown,
    ...surroundings(thrown, handler.node),
    callsBefore: [],
    completedBy: 'error-handler',
    shape: { setter: 'implicit' },
  };
}

/**
 * The file's sites with lost throws marked: each throw of a registered, unwrapped async handler
 * that nothing in the handler catches. Throws without a status join the sites.
 */
export function withLostRejections(sites: readonly ResponseSite[], handlers: readonly Handler[], sourceFile: ts.SourceFile, project: ProjectFacts | undefined, wanted?: (node: ts.Node) => boolean): ResponseSite[] {
  // Registered directly (`app.get('/x', async (req, res) => …)`); a wrapped handler has no route of its own.
  const candidates = handlers.filter((handler) => handler.method !== undefined && isAsync(handler.node) && (!wanted || wanted(handler.node)));
  if (candidates.length === 0 || isTestFile(sourceFile.fileName) || !rejectionsLost(sourceFile, project)) return [...sites];
  const byStatement = new Map<ts.Node, ResponseSite>(sites.filter((site) => ts.isThrowStatement(site.statement)).map((site) => [site.statement, site]));
  const marked = new Map<ResponseSite, ResponseSite>();
  const added: ResponseSite[] = [];
  for (const handler of candidates) {
    for (const thrown of uncaughtThrows(handler.node)) {
      const fixes = passToNextFixes(handler, thrown, sourceFile);
      const existing = byStatement.get(thrown);
      if (existing) marked.set(existing, lost(existing, fixes));
      else added.push(lost(plainThrowSite(handler, thrown, sourceFile), fixes));
    }
  }
  return [...sites.map((site) => marked.get(site) ?? site), ...added].sort((a, b) => inSourceOrder(a.chain, b.chain));
}
