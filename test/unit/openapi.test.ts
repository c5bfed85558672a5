// OpenAPI drift, pure: the document is read with its offsets, routes come in as plain data, and
// every drift kind is checked both ways, with where it lands and what its fix writes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readOpenApi, type OpenApiDocument } from '../../server/src/analysis/openapi/document';
import { declaredDescription, driftOf, pathTemplateKey, type CodeRoute, type Drift } from '../../server/src/analysis/openapi/drift';
import type { TextEdit } from '../../server/src/analysis/types';

const DOC_URI = 'file:///project/openapi.yaml';
const CODE_URI = 'file:///project/src/users.js';

const YAML_DOC = `openapi: 3.0.3
servers:
  - url: https://api.example.com/v1
paths:
  /users/{id}:
    get:
      responses:
        '200':
          description: The user
        '404':
          $ref: '#/components/responses/NotFound'
    delete:
      responses:
        '204':
          description: Deleted
        4XX:
          description: A client error
  /users:
    post:
      responses:
        '201':
          description: Created
        default:
          description: Anything else
  /health:
    get:
      responses:
        '200':
          description: Up
components:
  responses:
    NotFound:
      description: No such user
`;

/** The code text the fixture's routes point into; each status is found by its text. */
const CODE = `app.get('/v1/users/:id', h); res.status(200); res.status(404); res.status(500);
app.delete('/v1/users/:id', h); res.status(204); res.status(409);
app.post('/users', h); res.status(201); res.status(400);
app.get('/metrics', h); res.status(200);`;

function at(text: string, needle: string, occurrence = 0): { start: number; end: number } {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen += 1) start = text.indexOf(needle, start + 1);
  assert.ok(start >= 0, `${needle} #${occurrence} not in the text`);
  return { start, end: start + needle.length };
}

function documentOf(text: string): OpenApiDocument {
  const read = readOpenApi(text);
  assert.equal(read.kind, 'document');
  return read.document;
}

function route(method: CodeRoute['method'], path: string, statuses: Array<[number, string, number?]>): CodeRoute {
  return {
    method,
    path,
    location: { uri: CODE_URI, range: at(CODE, `'${path}'`) },
    statuses: statuses.map(([code, needle, occurrence]) => ({ code, location: { uri: CODE_URI, range: at(CODE, needle, occurrence) }, literal: true })),
  };
}

const ROUTES: CodeRoute[] = [
  route('get', '/v1/users/:id', [[200, '200'], [404, '404'], [500, '500']]),
  route('delete', '/v1/users/:id', [[204, '204'], [409, '409']]),
  route('post', '/users', [[201, '201'], [400, '400']]),
  route('get', '/metrics', [[200, '200', 1]]),
];

function applied(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}

function textOf(drift: Drift): string {
  return (drift.uri === DOC_URI ? YAML_DOC : CODE).slice(drift.range.start, drift.range.end);
}

describe('OpenAPI document', () => {
  it('reads operations, declared responses with their key ranges, $ref descriptions and base paths', () => {
    const document = documentOf(YAML_DOC);
    assert.deepEqual(document.basePaths, ['/v1']);
    assert.deepEqual(document.operations.map((operation) => `${operation.method} ${operation.path} ${operation.responses.map((response) => response.key).join(',')}`), [
      'get /users/{id} 200,404',
      'delete /users/{id} 204,4XX',
      'post /users 201,default',
      'get /health 200',
    ]);
    const notFound = document.operations[0].responses[1];
    assert.equal(YAML_DOC.slice(notFound.range.start, notFound.range.end), "'404'");
    assert.equal(notFound.description, 'No such user');
  });

  it('reads JSON documents the same way', () => {
    const json = JSON.stringify({ openapi: '3.1.0', paths: { '/a': { post: { responses: { 201: { description: 'Made' } } } } } }, null, 2);
    const [operation] = documentOf(json).operations;
    assert.equal(operation.method, 'post');
    assert.equal(json.slice(operation.responses[0].range.start, operation.responses[0].range.end), '"201"');
  });

  it('is not an OpenAPI document without `openapi: 3…` (Swagger 2.0, other YAML)', () => {
    assert.equal(readOpenApi('swagger: "2.0"\npaths: {}\n').kind, 'not-openapi');
    assert.equal(readOpenApi('name: build\non: push\n').kind, 'not-openapi');
    assert.equal(readOpenApi('').kind, 'not-openapi');
  });

  it('gives one clear problem, with a range, for a malformed document', () => {
    const text = 'openapi: 3.0.0\npaths:\n  /a: [\n';
    const read = readOpenApi(text);
    assert.equal(read.kind, 'malformed');
    assert.match(read.message, /does not parse/);
    assert.ok(read.range.end > read.range.start && read.range.end <= text.length + 1);
  });
});

