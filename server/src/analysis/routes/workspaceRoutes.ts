// Joins what each file says about routes into the routes of the whole project: a route registered
// on a router gets the prefixes of every mount that reaches that router, across files where the
// import is relative, and the statuses of handlers written in other modules. Pure: the files'
// route facts come in as data, with a resolver for relative specifiers.
import { candidateFiles } from '../facts/modules';
import type { HttpMethod, TextRange } from '../types';
import type { FileMount, FileRoutes, ModuleRef, RouteStatusData } from './fileRoutes';

export interface ProjectRouteStatus {
  readonly code: number;
  readonly fileName: string;
  readonly range: TextRange;
  readonly literal: boolean;
}

export interface ProjectRoute {
  method: HttpMethod;
  /** The full path, mount prefixes applied (`/api/users/:id`). */
  path: string;
  fileName: string;
  range: TextRange;
  statuses: ProjectRouteStatus[];
  /** Findings in the route's handlers, wherever they are written. */
  problems: number;
  /** False when the route's router is never mounted from an app the project shows: the path may lack a prefix. */
  rooted: boolean;
}

/** Resolves a relative specifier from a file to a file the project has, or undefined. */
export type ResolveModule = (importer: string, specifier: string) => string | undefined;

/** A resolver to the first file a relative specifier may name that the project holds. */
export function resolverAmong(holds: (fileName: string) => boolean): ResolveModule {
  return (importer, specifier) => candidateFiles(importer, specifier).map((candidate) => candidate.fileName).find(holds);
}

/** `['/api', '/users/', '/:id']` → `/api/users/:id`; `/` alone stays `/`. */
export function joinPaths(...parts: readonly string[]): string {
  const segments = parts.flatMap((part) => part.split('/')).filter((segment) => segment !== '');
  return `/${segments.join('/')}`;
}

/** The key an import reaches in a module's exports: the namespace of `require(…)` is its CommonJS default. */
function exportKey(ref: ModuleRef): string {
  return ref.path.length === 0 ? 'default' : ref.path.join('.');
}

/**
 * A status a route sends, placed in its file. One object per status, the range made when asked: a
 * project has tens of thousands, and the workspace index stores its statuses in this form already,
 * so a join shares them instead of copying.
 */
export class PlacedStatus implements ProjectRouteStatus {
  constructor(
    readonly code: number,
    readonly fileName: string,
    readonly start: number,
    readonly end: number,
    readonly literal: boolean,
  ) {}

  get range(): TextRange {
    return { start: this.start, end: this.end };
  }
}

function sentFrom(status: RouteStatusData, fileName: string): PlacedStatus {
  if (status instanceof PlacedStatus && status.fileName === fileName) return status;
  return new PlacedStatus(status.code, fileName, status.range.start, status.range.end, status.literal);
}

/** The route's own statuses as the join lists them: the same array when each is placed in the file already. */
function placedIn(statuses: RouteStatusData[], fileName: string): PlacedStatus[] {
  return statuses.every((status) => status instanceof PlacedStatus && status.fileName === fileName) ? (statuses as PlacedStatus[]) : statuses.map((status) => sentFrom(status, fileName));
}

interface RouterId {
  fileName: string;
  name: string;
}

class RouteJoiner {
  /** Mounts by the router they mount, `file#name` → where it is mounted. */
  private readonly mountsOf = new Map<string, { fileName: string; mount: FileMount }[]>();

  constructor(
    private readonly files: ReadonlyMap<string, FileRoutes>,
    private readonly resolve: ResolveModule,
  ) {
    for (const [fileName, routes] of files) {
      for (const mount of routes.mounts) {
        const target = this.targetOf(fileName, mount.target);
        if (!target) continue;
        const key = `${target.fileName}#${target.name}`;
        this.mountsOf.set(key, [...(this.mountsOf.get(key) ?? []), { fileName, mount }]);
      }
    }
  }

  private targetOf(fileName: string, target: FileMount['target']): RouterId | undefined {
    if ('local' in target) return { fileName, name: target.local };
    const resolved = this.resolve(fileName, target.module.specifier);
    const name = resolved ? this.files.get(resolved)?.exportedRouters[exportKey(target.module)] : undefined;
    return resolved && name ? { fileName: resolved, name } : undefined;
  }

  /** Every prefix a router is reached under, and whether each chain starts at an app. */
  prefixes(router: RouterId, visiting: ReadonlySet<string> = new Set()): { prefix: string; rooted: boolean }[] {
    const key = `${router.fileName}#${router.name}`;
    const own = this.files.get(router.fileName)?.routerPrefixes[router.name] ?? '';
    const mounts = visiting.has(key) ? [] : this.mountsOf.get(key) ?? [];
    if (mounts.length === 0) {
      const isApp = this.files.get(router.fileName)?.apps.includes(router.name) ?? false;
      return [{ prefix: own, rooted: isApp }];
    }
    const next = new Set([...visiting, key]);
    return mounts.flatMap(({ fileName, mount }) =>
      this.prefixes({ fileName, name: mount.on }, next).map((outer) => ({ prefix: joinPaths(outer.prefix, mount.prefix, own), rooted: outer.rooted })),
    );
  }

  /** What a handler written in another module sends, and its findings. */
  handler(fileName: string, ref: ModuleRef): { statuses: ProjectRouteStatus[]; problems: number } {
    const resolved = this.resolve(fileName, ref.specifier);
    const facts = resolved ? this.files.get(resolved)?.exportedHandlers[exportKey(ref)] : undefined;
    return { statuses: (facts?.statuses ?? []).map((status) => sentFrom(status, resolved!)), problems: facts?.problems ?? 0 };
  }
}

/** The project's routes, sorted by path then method. */
export function projectRoutes(files: ReadonlyMap<string, FileRoutes>, resolve: ResolveModule): ProjectRoute[] {
  const joiner = new RouteJoiner(files, resolve);
  const nestPrefix = [...files.values()].map((routes) => routes.nestGlobalPrefix).find((prefix) => prefix !== undefined) ?? '';
  const routes: ProjectRoute[] = [];
  for (const [fileName, fileRoutes] of files) {
    for (const route of fileRoutes.routes) {
      const elsewhere = route.handlerRefs.map((ref) => joiner.handler(fileName, ref));
      const own = placedIn(route.statuses, fileName);
      const statuses = elsewhere.length === 0 ? own : [...own, ...elsewhere.flatMap((handler) => handler.statuses)];
      const problems = route.problems + elsewhere.reduce((sum, handler) => sum + handler.problems, 0);
      const prefixes = route.on === undefined ? [{ prefix: route.prefixedBy === 'nest' ? nestPrefix : '', rooted: true }] : joiner.prefixes({ fileName, name: route.on });
      for (const { prefix, rooted } of prefixes) routes.push({ method: route.method, path: joinPaths(prefix, route.path), fileName, range: route.range, statuses, problems, rooted });
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
