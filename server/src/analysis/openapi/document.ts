// An OpenAPI 3.x document read for what drift needs: each operation's method, path template and
// declared responses, with offsets into the document's text so findings and fixes land on its lines.
// YAML and JSON go through the same parser (JSON is YAML 1.2), which keeps every node's range.
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { HttpMethod, TextRange } from '../types';

/** A response key as the document writes it: a status (`404`), a class range (`4XX`) or `default`. */
export interface DeclaredResponse {
  key: string;
  /** The key's range (`'404'` in `'404': …`). */
  range: TextRange;
  description?: string;
}

export interface ApiOperation {
  method: HttpMethod;
  /** As written under `paths` (`/users/{id}`), without the server's base path. */
  path: string;
  /** The method key's range (`get` in `get: …`): where drift about the operation is reported. */
  range: TextRange;
  responses: DeclaredResponse[];
  /** Where a missing response is inserted; undefined when the operation has no `responses` map. */
  responsesMap?: InsertionPoint;
}

/** How to add an entry to a map in the document's own layout. */
export interface InsertionPoint {
  /** Offset at which a new entry is inserted. */
  offset: number;
  /** `block`: YAML lines at `indent` columns; `flow`: a JSON (or flow-YAML) object, entries comma-separated. */
  style: 'block' | 'flow';
  indent: number;
  /** A flow map that already holds entries needs a comma after the new one. */
  hasEntries: boolean;
  /** A block map that ends the text without a newline needs one before the new entry. */
  newlineFirst: boolean;
}

export interface OpenApiDocument {
  /** The base paths of `servers[].url` (`/api/v1`), which routes in code may or may not spell. */
  basePaths: string[];
  operations: ApiOperation[];
}

export type OpenApiRead =
  | { kind: 'not-openapi' }
  | { kind: 'malformed'; message: string; range: TextRange }
  | { kind: 'document'; document: OpenApiDocument };

const METHODS: ReadonlySet<string> = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch']);

function rangeOf(node: Node | null | undefined): TextRange {
  const [start, end] = node?.range ?? [0, 0];
  return { start, end };
}

function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) && (typeof pair.key.value === 'string' || typeof pair.key.value === 'number') ? String(pair.key.value) : undefined;
}

function mapEntry(map: unknown, key: string): Pair | undefined {
  return isMap(map) ? map.items.find((pair) => keyText(pair) === key) : undefined;
}

function stringAt(map: unknown, key: string): string | undefined {
  const value = mapEntry(map, key)?.value;
  return isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
}

/** Follows a local `$ref` (`#/components/responses/NotFound`) to the node it names, once. */
function followRef(document: Document, node: unknown): unknown {
  const ref = stringAt(node, '$ref');
  if (!ref?.startsWith('#/')) return node;
  const segments = ref.slice(2).split('/').map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  return document.getIn(segments, true) ?? node;
}

function insertionPoint(text: string, map: YAMLMap, keyRange: TextRange): InsertionPoint {
  const [start, , end] = map.range ?? [keyRange.end, keyRange.end, keyRange.end];
  if (map.flow) {
    // After `{`: the new entry goes first, so it never needs the last entry's trailing comma.
    const open = text.indexOf('{', start);
    return { offset: open + 1, style: 'flow', indent: 0, hasEntries: map.items.length > 0, newlineFirst: false };
  }
  const first = map.items[0]?.key as Node | undefined;
  const firstStart = first?.range?.[0] ?? start;
  const lineStart = text.lastIndexOf('\n', firstStart - 1) + 1;
  // A block map's range ends after its last line's newline, or at the end of a text without one.
  return { offset: end, style: 'block', indent: firstStart - lineStart, hasEntries: map.items.length > 0, newlineFirst: end > 0 && text[end - 1] !== '\n' };
}

function operationsOf(document: Document, text: string, paths: YAMLMap): ApiOperation[] {
  const operations: ApiOperation[] = [];
  for (const pathPair of paths.items) {
    const path = keyText(pathPair);
    if (!path || !isMap(pathPair.value)) continue;
    for (const methodPair of pathPair.value.items) {
      const method = keyText(methodPair)?.toLowerCase();
      if (!method || !METHODS.has(method)) continue;
      const responsesPair = mapEntry(methodPair.value, 'responses');
      const responses: DeclaredResponse[] = [];
      let responsesMap: InsertionPoint | undefined;
      if (responsesPair && isMap(responsesPair.value)) {
        responsesMap = insertionPoint(text, responsesPair.value, rangeOf(responsesPair.key as Node));
        for (const response of responsesPair.value.items) {
          const key = keyText(response)?.toUpperCase();
          if (!key || !/^([1-5]\d\d|[1-5]XX|DEFAULT)$/.test(key)) continue;
          responses.push({ key: key === 'DEFAULT' ? 'default' : key, range: rangeOf(response.key as Node), description: stringAt(followRef(document, response.value), 'description') });
        }
      }
      operations.push({ method: method as HttpMethod, path, range: rangeOf(methodPair.key as Node), responses, responsesMap });
    }
  }
  return operations;
}

function basePathsOf(document: Document): string[] {
  const servers = document.get('servers', true);
  if (!isSeq(servers)) return [];
  return servers.items.flatMap((server) => {
    const url = stringAt(server, 'url');
    if (!url) return [];
    // Absolute (`https://api.example.com/v1`) or relative (`/v1`); variables (`{version}`) stay as written.
    const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
    const trimmed = path.replace(/\/+$/, '');
    return trimmed ? [trimmed] : [];
  });
}

/**
 * Reads an OpenAPI 3.x document. Anything else (another YAML or JSON file, Swagger 2.0) is
 * `not-openapi`; a file that says it is OpenAPI but does not parse is `malformed`, with one range.
 */
export function readOpenApi(text: string): OpenApiRead {
  const document = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false, prettyErrors: false });
  const version = stringAt(document.contents, 'openapi') ?? (/^\s*["']?openapi["']?\s*:\s*["']?(3[^\s"',]*)/m.exec(text)?.[1]);
  if (!version?.startsWith('3')) return { kind: 'not-openapi' };
  const error = document.errors[0];
  if (error) {
    const [start, end] = error.pos;
    return { kind: 'malformed', message: `This OpenAPI document does not parse: ${error.message.split('\n')[0]}`, range: { start, end: Math.max(end, start + 1) } };
  }
  const paths = mapEntry(document.contents, 'paths')?.value;
  const operations = isMap(paths) ? operationsOf(document, text, paths) : [];
  return { kind: 'document', document: { basePaths: basePathsOf(document), operations } };
}
