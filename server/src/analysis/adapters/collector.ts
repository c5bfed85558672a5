// The seam between the engine and the frameworks: each framework's collector sees every node of
// the file's one walk, then turns what it saw into response sites. The engine runs the collectors
// of the frameworks a file uses (`frameworks.ts`) and knows nothing else about them.
import type ts from 'typescript';
import type { Bindings } from '../facts/bindings';
import type { Handler, ResponseSite } from '../types';
import type { Framework } from './frameworks';

/** What the engine knows of a file once its walk is done. */
export interface FileReading {
  sourceFile: ts.SourceFile;
  bindings: Bindings;
  frameworks: readonly Framework[];
}

export interface SiteCollector {
  /** Called for every node of the file, parents before children. */
  visit(node: ts.Node): void;
  /** The functions that answer requests, found during the walk (errors forwarded from them are responses too). */
  handlers(): readonly Handler[];
  /** The response sites of the handlers, after the walk. */
  sites(file: FileReading): ResponseSite[];
}

/** Finds a framework's handlers node by node during the walk, and resolves references after it. */
export interface HandlerFinder {
  visit(node: ts.Node): void;
  handlers(): Handler[];
}

/** A collector that reads the response sites of the handlers its finder found, once the walk is done. */
export class HandlerSiteCollector implements SiteCollector {
  private resolved: Handler[] | undefined;

  constructor(
    private readonly finder: HandlerFinder,
    private readonly read: (handlers: readonly Handler[], file: FileReading) => ResponseSite[],
  ) {}

  visit(node: ts.Node): void {
    this.finder.visit(node);
  }

  handlers(): readonly Handler[] {
    return (this.resolved ??= this.finder.handlers());
  }

  sites(file: FileReading): ResponseSite[] {
    return this.read(this.handlers(), file);
  }
}
