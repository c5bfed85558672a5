// A file's route facts from its text: the analysis' sites and findings when it analysed the file,
// and a parse of its own when the analysis had nothing to look for (a routes file that only
// wires handlers says no status word, yet holds the routes).
import type ts from 'typescript';
import { isParserFailure, parse } from '../engine/parse';
import type { AnalysisResult } from '../types';
import { fileRoutes, type FileRoutes } from './fileRoutes';

export type { FileRoutes } from './fileRoutes';
export { projectRoutes, joinPaths, PlacedStatus, resolverAmong, type ProjectRoute, type ProjectRouteStatus, type ResolveModule } from './workspaceRoutes';

const NO_ROUTES: FileRoutes = { routes: [], mounts: [], routerPrefixes: {}, apps: [], exportedRouters: {}, exportedHandlers: {} };
/** Words without which a file registers, mounts or exports no route. */
const ROUTE_WORDS = /\b(get|post|put|patch|delete|use|route|register|setGlobalPrefix|Controller|GET|POST|PUT|PATCH|DELETE|exports|export)\b/;

function readGuarded<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    // Too deep for the parser's or the walk's stack, or a parser assertion on garbled text: no routes.
    if (error instanceof RangeError || isParserFailure(error)) return undefined;
    throw error;
  }
}

/** The route facts of a file, given what the analysis made of it. */
export function routesOfFile(text: string, fileName: string, analysed: AnalysisResult): FileRoutes {
  if (analysed.sourceFile) return readGuarded(() => fileRoutes(analysed.sourceFile as ts.SourceFile, fileName, analysed.sites, analysed.findings)) ?? NO_ROUTES;
  if (analysed.skipped !== 'no-candidates' || !ROUTE_WORDS.test(text)) return NO_ROUTES;
  return readGuarded(() => fileRoutes(parse(text, fileName), fileName, [], [])) ?? NO_ROUTES;
}
