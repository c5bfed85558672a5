// The workspace index's routes → the `httpStatusGuide/routes` answer: full paths, statuses and
// problem counts, with LSP ranges a client can open.
import type { Range } from 'vscode-languageserver';
import type { ProjectRoute } from '../analysis/routes';
import type { TextRange } from '../analysis/types';
import { positionsFromLines, toRange } from './positions';

export const ROUTES_REQUEST = 'httpStatusGuide/routes';
export const ROUTES_CHANGED_NOTIFICATION = 'httpStatusGuide/routesChanged';

export interface RouteStatusInfo {
  code: number;
  uri: string;
  range: Range;
}

export interface RouteInfo {
  method: string;
  path: string;
  uri: string;
  range: Range;
  statuses: RouteStatusInfo[];
  problems: number;
  /** False when no app the workspace shows mounts the route's router: its path may lack a prefix. */
  rooted: boolean;
}

/** What the index reads: the workspace's files, or only open documents (a workspace without a folder on disk). */
export type IndexScope = 'workspace' | 'open documents';

export interface RoutesResult {
  /** False while the index is still reading the workspace. */
  complete: boolean;
  routes: RouteInfo[];
  scope: IndexScope;
}

/** What the answer needs of a file: its URI and its line starts. */
export interface FileLookup {
  uriOf(file: string): string;
  linesOf(file: string): ArrayLike<number> | undefined;
}

function rangeIn(files: FileLookup, file: string, range: TextRange): Range {
  const lines = files.linesOf(file);
  return lines ? toRange(positionsFromLines(lines), range) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

export function routesResult(routes: readonly ProjectRoute[], complete: boolean, scope: IndexScope, files: FileLookup): RoutesResult {
  return {
    complete,
    scope,
    routes: routes.map((route) => {
      // One entry per status and place: a handler shared by two routes lists its sites once each.
      const seen = new Set<string>();
      const statuses = route.statuses.filter((status) => {
        const key = `${status.fileName}:${status.range.start}:${status.code}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      return {
        method: route.method,
        path: route.path,
        uri: files.uriOf(route.fileName),
        range: rangeIn(files, route.fileName, route.range),
        statuses: statuses.map((status) => ({ code: status.code, uri: files.uriOf(status.fileName), range: rangeIn(files, status.fileName, status.range) })),
        problems: route.problems,
        rooted: route.rooted,
      };
    }),
  };
}
