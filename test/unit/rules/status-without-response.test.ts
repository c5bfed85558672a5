import { ruleTests } from '../ruleTester';

ruleTests('status-without-response', {
  valid: [
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
  ],
});
