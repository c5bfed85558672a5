// The Hono adapter: which files it reads, what each response site says (status, send, route), and
// hovers on every status position of the framework. `|` marks the hover cursor.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_OPTIONS } from '../../server/src/analysis';
import type { Framework } from '../../server/src/analysis/adapters/frameworks';
import { hoverHeadline } from './hoverHeadline';

const HONO = "import { Hono } from 'hono';\nconst app = new Hono();\n";

/** One line per site: adapter, status (source and code), what is sent, route. */
function sitesOf(code: string, frameworks: Framework[] = [], fileName = 'case.ts'): string[] {
  return analyze(code, fileName, { ...DEFAULT_OPTIONS, frameworks }).sites.map(
    (site) => `${site.adapter.framework} ${site.status.source} ${site.status.code ?? '?'} ${site.send?.kind ?? 'unsent'} ${site.route?.method ?? '-'} ${site.route?.path ?? '-'}`,
  );
}

describe('hono: response sites', () => {
  it('reads the status argument, ResponseInit and the defaults of every sender', () => {
    const code =
      HONO +
      "app.get('/books/:id', async (c) => {\n" +
      "  if (!c.req.param('id')) return c.text('Missing id', 400);\n" +
      "  if (gone) return c.json({ error: 'Gone' }, { status: 410, headers: { 'X-Reason': 'deleted' } });\n" +
      "  if (moved) return c.redirect('/v2/books');\n" +
      '  if (hidden) return c.notFound();\n' +
      "  if (page) return c.html('<p>Book</p>');\n" +
      '  return c.json(await findBook());\n' +
      '});';
    assert.deepEqual(sitesOf(code), [
      'hono literal 400 data get /books/:id',
      'hono literal 410 data get /books/:id',
      'hono implicit 302 redirect get /books/:id',
      'hono implicit 404 data get /books/:id',
      'hono implicit 200 data get /books/:id',
      'hono implicit 200 data get /books/:id',
    ]);
  });
  it('c.body(null, 204) and c.newResponse(null, 204) send no body', () => {
    const code = HONO + "app.delete('/books/:id', async (c) => {\n  if (soft) return c.newResponse(null, 204);\n  return c.body(null, 204);\n});";
    assert.deepEqual(sitesOf(code), ['hono literal 204 empty delete /books/:id', 'hono literal 204 empty delete /books/:id']);
  });
  it('c.status(N) then a send is one response; a status alone is a site with nothing sent', () => {
    const code = HONO + "app.post('/books', async (c) => {\n  c.status(201);\n  return c.json(await createBook());\n});\napp.get('/health', (c) => {\n  c.status(503);\n});";
    assert.deepEqual(sitesOf(code), ['hono literal 201 data post /books', 'hono literal 503 unsent get /health']);
  });
  it('headers come from c.header() before the send, the third argument and the ResponseInit', () => {
    const code =
      HONO +
      "app.get('/a', (c) => {\n  c.header('Retry-After', '60');\n  return c.json({ error: 'Busy' }, 503);\n});\n" +
      "app.get('/b', (c) => c.json({ error: 'Sign in' }, 401, { 'WWW-Authenticate': 'Bearer' }));\n" +
      "app.get('/c', (c) => c.json({ error: 'Slow down' }, { status: 429, headers: { 'Retry-After': '30' } }));";
    const headers = analyze(code, 'case.ts').sites.map((site) => site.headers.map((header) => header.name).join(','));
    assert.deepEqual(headers, ['retry-after', 'www-authenticate', 'retry-after']);
  });
  it('stoker constants resolve, and app.openapi handlers take the route of their definition', () => {
    const code =
      "import { createRoute, OpenAPIHono } from '@hono/zod-openapi';\nimport * as HttpStatusCodes from 'stoker/http-status-codes';\nconst app = new OpenAPIHono();\n" +
      "const create = createRoute({ method: 'post', path: '/tasks/{id}/notes', responses: { [HttpStatusCodes.CREATED]: jsonContent(note, 'The note') } });\n" +
      "app.openapi(create, async (c) => c.json(await insertNote(c.req.valid('json')), HttpStatusCodes.CREATED));";
    assert.deepEqual(sitesOf(code), ['hono constant 201 data post /tasks/:id/notes']);
  });
  it('handlers typed as route handlers, app.onError and app.notFound, and factory.createHandlers are read', () => {
    const code =
      "import type { AppRouteHandler } from '@/lib/types';\nimport * as HttpStatusCodes from 'stoker/http-status-codes';\n" +
      'export const list: AppRouteHandler<ListRoute> = async (ctx) => ctx.json(await db.query.tasks.findMany());\n' +
      "app.onError((err, c) => c.json({ message: 'Something went wrong' }, HttpStatusCodes.INTERNAL_SERVER_ERROR));\n" +
      "app.notFound((c) => c.json({ message: 'Not found' }, 404));\n" +
      "export const handlers = factory.createHandlers(async (c) => c.json({ ok: true }));";
    assert.deepEqual(sitesOf(code), ['hono implicit 200 data - -', 'hono constant 500 data - -', 'hono literal 404 data - -', 'hono implicit 200 data - -']);
    assert.equal(analyze(code, 'case.ts').sites[1].handler?.errorName, 'err');
  });
  it('a thrown HTTPException carries its status and its message', () => {
    const code = HONO + "import { HTTPException } from 'hono/http-exception';\napp.get('/me', (c) => {\n  throw new HTTPException(401, { message: 'Sign in first' });\n});";
    const [site] = analyze(code, 'case.ts').sites;
    assert.equal(site.status.code, 401);
    assert.equal(site.body?.getText(), "'Sign in first'");
    assert.equal(site.route?.path, '/me');
    // With a ready response, its headers are out of sight: no site.
    assert.deepEqual(sitesOf(HONO + "app.get('/me', (c) => {\n  throw new HTTPException(401, { res: unauthorized });\n});"), []);
  });
  it('middleware that awaits next() and a fetch response read in a callback are not responses', () => {
    const code = HONO + "app.use(async (c, next) => {\n  c.header('X-Request-Id', id);\n  await next();\n});\nconst load = () => fetch(url).then((c) => c.json());";
    assert.deepEqual(sitesOf(code), []);
  });
  it('the request is read through c.req: params, query, body, validated input', () => {
    const code =
      HONO +
      "app.post('/users', async (c) => {\n  const { email } = await c.req.json();\n  if (!email) return c.json({ error: 'email is required' }, 404);\n  return c.json({ ok: true });\n});";
    const findings = analyze(code, 'case.ts').findings.map((finding) => finding.ruleId);
    assert.ok(findings.includes('no-not-found-for-validation'), findings.join(', '));
  });
});

