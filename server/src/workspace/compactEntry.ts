// What the workspace index keeps per file, made compact: a file's route facts and findings copied
// into plain data that holds nothing of the analysis. Why a copy: strings the parser and the rules
// take from a file's text (a route path, a name, a message quoting the code) are V8 slices that keep
// the whole text alive; ranges and statuses come as many small objects. Here every string is
// flattened and interned (paths, rule ids and messages repeat across files), findings live in
// typed arrays, statuses are placed in their file as
// the join lists them (one object each), and empty lists are one shared frozen array.
import { PlacedStatus, type FileRoutes } from '../analysis/routes';
import type { FileMount, FileRoute, HandlerFacts, ModuleRef, RouteStatusData } from '../analysis/routes/fileRoutes';
import type { Finding, Severity, TextRange } from '../analysis/types';

/** Past this many distinct strings the table starts afresh, so edits over a long session cannot grow it without bound. */
const MAX_INTERNED = 200_000;

/** One flat copy of each distinct string. */
export class StringTable {
  private readonly strings = new Map<string, string>();

  intern(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    if (this.strings.size >= MAX_INTERNED) this.strings.clear();
    // A round trip through JSON builds a new sequential string: no slice of, or rope over, the source.
    const flat = JSON.parse(JSON.stringify(value)) as string;
    this.strings.set(flat, flat);
    return flat;
  }
}

/** A finding without its fixes: what a workspace-wide problem list shows. */
export interface IndexedFinding {
  ruleId: string;
  message: string;
  severity: Severity;
  range: TextRange;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** A file's findings, column by column: interned strings, severities and ranges in typed arrays. */
export class IndexedFindings {
  private constructor(
    private readonly ruleIds: readonly string[],
    private readonly messages: readonly string[],
    private readonly severities: Uint8Array,
    /** start, end of each finding. */
    private readonly ranges: Uint32Array,
  ) {}

  static of(findings: readonly Finding[], table: StringTable): IndexedFindings {
    const ranges = new Uint32Array(findings.length * 2);
    findings.forEach((finding, index) => {
      ranges[index * 2] = finding.range.start;
      ranges[index * 2 + 1] = finding.range.end;
    });
    return new IndexedFindings(
      findings.map((finding) => table.intern(finding.ruleId)),
      findings.map((finding) => table.intern(finding.message)),
      Uint8Array.from(findings, (finding) => SEVERITIES.indexOf(finding.severity)),
      ranges,
    );
  }

  get length(): number {
    return this.ruleIds.length;
  }

  /** The findings as objects, made when asked (a problem list shows them, the index does not need them). */
  list(): IndexedFinding[] {
    return this.ruleIds.map((ruleId, index) => ({
      ruleId,
      message: this.messages[index],
      severity: SEVERITIES[this.severities[index]],
      range: { start: this.ranges[index * 2], end: this.ranges[index * 2 + 1] },
    }));
  }
}

/** Frozen, so a caller that pushes onto a shared empty list fails loudly instead of filling every route's. */
const NONE = Object.freeze([]) as unknown as never[];

/** An empty list is the one shared array: thousands of routes have no handler refs. */
function listOf<T, U>(items: readonly T[], copy: (item: T) => U): U[] {
  return items.length === 0 ? NONE : items.map(copy);
}

/** Copies a file's route facts into flat, interned, shape-stable data; statuses already placed in `fileName`. */
export function compactRoutes(routes: FileRoutes, fileName: string, table: StringTable): FileRoutes {
  const s = (value: string): string => table.intern(value);
  const range = (from: TextRange): TextRange => ({ start: from.start, end: from.end });
  // A status is listed by each route and exported handler whose function holds it: copy it once.
  const statusCopies = new Map<RouteStatusData, RouteStatusData>();
  const file = table.intern(fileName);
  const status = (from: RouteStatusData): RouteStatusData => {
    let copy = statusCopies.get(from);
    if (!copy) statusCopies.set(from, (copy = new PlacedStatus(from.code, file, from.range.start, from.range.end, from.literal)));
    return copy;
  };
  const ref = (from: ModuleRef): ModuleRef => ({ specifier: s(from.specifier), path: listOf(from.path, s) });
  const route = (from: FileRoute): FileRoute => ({
    method: from.method,
    path: s(from.path),
    on: from.on === undefined ? undefined : s(from.on),
    range: range(from.range),
    statuses: listOf(from.statuses, status),
    problems: from.problems,
    handlerRefs: listOf(from.handlerRefs, ref),
    prefixedBy: from.prefixedBy,
  });
  const mount = (from: FileMount): FileMount => ({
    on: s(from.on),
    prefix: s(from.prefix),
    target: 'local' in from.target ? { local: s(from.target.local) } : { module: ref(from.target.module) },
    range: range(from.range),
  });
  const record = <T, U>(from: Readonly<Record<string, T>>, copy: (value: T) => U): Record<string, U> =>
    Object.fromEntries(Object.entries(from).map(([key, value]) => [s(key), copy(value)]));
  const handler = (from: HandlerFacts): HandlerFacts => ({ statuses: listOf(from.statuses, status), problems: from.problems });
  return {
    routes: listOf(routes.routes, route),
    mounts: listOf(routes.mounts, mount),
    routerPrefixes: record(routes.routerPrefixes, s),
    apps: listOf(routes.apps, s),
    exportedRouters: record(routes.exportedRouters, s),
    exportedHandlers: record(routes.exportedHandlers, handler),
    nestGlobalPrefix: routes.nestGlobalPrefix === undefined ? undefined : s(routes.nestGlobalPrefix),
  };
}
