// The Fastify adapter: which files it reads, the sites it reads from them (status, what is sent,
// route), and hovers on every Fastify status position. Rule behaviour is in rules/fastify/.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_OPTIONS } from '../../server/src/analysis';
import type { Framework } from '../../server/src/analysis/adapters/frameworks';
import { hoverHeadline } from './hoverHeadline';

const app = (routes: string): string => `import Fastify from 'fastify';\nconst app = Fastify();\n${routes}\n`;

function sitesOf(code: string, frameworks: Framework[] = []) {
  return analyze(code, 'case.ts', { ...DEFAULT_OPTIONS, frameworks }).sites.map((site) => ({
    adapter: site.adapter.framework,
    status: `${site.status.source} ${site.status.code ?? '?'}`,
    send: site.send?.kind,
    route: site.route && `${site.route.method ?? '?'} ${site.route.path ?? '?'}`,
    text: code.slice(site.status.range.start, site.status.range.end),
  }));
}

describe('Fastify sites', () => {
  it('reads reply.code/status with send, chained or on separate statements', () => {
    const code = app("app.post('/users', async (request, reply) => {\n  if (!request.body.email) return reply.code(400).send({ error: 'email is required' });\n  reply.status(201);\n  reply.send(await User.create(request.body));\n});");
    assert.deepEqual(sitesOf(code), [
      { adapter: 'fastify', status: 'literal 400', send: 'data', route: 'post /users', text: '400' },
      { adapter: 'fastify', status: 'literal 201', send: 'data', route: 'post /users', text: '201' },
    ]);
  });
  it('a returned value is 200 unless a status was set on the path to it; `return reply.code(201).send(x)` is one response', () => {
    const code = app("app.get('/tasks/:id', async (request, reply) => {\n  const task = await tasks.findById(request.params.id);\n  if (!task) {\n    reply.status(404);\n    return { message: 'Task not found' };\n  }\n  if (task.archived) return reply.code(410).send({ message: 'Archived' });\n  return task;\n});");
    assert.deepEqual(sitesOf(code).map((site) => `${site.status} ${site.send} ${site.text}`), ['literal 404 data 404', 'literal 410 data 410', 'implicit 200 data return']);
  });
  it('an arrow function\'s body is its returned value; a returned reply is not a response of its own', () => {
    const code = app("app.get('/health', async () => ({ ok: true }));\napp.get('/ping', (request, reply) => {\n  reply.send('pong');\n  return reply;\n});");
    assert.deepEqual(sitesOf(code).map((site) => `${site.status} ${site.text}`), ['implicit 200 ({ ok: true })', 'implicit 200 reply.send(\'pong\')']);
  });
  it('reads redirects in v5 (url, code) and v4 (code, url) order, 302 by default', () => {
    const code = app("app.get('/a', (request, reply) => reply.redirect('/b', 301));\napp.get('/c', (request, reply) => reply.redirect(308, '/d'));\napp.get('/e', (request, reply) => reply.redirect('/f'));");
    assert.deepEqual(sitesOf(code).map((site) => `${site.status} ${site.send}`), ['literal 301 redirect', 'literal 308 redirect', 'implicit 302 redirect']);
  });
  it('reads @fastify/sensible helpers on the reply, and errors made by httpErrors', () => {
    const code = app("app.get('/users/:id', async (request, reply) => {\n  if (!request.user) return reply.unauthorized();\n  const user = await User.findById(request.params.id);\n  if (!user) throw app.httpErrors.notFound('No such user');\n  if (user.banned) return reply.getHttpError(403, 'Banned');\n  return user;\n});");
    assert.deepEqual(sitesOf(code).map((site) => `${site.adapter} ${site.status} ${site.send} ${site.text}`), [
      'fastify constant 401 empty unauthorized',
      'thrown error constant 404 data notFound',
      'fastify literal 403 data 403',
      'fastify implicit 200 data return',
    ]);
  });
  it('a returned or thrown error with a statusCode is sent with it (Fastify\'s error handler)', () => {
    const code = app("app.get('/a', async (request) => {\n  if (!request.query.id) throw { statusCode: 400, message: 'id is required' };\n  const err = new Error('Gone');\n  err.statusCode = 410;\n  throw err;\n});\napp.get('/b', async (request) => {\n  return createError(404, 'Not here');\n});").replace('\n', "\nconst createError = require('http-errors');\n");
    assert.deepEqual(sitesOf(code).map((site) => `${site.status} ${site.text}`), ['literal 400 400', 'literal 410 410', 'literal 404 404']);
  });
  it('a hook sends only what it sends; an async handler that ends after a status sends it empty; a sync one hangs', () => {
    const code = app("app.addHook('onRequest', async (request, reply) => {\n  reply.code(401);\n  return { ignored: true };\n});\napp.delete('/a', async (request, reply) => {\n  reply.code(204);\n});\napp.delete('/b', (request, reply) => {\n  reply.code(204);\n});");
    assert.deepEqual(sitesOf(code).map((site) => `${site.status} ${site.send}`), ['literal 204 empty', 'literal 204 undefined']);
  });
  it('a status followed by a throw is the error handler\'s to send, not an empty reply', () => {
    const code = app("app.post('/a', async (request, reply) => {\n  if (!request.body.name) {\n    reply.code(400);\n    throw new Error('name is required');\n  }\n  return { ok: true };\n});");
    assert.deepEqual(sitesOf(code).map((site) => site.status), ['implicit 200']);
  });
  it('reads the route from get/post/…, route({ method, url }) and a { handler } option, with handlers by reference', () => {
    const code = app("async function create(request, reply) {\n  reply.code(201);\n  return {};\n}\napp.route({ method: 'POST', url: '/items', handler: create });\napp.put('/items/:id', { schema: {} }, async (request) => ({ updated: true }));\napp.patch('/items/:id/tag', { handler: async () => ({ tagged: true }) });");
    assert.deepEqual(sitesOf(code).map((site) => site.route), ['post /items', 'put /items/:id', 'patch /items/:id/tag']);
  });
  it('setErrorHandler((error, request, reply) => …) is a handler with an error', () => {
    const result = analyze(app("app.setErrorHandler((error, request, reply) => {\n  reply.status(500).send({ error: 'Internal Server Error' });\n});"), 'case.ts');
    assert.equal(result.sites[0]?.handler?.errorName, 'error');
    assert.equal(result.sites[0]?.handler?.responseName, 'reply');
  });
});

