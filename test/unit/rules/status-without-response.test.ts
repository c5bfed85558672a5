import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { majorOf } from '../../../server/src/analysis/adapters/asyncRejections';
import { analyze, DEFAULT_OPTIONS } from '../../../server/src/analysis';
import { ruleTests } from '../ruleTester';

/** Project facts as the server reads them from the nearest package.json. */
const express = (range: string, others: Record<string, string> = {}) => ({ project: { dependencies: { express: range, ...others } } });
const express4 = express('^4.18.2');

ruleTests('status-without-response', {
  valid: [
    // res.format sends in each branch, with the status set before it.
    "app.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res.status(201).location(`/users/${user.id}`).format({\n    json() { res.json(user); },\n    default() { res.send(String(user.id)); },\n  });\n});",
    // The status on one line, the send on the next: one response.
    "app.use((err, req, res, next) => {\n  res.status(500);\n  res.json({ error: 'Internal server error' });\n});",
    "app.get('/missing', (req, res) => {\n  res.status(404);\n  res.render('not-found');\n});",
    // A returned chain is handed to a caller, which sends it.
    "function notFound(req, res) {\n  return res.status(404);\n}",
    // next(err) hands over to the error handler, which answers.
    "app.get('/x', async (req, res, next) => {\n  try {\n    res.json(await load());\n  } catch (err) {\n    res.status(500);\n    next(err);\n  }\n});",
    // A throw does too.
    "app.post('/x', (req, res) => {\n  if (!req.body.name) {\n    res.status(400);\n    throw new Error('name is required');\n  }\n  res.status(201).json({ ok: true });\n});",
    // A helper that hands the response back to its caller.
    "function withStatus(req, res) {\n  res.status(410);\n  return res;\n}",
    // A helper that receives the response may send it; a pipe does.
    "app.get('/x', (req, res) => {\n  res.status(422);\n  sendProblem(res, 'Invalid dates');\n});",
    "app.get('/file', (req, res) => {\n  res.status(200);\n  fs.createReadStream('a.txt').pipe(res);\n});",
    // A project's own sender on the response object.
    "app.get('/x', (req, res) => {\n  res.status(404);\n  res.fail({ code: 'NOT_FOUND' });\n});",
    // Server-sent events: a stream the code ends elsewhere.
    "app.get('/events', (req, res) => {\n  res.writeHead(200, { 'Content-Type': 'text/event-stream' });\n  res.write('retry: 1000\\n\\n');\n});",
    // A status set after the response was sent does not make the request hang.
    "app.get('/x', (req, res) => {\n  res.json({ ok: true });\n  res.status(200);\n});",
    // A status overwritten by a later response on the same path: it is sent, not left hanging.
    "app.get('/x', (req, res) => {\n  if (req.query.legacy) {\n    res.status(203);\n  }\n  res.status(200).json({ ok: true });\n});",
    // Middleware that sets the status and lets the next one answer.
    "app.use((req, res, next) => {\n  res.status(203);\n  next();\n});",
    // Async throws. Express 5 forwards a rejected handler to the error middleware.
    { code: "router.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) throw new Error('No such user');\n  res.json(user);\n});", options: express('^5.1.0') },
    { code: "router.get('/x', async (req, res) => {\n  throw new Error('boom');\n});", options: express('5.x') },
    // Wrapped before it is registered: the wrapper catches the rejection.
    { code: "router.get('/x', catchAsync(async (req, res) => {\n  throw new Error('boom');\n}));", options: express4 },
    { code: "const getUser = asyncHandler(async (req, res) => {\n  throw new Error('boom');\n});\nrouter.get('/user', getUser);", options: express4 },
    // express-async-errors patches Express, in the project or in the file.
    { code: "router.get('/x', async (req, res) => {\n  throw new Error('boom');\n});", options: express('^4.18.2', { 'express-async-errors': '^3.1.1' }) },
    "require('express-async-errors');\nconst express = require('express');\nconst app = express();\napp.get('/x', async (req, res) => {\n  throw new Error('boom');\n});",
    // A synchronous throw reaches the error handler.
    { code: "router.get('/x', (req, res) => {\n  throw new Error('boom');\n});", options: express4 },
    // Caught in the handler, or thrown in a callback that is not the handler.
    { code: "router.get('/x', async (req, res, next) => {\n  try {\n    if (!req.query.q) throw new Error('q is required');\n    res.json(await search(req.query.q));\n  } catch (err) {\n    next(err);\n  }\n});", options: express4 },
    { code: "router.get('/x', async (req, res) => {\n  const rows = await load();\n  rows.forEach((row) => {\n    if (!row.id) throw new Error('row without id');\n  });\n  res.json(rows);\n});", options: express4 },
    // An unknown version stays quiet (precision first); so does a project without express.
    { code: "router.get('/x', async (req, res) => {\n  throw new Error('boom');\n});", options: express('*') },
    { code: "const express = require('express');\nconst app = express();\napp.get('/x', async (req, res) => {\n  throw new Error('boom');\n});", options: { project: { dependencies: { lodash: '^4.17.21' } } } },
    // Without a package.json, only a file that loads express is Express's.
    "router.get('/x', async (req, res) => {\n  throw new Error('boom');\n});",
    // Another framework's router awaits its handlers.
    { code: "const Router = require('@koa/router');\nconst router = new Router();\nrouter.get('/x', async (ctx, next) => {\n  throw new Error('boom');\n});", options: express4 },
  ],
  invalid: [
    {
      code: "app.delete('/sessions/current', (req, res) => {\n  req.session.destroy();\n  res.status(204);\n});",
      at: 'status(«204»)',
      message: /^204 No Content is set but nothing sends the response: the request hangs/,
      output: "app.delete('/sessions/current', (req, res) => {\n  req.session.destroy();\n  res.sendStatus(204);\n});",
    },
    {
      // Only the catch path hangs.
      code: "app.get('/x', async (req, res) => {\n  try {\n    res.json(await load());\n  } catch (err) {\n    console.error(err);\n    res.status(500);\n  }\n});",
      at: 'status(«500»)',
      output: "app.get('/x', async (req, res) => {\n  try {\n    res.json(await load());\n  } catch (err) {\n    console.error(err);\n    res.sendStatus(500);\n  }\n});",
    },
    {
      // A chain with a header: the fix ends it.
      code: "app.get('/old', (req, res) => {\n  res.status(301).set('Location', '/new');\n});",
      at: 'status(«301»)',
      output: "app.get('/old', (req, res) => {\n  res.status(301).set('Location', '/new').end();\n});",
    },
    {
      // Named constants stay as written.
      code: "import { StatusCodes } from 'http-status-codes';\napp.post('/jobs', (req, res) => {\n  queue.add(req.body);\n  res.status(StatusCodes.ACCEPTED);\n});",
      at: 'status(«StatusCodes.ACCEPTED»)',
      output: "import { StatusCodes } from 'http-status-codes';\napp.post('/jobs', (req, res) => {\n  queue.add(req.body);\n  res.sendStatus(StatusCodes.ACCEPTED);\n});",
    },
    {
      // statusCode assignment: res.end() on its own line, in the file's style (no semicolons, CRLF).
      code: "app.get('/x', (req, res) => {\r\n  res.statusCode = 404\r\n})",
      at: '= «404»',
      output: "app.get('/x', (req, res) => {\r\n  res.statusCode = 404\r\n  res.end()\r\n})",
    },
    {
      // A dynamic status hangs just as well.
      code: "app.use((err, req, res, next) => {\n  console.error(err);\n  res.status(err.status || 500);\n});",
      at: 'status(«err.status || 500»)',
      message: /^The status is set but nothing sends/,
      output: "app.use((err, req, res, next) => {\n  console.error(err);\n  res.sendStatus(err.status || 500);\n});",
    },
    {
      // The status is set in a branch that returns before the send below.
      code: "app.get('/x', (req, res) => {\n  if (!req.user) {\n    res.status(401);\n    return;\n  }\n  res.status(200).json(req.user);\n});",
      at: 'status(«401»)',
    },
    {
      // A forgotten call: `.send` without parentheses. No edit is obviously right, so none.
      code: "app.get('/x', (req, res) => {\n  res.status(400).send;\n});",
      at: 'status(«400»)',
    },
    {
      // writeHead without an end.
      code: "app.get('/x', (req, res) => {\n  res.writeHead(304, { ETag: tag });\n});",
      at: 'writeHead(«304»',
      output: "app.get('/x', (req, res) => {\n  res.writeHead(304, { ETag: tag }).end();\n});",
    },
    {
      // Express 4 ignores the promise of an async handler: the throw never reaches the error middleware.
      code: "router.get('/users/:id', async (req, res, next) => {\n  const user = await User.findById(req.params.id);\n  if (!user) throw new Error('No such user');\n  res.json(user);\n});",
      options: express4,
      at: "if (!user) «throw» new Error",
      message: /^Express 4 does not catch what an async handler throws: .*the request hangs.*return next\(err\)/,
      output: "router.get('/users/:id', async (req, res, next) => {\n  const user = await User.findById(req.params.id);\n  if (!user) return next(new Error('No such user'));\n  res.json(user);\n});",
    },
    {
      // An error that carries a status hangs just the same.
      code: "const createError = require('http-errors');\nrouter.get('/users/:id', async (req, res, next) => {\n  const user = await User.findById(req.params.id);\n  if (!user) throw createError(404, 'No such user');\n  res.json(user);\n});",
      options: express('~4.17.1'),
      at: '«throw» createError',
      output: "const createError = require('http-errors');\nrouter.get('/users/:id', async (req, res, next) => {\n  const user = await User.findById(req.params.id);\n  if (!user) return next(createError(404, 'No such user'));\n  res.json(user);\n});",
    },
    {
      // No package.json: a file that loads express is taken for Express 4. A handler by name; a rethrow from a catch.
      code: "const express = require('express');\nconst router = express.Router();\nasync function getUser(req, res, next) {\n  try {\n    res.json(await User.findById(req.params.id));\n  } catch (err) {\n    throw err;\n  }\n}\nrouter.get('/users/:id', getUser);",
      at: '«throw» err',
      output: "const express = require('express');\nconst router = express.Router();\nasync function getUser(req, res, next) {\n  try {\n    res.json(await User.findById(req.params.id));\n  } catch (err) {\n    return next(err);\n  }\n}\nrouter.get('/users/:id', getUser);",
    },
    {
      // Without `next`, the fix adds it; not preferred, as two throws would add it twice.
      code: "router.post('/orders', async (req, res) => {\n  if (!req.body.items) throw new Error('items are required');\n  res.status(201).json(await Order.create(req.body));\n});",
      options: express4,
      at: '«throw» new Error',
    },
    {
      // Async error middleware, and a try with no catch.
      code: "app.use(async (err, req, res, next) => {\n  try {\n    await report(err);\n    throw err;\n  } finally {\n    await flush();\n  }\n});",
      options: express('4.x'),
      at: '«throw» err',
      output: "app.use(async (err, req, res, next) => {\n  try {\n    await report(err);\n    return next(err);\n  } finally {\n    await flush();\n  }\n});",
    },
    {
      // Two throws, two findings.
      code: "const httpStatus = require('http-status');\nrouter.post('/login', async (req, res, next) => {\n  const user = await User.findOne({ email: req.body.email });\n  if (!user) throw new ApiError(httpStatus.UNAUTHORIZED, 'Incorrect email or password');\n  if (user.locked) throw new Error('Account locked');\n  res.json(user);\n});",
      options: express('4.18.2'),
      at: ['if (!user) «throw» new ApiError', 'if (user.locked) «throw» new Error'],
      errors: 2,
      output: "const httpStatus = require('http-status');\nrouter.post('/login', async (req, res, next) => {\n  const user = await User.findOne({ email: req.body.email });\n  if (!user) return next(new ApiError(httpStatus.UNAUTHORIZED, 'Incorrect email or password'));\n  if (user.locked) throw new Error('Account locked');\n  res.json(user);\n});",
    },
  ],
});