describe('hono: file matching', () => {
  const handler = "export const show = async (c) => {\n  return c.json({ error: 'No such book' }, 404);\n};";
  it('hono, hono/*, @hono/* and stoker/* imports name the framework', () => {
    for (const module of ['hono', 'hono/factory', '@hono/zod-openapi', '@hono/node-server', 'stoker/http-status-codes']) {
      assert.deepEqual(sitesOf(`import { x } from '${module}';\n${handler}`), ['hono literal 404 data - -'], module);
    }
  });
  it('a file that imports nothing is sniffed by `return c.json(`, and the setting names Hono too', () => {
    assert.deepEqual(sitesOf(handler), ['hono literal 404 data - -']);
    // A handler typed by its context, in a file with no import and no `return c.json(`.
    const unsniffed = 'export function show(c: Context) {\n  const reply = c.json({ error: "No such book" }, 404);\n  return reply;\n}';
    assert.deepEqual(sitesOf(unsniffed), []);
    assert.deepEqual(sitesOf(unsniffed, ['hono']), ['hono literal 404 data - -']);
  });
  it('an Express file stays Express', () => {
    assert.deepEqual(sitesOf("import express from 'express';\napp.get('/x', (req, res) => res.status(404).json({ error: 'No such book' }));"), ['express literal 404 data get /x']);
  });
});

