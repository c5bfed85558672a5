// What the CLI makes of the project as a whole, once every file is read: its routes (`--routes`,
// a table or JSON) and the drift between them and the OpenAPI document, reported as findings of
// the files they are in. The same joins as the workspace index: routesOfFile's facts per file,
// projectRoutes across relative imports, OpenApiDocuments for the drift.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DRIFT_FINDINGS } from '../analysis/openapi/drift';
import { lineOf, lineStarts } from '../analysis/engine/suppressions';
import { projectRoutes, resolverAmong, type FileRoutes, type ProjectRoute } from '../analysis/routes';
import { OpenApiDocuments } from '../workspace/openApiDocuments';
import { reporterFor, type FileReport } from './analyseFile';

const uriOf = (file: string): string => pathToFileURL(file).toString();

/** Collects each file's route facts as the run reports files, and joins them at the end. */
export class ProjectRoutesCollector {
  private readonly files = new Map<string, FileRoutes>();

  add(report: FileReport): void {
    if (report.routes) this.files.set(report.file, report.routes);
  }

  routes(): ProjectRoute[] {
    return projectRoutes(this.files, resolverAmong((file) => this.files.has(file)));
  }
}

/**
 * The drift of the OpenAPI document from the routes, as one report per file it concerns (the
 * document's own included); a document that cannot be read is one error on it.
 */
export function driftReports(documentFile: string, documentText: string, routes: readonly ProjectRoute[]): FileReport[] {
  const documents = new OpenApiDocuments();
  const documentUri = uriOf(documentFile);
  documents.set(documentUri, documentText);
  const read = documents.document!.read;
  if (read.kind === 'malformed') {
    const finding = reporterFor(documentText)(DRIFT_FINDINGS.malformed.id, DRIFT_FINDINGS.malformed.severity, read.message, read.range);
    return [{ file: documentFile, findings: [finding] }];
  }
  const reports: FileReport[] = [];
  for (const [uri, drifts] of documents.drifts(routes, uriOf)) {
    const file = fileURLToPath(uri);
    const text = uri === documentUri ? documentText : readOrUndefined(file);
    if (text === undefined) continue;
    const reported = reporterFor(text);
    // The fixes may edit another file (the document), which a finding's fix cannot say: none shown.
    const findings = drifts.map((drift) => reported(DRIFT_FINDINGS[drift.kind].id, DRIFT_FINDINGS[drift.kind].severity, drift.message, drift.range));
    findings.sort((a, b) => a.start.line - b.start.line || a.start.column - b.start.column);
    reports.push({ file, findings });
  }
  return reports.sort((a, b) => a.file.localeCompare(b.file));
}

function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** A route as `--routes` prints it: where it is registered (1-based line), and its distinct statuses. */
export interface RouteRow {
  method: string;
  path: string;
  statuses: number[];
  problems: number;
  file: string;
  line: number;
  /** False when no app the project shows mounts the route's router: its path may lack a prefix. */
  rooted: boolean;
}

export function routeRows(routes: readonly ProjectRoute[], cwd: string): RouteRow[] {
  const starts = new Map<string, number[]>();
  const lineIn = (file: string, offset: number): number => {
    let lines = starts.get(file);
    if (!lines) {
      lines = lineStarts(readOrUndefined(file) ?? '');
      starts.set(file, lines);
    }
    return lineOf(lines, offset) + 1;
  };
  return routes.map((route) => ({
    method: route.method.toUpperCase(),
    path: route.path,
    statuses: [...new Set(route.statuses.map((status) => status.code))].sort((a, b) => a - b),
    problems: route.problems,
    file: path.relative(cwd, route.fileName).split(path.sep).join('/'),
    line: lineIn(route.fileName, route.range.start),
    rooted: route.rooted,
  }));
}

/** The routes as an aligned table, one route a line. */
export function routesTable(rows: readonly RouteRow[]): string {
  if (rows.length === 0) return 'No routes found.\n';
  const cells = [
    ['METHOD', 'PATH', 'STATUSES', 'PROBLEMS', 'WHERE'],
    ...rows.map((row) => [row.method, row.rooted ? row.path : `${row.path} (mount prefix unknown)`, row.statuses.join(' ') || '-', String(row.problems), `${row.file}:${row.line}`]),
  ];
  const widths = cells[0].map((_, column) => Math.max(...cells.map((line) => line[column].length)));
  return `${cells.map((line) => line.map((cell, column) => (column === line.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ')).join('\n')}\n${rows.length} route${rows.length === 1 ? '' : 's'}\n`;
}
