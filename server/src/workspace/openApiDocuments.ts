// The workspace's OpenAPI document, as read from disk or from its open editor, and its drift from
// the routes the index holds. One document per workspace: the configured one, or the first found
// by name.
import * as path from 'node:path';
import { readOpenApi, type OpenApiRead } from '../analysis/openapi/document';
import { driftOf, type CodeRoute, type Drift } from '../analysis/openapi/drift';
import type { ProjectRoute } from '../analysis/routes';
import { filesToAnalyse } from '../cli/files';
import type { Settings } from '../settings';

/** `openapi.yaml`, `swagger.json`, `api.openapi.yml`, `openapi.v1.yaml`. */
export const OPENAPI_FILE = /(?:^|[/\\])(?:(?:openapi|swagger)(?:\.[\w-]+)?|[\w.-]+\.openapi)\.(?:ya?ml|json)$/i;

/** A folder's OpenAPI document: the configured path, or the first file named like one (never inside node_modules). */
export function openApiDocumentPath(folder: string, settings: Settings): string | undefined {
  if (settings.openApiDocument) return path.resolve(folder, settings.openApiDocument);
  for (const file of filesToAnalyse(['.'], folder, settings, OPENAPI_FILE)) return file;
  return undefined;
}

export interface ReadDocument {
  uri: string;
  text: string;
  read: OpenApiRead;
}

export class OpenApiDocuments {
  private current: ReadDocument | undefined;

  /** The document's new text (from disk or its editor). */
  set(uri: string, text: string): void {
    this.current = { uri, text, read: readOpenApi(text) };
  }

  clear(uri?: string): void {
    if (uri === undefined || this.current?.uri === uri) this.current = undefined;
  }

  get document(): ReadDocument | undefined {
    return this.current;
  }

  /**
   * Drift of the document against the routes, by URI (the document's and the code files'). A route
   * whose path may lack a prefix is compared only when an operation matches it.
   */
  drifts(routes: readonly ProjectRoute[], uriOf: (file: string) => string): Map<string, Drift[]> {
    const byUri = new Map<string, Drift[]>();
    const current = this.current;
    if (!current || current.read.kind !== 'document') return byUri;
    const codeRoutes: CodeRoute[] = routes
      .filter((route) => route.method !== 'use')
      .map((route) => ({
        method: route.method,
        path: route.path,
        location: { uri: uriOf(route.fileName), range: route.range },
        statuses: route.statuses.map((status) => ({ code: status.code, location: { uri: uriOf(status.fileName), range: status.range }, literal: status.literal })),
      }));
    const uncertain = new Set(routes.filter((route) => !route.rooted).map((route) => `${uriOf(route.fileName)}:${route.range.start}`));
    const json = /\.json$/i.test(current.uri);
    for (const drift of driftOf(current.read.document, current.uri, json, codeRoutes)) {
      if (drift.kind === 'route-without-operation' && uncertain.has(`${drift.uri}:${drift.range.start}`)) continue;
      byUri.set(drift.uri, [...(byUri.get(drift.uri) ?? []), drift]);
    }
    return byUri;
  }
}