const hoverTitle = hoverHeadline;

describe('hono: hovers on status positions', () => {
  const stoker = "import * as HttpStatusCodes from 'stoker/http-status-codes';\n";
  const positions: [string, string, string][] = [
    ['c.json(body, N)', HONO + "app.get('/x', (c) => c.json({ error: 'No such book' }, 4|04));", '**404 Not Found**'],
    ['c.text(text, N)', HONO + "app.get('/x', (c) => c.text('Busy', 5|03));", '**503 Service Unavailable**'],
    ['c.body(null, N)', HONO + "app.delete('/x', (c) => c.body(null, 2|04));", '**204 No Content**'],
    ['c.newResponse(null, N)', HONO + "app.delete('/x', (c) => c.newResponse(null, 2|04));", '**204 No Content**'],
    ['c.json(body, { status })', HONO + "app.get('/x', (c) => c.json({ error: 'Gone' }, { status: 4|10 }));", '**410 Gone**'],
    ['c.status(N)', HONO + "app.post('/x', (c) => {\n  c.status(2|01);\n  return c.json(book);\n});", '**201 Created**'],
    ['c.redirect(url, N)', HONO + "app.get('/x', (c) => c.redirect('/v2', 3|01));", '**301 Moved Permanently**'],
    ['new HTTPException(N)', HONO + "throw new HTTPException(4|03, { message: 'Admins only' });", '**403 Forbidden**'],
    ['stoker constant', stoker + "app.get('/x', (c) => c.json(task, HttpStatusCodes.O|K));", '**200 OK**'],
    ['stoker constant in an HTTPException', stoker + 'throw new HTTPException(HttpStatusCodes.UNAUTHO|RIZED);', '**401 Unauthorized**'],
    ['stoker constant imported by name', "import { NOT_FOUND } from 'stoker/http-status-codes';\napp.get('/x', (c) => c.json(error, NOT_F|OUND));", '**404 Not Found**'],
    ['createRoute responses, computed key', stoker + "createRoute({ method: 'get', path: '/', responses: { [HttpStatusCodes.UNPROCESSABLE_EN|TITY]: jsonContent(error, 'Invalid') } });", '**422 Unprocessable Content**'],
    ['createRoute responses, numeric key', "createRoute({ method: 'get', path: '/', responses: { 4|04: jsonContent(error, 'Not found') } });", '**404 Not Found**'],
  ];
  for (const [name, source, title] of positions) {
    it(name, () => assert.ok(hoverTitle(source)?.startsWith(title), `hover: ${hoverTitle(source)}`));
  }
  it('the body of c.json and the url of c.redirect are not statuses', () => {
    assert.equal(hoverTitle(HONO + "app.get('/x', (c) => c.json({ count: 4|04 }));"), undefined);
    assert.equal(hoverTitle(HONO + "app.get('/x', (c) => c.redirect('/4|04'));"), undefined);
  });
});

describe('hono: handlers typed by their context position', () => {
  it('an ErrorHandler takes the error first and the context second; a built response read for its status is no answer', () => {
    const code =
      "import type { ErrorHandler } from 'hono';\nconst onError: ErrorHandler = (err, c) => {\n  const current = c.newResponse(null).status;\n  return c.json({ message: 'Something went wrong' }, current === 200 ? 500 : current);\n};";
    const sites = analyze(code, 'case.ts').sites;
    // Each branch of the conditional status is a site of its own: 500, and the status read back (dynamic).
    assert.deepEqual(sitesOf(code), ['hono literal 500 data - -', 'hono dynamic ? data - -']);
    assert.equal(sites[0].handler?.errorName, 'err');
  });
  it("zod-openapi's validation hook answers with its second parameter", () => {
    const code = "import type { Hook } from '@hono/zod-openapi';\nconst defaultHook: Hook<any, any, any, any> = (result, c) => {\n  if (!result.success) return c.json({ issues: result.error.issues }, 422);\n};";
    assert.deepEqual(sitesOf(code), ['hono literal 422 data - -']);
  });
});