describe('path templates', () => {
  it('treat Express, OpenAPI and Next.js parameters alike, and ignore trailing slashes', () => {
    assert.equal(pathTemplateKey('/users/:id'), pathTemplateKey('/users/{id}'));
    assert.equal(pathTemplateKey('/users/[id]/'), '/users/{}');
    assert.equal(pathTemplateKey('/users/[...slug]'), '/users/{}');
    assert.equal(pathTemplateKey('/docs/:slug*'), '/docs/{}');
    assert.notEqual(pathTemplateKey('/users/:id'), pathTemplateKey('/users/:id/posts'));
  });
});

describe('drift', () => {
  const drifts = driftOf(documentOf(YAML_DOC), DOC_URI, false, ROUTES);
  const byKind = (kind: Drift['kind']): Drift[] => drifts.filter((drift) => drift.kind === kind);

  it('reports a status the code sends that the operation does not declare, on the status in code', () => {
    const undeclared = byKind('undeclared-status');
    assert.deepEqual(undeclared.map((drift) => [drift.uri, textOf(drift)]), [[CODE_URI, '500']]);
    assert.match(undeclared[0].message, /500 Internal Server Error is not declared for GET \/users\/\{id\}.*declared: 200, 404/);
  });

  it('counts a status covered by its class range (4XX) or by `default` as declared', () => {
    const codes = byKind('undeclared-status').map(textOf);
    assert.ok(!codes.includes('409'), '409 is covered by 4XX');
    assert.ok(!codes.includes('400'), '400 is covered by default');
  });

  it('reports a declared status no code path sends, on the document line; `default` never', () => {
    const unsent = byKind('unsent-status');
    assert.deepEqual(unsent.map((drift) => [drift.uri, textOf(drift)]), []);
    const quiet = driftOf(documentOf(YAML_DOC), DOC_URI, false, [route('get', '/v1/users/:id', [[200, '200']])]);
    const missing = quiet.filter((drift) => drift.kind === 'unsent-status');
    assert.deepEqual(missing.map((drift) => YAML_DOC.slice(drift.range.start, drift.range.end)), ["'404'"]);
    assert.match(missing[0].message, /No code path of GET \/users\/\{id\} sends 404 Not Found/);
  });

  it('reports a declared class range no code path sends', () => {
    const drifts = driftOf(documentOf(YAML_DOC), DOC_URI, false, [route('delete', '/v1/users/:id', [[204, '204']])]);
    assert.deepEqual(drifts.filter((drift) => drift.kind === 'unsent-status').map((drift) => YAML_DOC.slice(drift.range.start, drift.range.end)), ['4XX']);
  });

  it('reports a route with no operation on the route, and an operation with no route on its method key', () => {
    assert.deepEqual(byKind('route-without-operation').map(textOf), ["'/metrics'"]);
    const orphan = byKind('operation-without-route');
    assert.equal(orphan.length, 1);
    assert.equal(textOf(orphan[0]), 'get');
    assert.match(orphan[0].message, /GET \/health/);
  });

  it('matches a route for every method (a Next.js Pages API handler) to each operation on its path, and reports only what none declares', () => {
    const handler = route('all', '/v1/users/:id', [[200, '200'], [404, '404'], [500, '500'], [204, '204']]);
    const pages = driftOf(documentOf(YAML_DOC), DOC_URI, false, [handler]);
    const onUsers = pages.filter((drift) => drift.kind === 'operation-without-route' && /\/users\/\{id\}/.test(drift.message));
    assert.deepEqual(onUsers, [], 'GET and DELETE /users/{id} are both answered by the handler');
    assert.deepEqual(pages.filter((drift) => drift.kind === 'route-without-operation'), []);
    // 204 is DELETE's and 200 GET's: the code does not tell the methods apart, so neither is undeclared; 500 is declared by none.
    const undeclared = pages.filter((drift) => drift.kind === 'undeclared-status');
    assert.deepEqual(undeclared.map(textOf), ['500']);
    assert.match(undeclared[0].message, /^500 Internal Server Error is not declared for GET \/users\/\{id\}/);
    assert.deepEqual(undeclared[0].fixes.map((fix) => fix.title), ['Declare 500 Internal Server Error in the OpenAPI document']);
  });

  it('declares a missing response in the document, in its block layout, and the result reads back with it', () => {
    const [drift] = byKind('undeclared-status');
    const fix = drift.fixes.find((candidate) => candidate.uri === DOC_URI);
    assert.ok(fix, 'no fix for the document');
    assert.equal(fix.title, 'Declare 500 Internal Server Error in the OpenAPI document');
    const updated = applied(YAML_DOC, fix.edits);
    assert.match(updated, /\$ref: '#\/components\/responses\/NotFound'\n {8}'500':\n {10}description: "Internal Server Error"\n {4}delete:/);
    const operation = documentOf(updated).operations[0];
    assert.deepEqual(operation.responses.map((response) => response.key), ['200', '404', '500']);
    assert.deepEqual(driftOf(documentOf(updated), DOC_URI, false, ROUTES).filter((candidate) => candidate.kind === 'undeclared-status'), []);
  });

  it('declares a missing response in a JSON document as JSON', () => {
    const json = JSON.stringify({ openapi: '3.0.0', paths: { '/a': { get: { responses: { 200: { description: 'OK' } } } } } }, null, 2);
    const code = "app.get('/a', h); res.status(503);";
    const routes: CodeRoute[] = [{ method: 'get', path: '/a', location: { uri: CODE_URI, range: at(code, "'/a'") }, statuses: [{ code: 503, location: { uri: CODE_URI, range: at(code, '503') }, literal: true }] }];
    const [drift] = driftOf(documentOf(json), DOC_URI, true, routes).filter((candidate) => candidate.kind === 'undeclared-status');
    const updated = applied(json, drift.fixes[0].edits);
    assert.deepEqual(Object.keys(JSON.parse(updated).paths['/a'].get.responses).sort(), ['200', '503']);
  });

  it('appends to a block document that ends without a newline', () => {
    const text = "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: OK";
    const code = "app.get('/a', h); res.status(404);";
    const routes: CodeRoute[] = [{ method: 'get', path: '/a', location: { uri: CODE_URI, range: at(code, "'/a'") }, statuses: [{ code: 404, location: { uri: CODE_URI, range: at(code, '404') }, literal: true }] }];
    const [drift] = driftOf(documentOf(text), DOC_URI, false, routes);
    const updated = applied(text, drift.fixes[0].edits);
    assert.deepEqual(documentOf(updated).operations[0].responses.map((response) => response.key), ['200', '404']);
  });

  it("changes the code's status to the one declared status of its class, only for a literal", () => {
    const text = "openapi: 3.0.0\npaths:\n  /a:\n    post:\n      responses:\n        '201':\n          description: Created\n";
    const code = "app.post('/a', h); res.status(200);";
    const literal: CodeRoute = { method: 'post', path: '/a', location: { uri: CODE_URI, range: at(code, "'/a'") }, statuses: [{ code: 200, location: { uri: CODE_URI, range: at(code, '200') }, literal: true }] };
    const [drift] = driftOf(documentOf(text), DOC_URI, false, [literal]);
    const change = drift.fixes.find((fix) => fix.uri === CODE_URI);
    assert.equal(change?.title, 'Change 200 to 201 Created, as the OpenAPI document declares');
    assert.equal(applied(code, change.edits), "app.post('/a', h); res.status(201);");
    const named: CodeRoute = { ...literal, statuses: [{ ...literal.statuses[0], literal: false }] };
    assert.deepEqual(driftOf(documentOf(text), DOC_URI, false, [named])[0].fixes.map((fix) => fix.uri), [DOC_URI]);
  });

  it('gives the document’s description of a status for hovers: number, then class, then default', () => {
    const document = documentOf(YAML_DOC);
    assert.equal(declaredDescription(document, { method: 'get', path: '/v1/users/:id' }, 404), 'No such user');
    assert.equal(declaredDescription(document, { method: 'delete', path: '/users/:id' }, 409), 'A client error');
    assert.equal(declaredDescription(document, { method: 'post', path: '/users' }, 400), 'Anything else');
    assert.equal(declaredDescription(document, { method: 'get', path: '/nowhere' }, 200), undefined);
  });
});
