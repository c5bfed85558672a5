// The Koa adapter: which files it reads and the response sites it reads from ctx (its hovers are in
// hover.test.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_OPTIONS } from '../../server/src/analysis';
import type { Framework } from '../../server/src/analysis/adapters/frameworks';
import { koaRoute } from './rules/koa/koaCode';

function sitesOf(code: string, frameworks: Framework[] = []): string[] {
  return analyze(code, 'case.ts', { ...DEFAULT_OPTIONS, frameworks }).sites.map(
    (site) => `${site.adapter.framework} ${site.status.source} ${site.status.code ?? '?'} ${site.send?.kind ?? 'unsent'}${site.body ? ` ${site.body.getText()}` : ''}`,
  );
}

const body = (text: string): string[] => sitesOf(koaRoute('get', '/users/:id', text)).map((site) => site.replace(/^koa /, ''));

describe('koa: response sites', () => {
  it('a body alone is 200, a null body 204, a stream a file', () => {
    assert.deepEqual(body('  ctx.body = { id: 1 };'), ['implicit 200 data { id: 1 }']);
    assert.deepEqual(body('  ctx.body = null;'), ['implicit 204 empty null']);
    assert.deepEqual(body("  ctx.body = fs.createReadStream('report.csv');"), ["implicit 200 file fs.createReadStream('report.csv')"]);
  });
  it('a status and a body on one path are one response, in either order', () => {
    assert.deepEqual(body("  ctx.status = 404;\n  ctx.body = { error: 'No such user' };"), ["literal 404 data { error: 'No such user' }"]);
    assert.deepEqual(body('  ctx.body = user;\n  ctx.status = 201;'), ['literal 201 data user']);
    assert.deepEqual(body('  ctx.response.status = 404;\n  ctx.response.body = { error: "gone" };'), ['literal 404 data { error: "gone" }']);
  });
  it('a status applies to every body set after it on its path', () => {
    assert.deepEqual(body("  ctx.status = 400;\n  if (a) ctx.body = 'a is wrong';\n  else ctx.body = 'b is wrong';"), ["literal 400 data 'a is wrong'", "literal 400 data 'b is wrong'"]);
  });
  it('a status set alone sends its reason phrase; a status before a return does not reach a later body', () => {
    assert.deepEqual(body('  ctx.status = 204;'), ['literal 204 empty']);
    assert.deepEqual(body('  if (!user) {\n    ctx.status = 404;\n    return;\n  }\n  ctx.body = user;'), ['literal 404 empty', 'implicit 200 data user']);
  });
  it('ctx.throw and ctx.assert in both argument orders, with http-errors props headers', () => {
    assert.deepEqual(body("  ctx.throw(404, 'No such user');\n  ctx.throw('Sign in first', 401);\n  ctx.throw(400);\n  ctx.assert(user, 403, 'Admins only');"), [
      "literal 404 data 'No such user'",
      "literal 401 data 'Sign in first'",
      'literal 400 empty',
      "literal 403 data 'Admins only'",
    ]);
    const [site] = analyze(koaRoute('get', '/me', "  ctx.throw(401, 'Sign in', { headers: { 'WWW-Authenticate': 'Bearer' } });"), 'case.ts').sites;
    assert.deepEqual(site.headers.map((header) => header.name), ['www-authenticate']);
    assert.equal(site.completedBy, 'error-handler');
  });
  it('ctx.assert answers when its value is falsy', () => {
    const [site] = analyze(koaRoute('get', '/users/:id', "  const user = await User.findById(ctx.params.id);\n  ctx.assert(user, 404, 'No such user');"), 'case.ts').sites;
    assert.deepEqual(site.conditions.map((condition) => [condition.expression.getText(), condition.inElse]), [['user', true]]);
  });
  it('redirect: 302, or the 3xx set before it', () => {
    assert.deepEqual(body("  ctx.redirect('/login');"), ['implicit 302 redirect']);
    assert.deepEqual(body("  ctx.status = 301;\n  ctx.redirect('/v2/users');"), ['literal 301 redirect']);
  });
  it('headers set before the response belong to it', () => {
    const [site] = analyze(koaRoute('post', '/users', "  ctx.set('Location', `/users/${user.id}`);\n  ctx.set({ 'X-Request-Id': id });\n  ctx.status = 201;\n  ctx.body = user;"), 'case.ts').sites;
    assert.deepEqual(site.headers.map((header) => header.name), ['location', 'x-request-id']);
  });
  it('status constants resolve', () => {
    assert.deepEqual(body("  ctx.status = StatusCodes.NOT_FOUND;\n  ctx.body = { error: 'gone' };").length, 1);
    const code = "import { StatusCodes } from 'http-status-codes';\n" + koaRoute('get', '/x', "  ctx.status = StatusCodes.NOT_FOUND;\n  ctx.body = { error: 'gone' };");
    assert.deepEqual(sitesOf(code), ["koa constant 404 data { error: 'gone' }"]);
  });
  it('routes: registrations, controller verbs, koa-swagger-decorator', () => {
    const routes = (code: string): string[] => analyze(code, 'case.ts', { ...DEFAULT_OPTIONS, frameworks: ['koa'] }).sites.map((site) => `${site.route?.method ?? '-'} ${site.route?.path ?? '-'}`);
    assert.deepEqual(routes(koaRoute('del', '/users/:id', '  ctx.status = 204;')), ['delete /users/:id']);
    assert.deepEqual(routes('module.exports = {\n  async post(ctx) {\n    ctx.body = { ok: true };\n  },\n};'), ['post -']);
    assert.deepEqual(routes("class Users {\n  @request('put', '/users/{id}')\n  static async update(ctx: Context) {\n    ctx.status = 200;\n    ctx.body = user;\n  }\n}"), ['put /users/:id']);
  });
  it('error middleware: a dynamic status in a catch', () => {
    const code = "const Koa = require('koa');\nconst app = new Koa();\napp.use(async (ctx, next) => {\n  try {\n    await next();\n  } catch (err) {\n    ctx.status = err.status || 500;\n    ctx.body = { error: err.message };\n  }\n});";
    const [site] = analyze(code, 'case.js').sites;
    assert.equal(site.status.source, 'dynamic');
    assert.equal(site.catchClause?.errorName, 'err');
  });
});

