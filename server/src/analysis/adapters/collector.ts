// The seam between the engine and the frameworks: each framework's collector sees every node of
// the file's one walk, then turns what it saw into response sites. The engine runs the collectors
// of the frameworks a file uses (`frameworks.ts`) and knows nothing else about them.
import ts from 'typescript';
import type { Bindings } from '../facts/bindings';
import type { CallBefore, Handler, HeaderSet, ResponseSite, StatusValue } from '../types';
import type { ResponseAdapter } from './adapter';
import type { Framework } from './frameworks';

/** What the engine knows of a file once its walk is done. */
export interface FileReading {
  sourceFile: ts.SourceFile;
  bindings: Bindings;
  frameworks: readonly Framework[];
  /**
   * Set when an edit re-checks only part of the file (`engine/reuse.ts`): whether a node lies there.
   * A collector may leave out the sites of the other handlers; the engine filters what it keeps.
   */
  wanted?: (node: ts.Node) => boolean;
}

/**
 * The kinds of node a collector is shown, parents before children: the file, functions, variable
 * declarations and calls (`app.get(…)`, `new Response(…)`). A collector that needs another kind adds it here.
 */
export const COLLECTOR_WALK_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.SourceFile,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.NewExpression,
]);

export interface SiteCollector {
  /**
   * Called for every node of `COLLECTOR_WALK_KINDS` in the file, parents before children; false when
   * the node is nothing to the collector whatever came before (`WalkReader.read`).
   */
  visit(node: ts.Node): boolean;
  /** The nodes `visit` took before (an edited document's unchanged statement), at once: as `visit` on each. */
  takeAll?(nodes: readonly ts.Node[]): void;
  /** The functions that answer requests, found during the walk (errors forwarded from them are responses too). */
  handlers(): readonly Handler[];
  /** The response sites of the handlers, after the walk. */
  sites(file: FileReading): ResponseSite[];
}

/** Finds a framework's handlers node by node during the walk, and resolves references after it. */
export interface HandlerFinder {
  /** As `SiteCollector.visit` and `takeAll`. */
  visit(node: ts.Node): boolean;
  takeAll?(nodes: readonly ts.Node[]): void;
  handlers(): Handler[];
}

/** A collector made of a framework's handler finder and its reading of those handlers' responses. */
export class HandlerSiteCollector implements SiteCollector {
  private resolved: Handler[] | undefined;

  constructor(
    private readonly finder: HandlerFinder,
    private readonly read: (handlers: readonly Handler[], file: FileReading) => ResponseSite[],
  ) {}

  visit(node: ts.Node): boolean {
    return this.finder.visit(node);
  }

  takeAll(nodes: readonly ts.Node[]): void {
    if (this.finder.takeAll) this.finder.takeAll(nodes);
    else for (const node of nodes) this.finder.visit(node);
  }

  handlers(): readonly Handler[] {
    return (this.resolved ??= this.finder.handlers());
  }

  sites(file: FileReading): ResponseSite[] {
    const { wanted } = file;
    return this.read(wanted ? this.handlers().filter((handler) => wanted(handler.node)) : this.handlers(), file);
  }
}

/** The status a thrown or forwarded error carries, and what it sends. */
export interface CarriedStatus {
  status: StatusValue;
  message?: ts.Expression;
  /** For `createError(status, message?, props?)`: the call, whose props can carry headers. */
  httpErrorsCall?: ts.CallExpression | ts.NewExpression;
  /** A framework's own exception (NestJS's `NotFoundException`, Hono's `HTTPException`), with edits in its idiom. */
  adapter?: ResponseAdapter;
}

/**
 * A framework's own exceptions, read for `thrownErrors.ts`: the status `new X(…)` carries, and the
 * headers a handler adds to what it throws. Asked of every file, whatever its frameworks: a service
 * throws `NotFoundException` without answering requests itself.
 */
export interface ExceptionReader {
  /** Prepared once per file; undefined when the file cannot hold this framework's exceptions. */
  forFile(sourceFile: ts.SourceFile, bindings: Bindings): FileExceptions | undefined;
}

export interface FileExceptions {
  /**
   * The status `error` carries; `'unreadable'` when the error is this framework's but its status
   * cannot be read (then no other reading guesses one); undefined when it is not this framework's.
   */
  statusOf(error: ts.NewExpression | ts.CallExpression): CarriedStatus | 'unreadable' | undefined;
  /** Headers a handler declares for its responses (NestJS's `@Header(name, value)`). */
  handlerHeaders?(handler: Handler): HeaderSet[];
  /** Headers set on the response by calls before the throw (a Nest guard's `getResponse().setHeader(…)`). */
  headersBefore?(callsBefore: readonly CallBefore[]): HeaderSet[];
}
