// Hovers on every status position, and none on numbers that are not statuses. `|` marks the cursor.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { hoverHeadline } from './hoverHeadline';

const hoverTitle = hoverHeadline;

const handler = (body: string): string => `app.get('/x', async (req, res) => {\n  ${body}\n});`;

describe('hover: status positions', () => {
  const positions: [string, string, string][] = [
    ['res.status(N)', handler('res.status(4|04).json({ error: "User not found" });'), '**404 Not Found**'],
    ['res.sendStatus(N)', handler('res.sendStatus(|204);'), '**204 No Content**'],
    ['res.redirect(N, url)', handler("res.redirect(30|1, '/v2');"), '**301 Moved Permanently**'],
    ['res.statusCode = N', handler('res.statusCode = 50|3;'), '**503 Service Unavailable**'],
    ['res.writeHead(N, …)', handler("res.writeHead(2|00, { 'Content-Type': 'text/plain' });"), '**200 OK**'],
    ['chained call', handler("res.set('X', '1').status(4|09).json({ error: 'Email taken' });"), '**409 Conflict**'],
    ['return res.status(N)…', handler("return res.status(4|01).json({ error: 'Sign in first' });"), '**401 Unauthorized**'],
    ['the .status member', handler('res.sta|tus(404).json({ error: "User not found" });'), '**404 Not Found**'],
    ['the .sendStatus member', handler('res.sendSt|atus(204);'), '**204 No Content**'],
    ['a thrown project error with a constant', "const httpStatus = require('http-status');\n" + handler("throw new ApiError(httpStatus.UNAUTH|ORIZED, 'Please authenticate');"), '**401 Unauthorized**'],
    ['a forwarded error with the status last', "app.get('/x', (req, res, next) => {\n  return next(new AppError('No tour found', 40|4));\n});", '**404 Not Found**'],
    ['an http-errors constructor', "const createError = require('http-errors');\n" + handler('throw new createError.Confl|ict();'), '**409 Conflict**'],
    ['StatusCodes.NOT_FOUND', "import { StatusCodes } from 'http-status-codes';\n" + handler('res.status(StatusCodes.NOT_F|OUND).end();'), '**404 Not Found**'],
    ['aliased StatusCodes', "import { StatusCodes as S } from 'http-status-codes';\n" + handler('res.status(S.CREA|TED).end();'), '**201 Created**'],
    ['StatusCodes.MOVED_TEMPORARILY is 302', "const { StatusCodes } = require('http-status-codes');\n" + handler('res.status(StatusCodes.MOVED_TEMPO|RARILY).end();'), '**302 Found**'],
    ['HttpStatus.NOT_FOUND (NestJS)', "import { HttpStatus } from '@nestjs/common';\n" + handler('res.status(HttpStatus.NOT_|FOUND).end();'), '**404 Not Found**'],
    ['httpStatus.NOT_FOUND (http-status)', "import httpStatus from 'http-status';\n" + handler('res.status(httpStatus.NOT_|FOUND).end();'), '**404 Not Found**'],
    ['httpStatus[N] (http-status reason phrase)', "const httpStatus = require('http-status');\n" + handler('res.status(404).json({ message: httpStatus[4|04] });'), '**404 Not Found**'],
    ['httpStatus[httpStatus.X]', "import httpStatus from 'http-status';\n" + handler('res.status(404).json({ message: httpStatus[httpStatus.NOT_F|OUND] });'), '**404 Not Found**'],
    ["httpStatus['N_MESSAGE']", "const httpStatus = require('http-status');\n" + handler("res.status(404).json({ message: httpStatus['404_MES|SAGE'] });"), '**404 Not Found**'],
    ["httpStatus['N_NAME']", "const httpStatus = require('http-status');\n" + handler("res.status(404).json({ code: httpS|tatus['404_NAME'] });"), '**404 Not Found**'],
    ['httpStatus[`${httpStatus.X}_NAME`]', "const httpStatus = require('http-status');\n" + handler('res.status(409).json({ code: httpStatus[`${httpStatus.CONF|LICT}_NAME`] });'), '**409 Conflict**'],
    ['status[status.X] (named import)', "import { status } from 'http-status';\n" + handler('res.status(403).json({ message: status[status.FORBI|DDEN] });'), '**403 Forbidden**'],
    ['local const', 'const NOT_FOUND = 404;\n' + handler('res.status(NOT_|FOUND).end();'), '**404 Not Found**'],
    ['local object of codes', 'const HTTP = { NOT_FOUND: 404 } as const;\n' + handler('res.status(HTTP.NOT_F|OUND).end();'), '**404 Not Found**'],
    ['a let assigned once', 'let code = 404;\n' + handler('res.status(co|de).end();'), '**404 Not Found**'],
    ['an enum member', 'enum Status { NotFound = 404 }\n' + handler('res.status(Status.NotF|ound).end();'), '**404 Not Found**'],
    ['a const enum member counted on', 'const enum Status { NotFound = 404, MethodNotAllowed }\n' + handler('res.status(Status.MethodNot|Allowed).end();'), '**405 Method Not Allowed**'],
    ['a frozen object of codes', 'const HTTP = Object.freeze({ NOT_FOUND: 404 });\n' + handler('res.status(HTTP.NOT_F|OUND).end();'), '**404 Not Found**'],
    ['a nested object of codes', "const codes = { client: { notFound: 404 } };\n" + handler("res.status(codes.client.not|Found).end();"), '**404 Not Found**'],
    ['supertest .expect(N)', "it('404s', () => request(app).get('/nope').expect(4|04));", '**404 Not Found**'],
    ['expect(res.status).toBe(N)', "it('404s', async () => {\n  expect(res.status).toBe(4|04);\n});", '**404 Not Found**'],
    ['assert.equal(res.statusCode, N)', 'assert.equal(res.statusCode, 2|00);', '**200 OK**'],
    ['comparison with .status', 'if (response.status === 4|29) retryLater();', '**429 Too Many Requests**'],
    ['unregistered code', handler('res.status(41|8).end();'), '**418** is not a registered HTTP status code.'],
    ['either branch of a conditional status', handler('res.status(user ? 200 : 4|04).json(user);'), '**404 Not Found**'],
    ['a branch of a thrown error\'s conditional status', "const createError = require('http-errors');\n" + handler("throw createError(dup ? 4|09 : 400, 'Taken');"), '**409 Conflict**'],
    ['a local helper called with a status', 'function sendError(res, status, message) {\n  return res.status(status).json({ message });\n}\n' + handler("return sendError(res, 4|04, 'No such user');"), '**404 Not Found**'],
    ['a branch of a helper\'s conditional status', 'const fail = (res, code, msg) => res.status(code).send({ error: msg });\n' + handler("return fail(res, dup ? 40|9 : 400, 'Taken');"), '**409 Conflict**'],
    ['the fallback of err.status ?? N', "app.use((err, req, res, next) => {\n  res.status(err.status ?? 5|00).json({ error: 'Something went wrong' });\n});", '**500 Internal Server Error**'],
    ['reply.code(N) (Fastify)', "fastify.get('/x', async (request, reply) => reply.code(2|01).send({ id: 1 }));", '**201 Created**'],
    ['@HttpCode(N) (NestJS)', '@HttpCode(2|04)\nremove() {}', '**204 No Content**'],
    ['NextResponse.json(body, { status })', "return NextResponse.json({ error: 'Not found' }, { status: 4|04 });", '**404 Not Found**'],
    ['createError(N) (http-errors)', 'next(createError(4|04));', '**404 Not Found**'],
    ['ctx.throw(N) (Koa)', "ctx.throw(4|03, 'Admins only');", '**403 Forbidden**'],
    ['ctx.throw(msg, N) (Koa)', "ctx.throw('Sign in first', 4|01);", '**401 Unauthorized**'],
    ['ctx.assert(value, N, msg) (Koa)', "ctx.assert(user, 4|04, 'No such user');", '**404 Not Found**'],
    ['ctx.assert with a constant (Koa)', "import { StatusCodes } from 'http-status-codes';\nctx.assert(user, StatusCodes.NOT_F|OUND);", '**404 Not Found**'],
    ['ctx.status = N (Koa)', 'router.get(\'/x\', async (ctx) => {\n  ctx.status = 4|04;\n});', '**404 Not Found**'],
    ['ctx.response.status = StatusCodes.X (Koa)', "import { StatusCodes } from 'http-status-codes';\nctx.response.status = StatusCodes.CONF|LICT;", '**409 Conflict**'],
    ['new HttpException(message, HttpStatus.X) (NestJS)', "import { HttpStatus } from '@nestjs/common';\nthrow new HttpException('Admins only', HttpStatus.FORBID|DEN);", '**403 Forbidden**'],
  ];
  for (const [name, source, title] of positions) {
    it(name, () => assert.ok(hoverTitle(source)?.startsWith(title), `hover: ${hoverTitle(source)}`));
  }
});