describe('koa: files matched to the adapter', () => {
  const controller = "export async function show(ctx) {\n  ctx.status = 404;\n  ctx.body = { error: 'No such user' };\n}";
  it('a file that imports koa, @koa/router, koa-router, koa-body or koa-compose is Koa', () => {
    for (const module of ['koa', '@koa/router', 'koa-router', 'koa-body', 'koa-compose']) {
      assert.deepEqual(sitesOf(`import x from '${module}';\n${controller}`).map((site) => site.split(' ')[0]), ['koa'], module);
    }
  });
  it('a controller that imports nothing is Koa by its shape: a ctx or Context first parameter assigned or thrown', () => {
    assert.deepEqual(sitesOf(controller).map((site) => site.split(' ')[0]), ['koa']);
    assert.deepEqual(sitesOf('export class Users {\n  static async get(context: Context) {\n    context.throw(404);\n  }\n}').map((site) => site.split(' ')[0]), ['koa']);
  });
  it('an Express file never reads as Koa', () => {
    const express = "function show(req, res) {\n  const ctx = req.context;\n  res.status(404).json({ error: 'No such user' });\n}";
    assert.deepEqual(sitesOf(express).map((site) => site.split(' ')[0]), ['express']);
  });
  it('the frameworks setting names Koa for files without a sign', () => {
    // A handler that only redirects has no shape the sniff trusts: without the setting it is not read.
    const redirecting = "export async function legacy(ctx) {\n  ctx.redirect('/v2/users');\n}";
    assert.deepEqual(sitesOf(redirecting), []);
    assert.deepEqual(sitesOf(redirecting, ['koa']), ['koa implicit 302 redirect']);
    // A context not named `ctx` nor typed is not a Koa handler, whatever the setting says.
    assert.deepEqual(sitesOf('export const show = async (context) => {\n  context.status = 404;\n};', ['koa']), []);
  });
});

describe('koa: traps that stay quiet', () => {
  const traps: [string, string][] = [
    ['a status set without a body (Koa sends the reason phrase)', koaRoute('get', '/users/:id', '  const user = await User.findById(ctx.params.id);\n  if (!user) {\n    ctx.status = 404;\n    return;\n  }\n  ctx.body = user;')],
    ['ctx.status = 204 with no body', koaRoute('delete', '/users/:id', '  await User.deleteOne({ _id: ctx.params.id });\n  ctx.status = 204;')],
    ['ctx.body = stream', koaRoute('post', '/exports', "  await Export.create({ user: ctx.state.user.id });\n  ctx.set('Content-Type', 'text/csv');\n  ctx.body = fs.createReadStream('export.csv');")],
  ];
  for (const [name, code] of traps) {
    it(name, () => {
      const all = Object.fromEntries(['status-without-response', 'no-content-has-no-body', 'created-for-create', 'no-success-for-missing', 'error-needs-detail'].map((id) => [id, 'warning' as const]));
      assert.deepEqual(analyze(code, 'case.js', { ...DEFAULT_OPTIONS, rules: all }).findings.map((finding) => finding.ruleId), []);
    });
  }
});