describe('status-without-response: the Express version a range pins', () => {
  it('reads the major of pinned ranges and nothing from open ones', () => {
    const majors = Object.fromEntries(['^4.18.2', '~4.17.1', '4.x', '4', '=4.16.0', '>=4.17.1 <5.0.0', '^5.0.0', '5.x', '5.0.0-beta.1', 'next', '*', 'latest', '>=4', '^4 || ^5', 'github:expressjs/express'].map((range) => [range, majorOf(range)]));
    assert.deepEqual(majors, {
      '^4.18.2': 4, '~4.17.1': 4, '4.x': 4, '4': 4, '=4.16.0': 4, '>=4.17.1 <5.0.0': 4, '^5.0.0': 5, '5.x': 5, '5.0.0-beta.1': 5, next: 5,
      '*': undefined, latest: undefined, '>=4': undefined, '^4 || ^5': undefined, 'github:expressjs/express': undefined,
    });
  });

  it('reports nothing in test files', () => {
    const code = "router.get('/x', async (req, res) => {\n  throw new Error('boom');\n});";
    const findings = analyze(code, 'routes/users.test.js', { ...DEFAULT_OPTIONS, ...express4 }).findings.filter((finding) => finding.ruleId === 'status-without-response');
    assert.deepEqual(findings, []);
  });
});