describe('hover: numbers that are not statuses', () => {
  const others: [string, string][] = [
    ['arr.slice(404)', 'const rest = arr.slice(4|04);'],
    ['timeout: 500', 'const client = axios.create({ timeo|ut: 500 });'],
    ['timeout value', 'const client = axios.create({ timeout: 5|00 });'],
    ['port: 3000', 'app.listen({ port: 30|00 });'],
    ['setTimeout delay', 'setTimeout(done, 2|00);'],
    ['a status compared with a non-status number in a test', 'expect(items.length).toBe(2|00);'],
    ['a string that looks like a code', handler("res.json({ code: '4|04' });")],
    ['an index into another table', handler('res.json({ message: messages[4|04] });')],
    ['an http-status key the library does not have', "const httpStatus = require('http-status');\n" + handler("res.json({ message: httpStatus['9|99_NAME'] });")],
    ['a let assigned again', 'let code = 404;\ncode = next();\n' + handler('res.status(co|de).end();')],
    ['an assertion message that is a number', 'assert.ok(items.length > 0, 2|00);'],
  ];
  for (const [name, source] of others) {
    it(name, () => assert.equal(hoverTitle(source), undefined));
  }
});

describe('status references behind ||', () => {
  it('the fallback of err.status || N is a status', () => {
    const text = "app.use((err, req, res, next) => {\n  res.status(err.status || 500).json({ error: 'Something went wrong' });\n});";
    const refs = analyze(text, 'case.js').statusRefs;
    assert.deepEqual(refs.map((ref) => [ref.code, text.slice(ref.range.start, ref.range.end)]), [[500, '500']]);
  });
});
