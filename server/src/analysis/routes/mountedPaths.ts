// The full paths of a site's route where the same file mounts its router (`app.use('/users', users)`
// beside `users.post('/:id/submit', …)`), from the file's route facts, read on first use: most
// analyses never ask.
import ts from 'typescript';
import type { ResponseSite } from '../types';
import { fileRoutes } from './fileRoutes';
import { joinPaths, projectRoutes, type ProjectRoute } from './workspaceRoutes';

export type MountedPaths = (site: ResponseSite) => readonly string[];

export function mountedPathsIn(sourceFile: ts.SourceFile, sites: readonly ResponseSite[]): MountedPaths {
  let routes: ProjectRoute[] | undefined;
  return (site) => {
    const { method, path, full } = site.route ?? {};
    const statement = site.handler && ancestorStatement(site.handler.node);
    if (!method || path === undefined || full || !statement) return [];
    // Only this file: a router mounted from another module stays unknown here (the workspace index joins those).
    routes ??= projectRoutes(new Map([[sourceFile.fileName, fileRoutes(sourceFile, sourceFile.fileName, sites, [])]]), () => undefined);
    const own = joinPaths('', path);
    return routes
      .filter((route) => route.rooted && route.method === method && route.path !== own && (own === '/' || route.path.endsWith(own)) && statement.pos <= route.range.start && route.range.end <= statement.end)
      .map((route) => route.path);
  };
}

function ancestorStatement(node: ts.Node): ts.Statement | undefined {
  let current: ts.Node | undefined = node;
  while (current && !ts.isSourceFile(current) && !(ts.isStatement(current) && ts.isSourceFile(current.parent))) current = current.parent;
  return current && !ts.isSourceFile(current) ? (current as ts.Statement) : undefined;
}