describe('a file matched to Fastify', () => {
  const route = "fastify.get('/x', async (request, reply) => {\n  return reply.code(404).send({ error: 'No such thing' });\n});";
  it('by its imports: fastify, fastify-plugin or any @fastify/ module', () => {
    for (const module of ['fastify', 'fastify-plugin', '@fastify/type-provider-typebox']) {
      assert.deepEqual(sitesOf(`import x from '${module}';\n${route}`).map((site) => site.adapter), ['fastify'], module);
    }
    assert.deepEqual(sitesOf(`const fp = require('fastify-plugin');\n${route}`).map((site) => site.adapter), ['fastify']);
  });
  it('by shape when it imports nothing: a (request, reply) function that uses the reply', () => {
    assert.deepEqual(sitesOf(`module.exports = async function routes(fastify, opts) {\n${route}\n};`).map((site) => site.adapter), ['fastify']);
    assert.deepEqual(sitesOf("export const getUser = async (request, reply) => {\n  return reply.code(404).send();\n};").map((site) => site.adapter), ['fastify']);
  });
  it('never by shape for Express (req, res) files, which stay Express', () => {
    assert.deepEqual(sitesOf("module.exports = (req, res) => {\n  res.status(404).json({ error: 'No such thing' });\n};").map((site) => site.adapter), ['express']);
  });
  it('by the setting for a module whose shape says nothing', () => {
    const code = "export async function show(request, res) {\n  return res.code(404).send({ error: 'No such thing' });\n}";
    assert.deepEqual(sitesOf(code).map((site) => site.adapter), ['express']);
    assert.deepEqual(sitesOf(code, ['fastify']).map((site) => site.adapter), ['fastify']);
  });
  it('`reply.status(400); return {…}` is a 400 with a body, not a status left unsent', () => {
    const code = app("app.put('/password', async (request, reply) => {\n  if (request.body.newPassword === request.body.currentPassword) {\n    reply.status(400);\n    return { message: 'New password cannot be the same' };\n  }\n  return { message: 'Password updated' };\n});");
    assert.deepEqual(analyze(code, 'case.ts').findings.filter((finding) => finding.ruleId === 'status-without-response'), []);
  });
});

// The title without its class (`**404 Not Found** · 4xx client error` → `**404 Not Found**`).
const hoverTitle = (source: string): string | undefined => hoverHeadline(source)?.split(' · ')[0];

describe('hover: Fastify status positions', () => {
  const handler = (body: string): string => app(`app.get('/x', async (request, reply) => {\n  ${body}\n});`);
  const positions: [string, string, string][] = [
    ['reply.code(N)', handler("return reply.code(4|04).send({ error: 'No such user' });"), '**404 Not Found**'],
    ['reply.status(N)', handler('reply.status(2|01);'), '**201 Created**'],
    ['the .code member', handler("return reply.co|de(404).send({ error: 'No such user' });"), '**404 Not Found**'],
    ['reply.statusCode = N', handler('reply.statusCode = 5|03;'), '**503 Service Unavailable**'],
    ['reply.redirect(url, N) (v5)', handler("return reply.redirect('/v2', 30|1);"), '**301 Moved Permanently**'],
    ['reply.redirect(N, url) (v4)', handler("return reply.redirect(30|8, '/v2');"), '**308 Permanent Redirect**'],
    ['a sensible helper', handler('return reply.notFo|und();'), '**404 Not Found**'],
    ['reply.getHttpError(N, msg)', handler("return reply.getHttpError(4|10, 'Gone');"), '**410 Gone**'],
    ['fastify.httpErrors.x()', handler('throw app.httpErrors.unauth|orized();'), '**401 Unauthorized**'],
    ['httpErrors.createError(N)', handler("throw app.httpErrors.createError(4|22, 'Dates out of order');"), '**422 Unprocessable Content** (formerly Unprocessable Entity)'],
    ['a thrown { statusCode }', handler("throw { statusCode: 4|00, message: 'id is required' };"), '**400 Bad Request**'],
    ['a constant', "import { StatusCodes } from 'http-status-codes';\n" + handler('return reply.code(StatusCodes.CONF|LICT).send({ error: \'Taken\' });'), '**409 Conflict**'],
    ['a route schema\'s response key', app("app.post('/tasks', { schema: { response: { 2|01: { type: 'object' } } } }, async () => ({}));"), '**201 Created**'],
    ['a schema object\'s response key', app("const createTaskSchema = { body: {}, response: { 4|00: {} } };\napp.post('/tasks', { schema: createTaskSchema }, async () => ({}));"), '**400 Bad Request**'],
  ];
  for (const [name, source, title] of positions) {
    it(name, () => assert.equal(hoverTitle(source), title));
  }
  it('no hover on a response key outside a schema, or on a path', () => {
    assert.equal(hoverTitle('const cache = { response: { 2|00: 1 } };'), undefined);
    assert.equal(hoverTitle(handler("return reply.redirect('/v|2', 301);")), undefined);
  });
});
