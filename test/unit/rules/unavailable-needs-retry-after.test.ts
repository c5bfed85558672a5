import { ruleTests } from '../ruleTester';

ruleTests('unavailable-needs-retry-after', {
  valid: [
    "app.use((req, res, next) => {\n  if (shuttingDown) {\n    return res.status(503).set('Retry-After', '10').json({ error: 'Shutting down' });\n  }\n  next();\n});",
    // Health probes poll on their own schedule.
    "app.get('/health', async (req, res) => {\n  const ok = await db.ping();\n  res.status(ok ? 200 : 503).json({ ok });\n});",
    "app.get('/health', (req, res) => {\n  res.status(503).json({ status: 'down' });\n});",
    "app.get('/readyz', (req, res) => {\n  res.sendStatus(503);\n});",
    "http.createServer((req, res) => {\n  if (req.url === '/health') {\n    res.writeHead(dbUp ? 200 : 503);\n    return res.end();\n  }\n  if (req.url === '/healthz' && !dbUp) {\n    res.writeHead(503);\n    return res.end();\n  }\n});",
    // The response goes through a helper that may set the header.
    "app.use((req, res, next) => {\n  maintenance.apply(res);\n  res.status(503).end();\n});",
    "function handle(req, res) {\n  res.writeHead(503, { 'Retry-After': '120' });\n  res.end();\n}",
    // 502 is another story.
    "app.get('/pay', (req, res) => {\n  res.status(502).json({ error: 'Payment service sent a bad answer' });\n});",
    // The status is not pinned down.
    "app.use((err, req, res, next) => {\n  res.status(err.statusCode).json({ error: 'Request failed' });\n});",
  ],
  invalid: [
    {
      code: "app.use((req, res, next) => {\n  if (maintenance) {\n    return res.status(503).json({ error: 'Back soon' });\n  }\n  next();\n});",
      at: 'status(«503»)',
      message: /503 Service Unavailable without a Retry-After header/,
      output: "app.use((req, res, next) => {\n  if (maintenance) {\n    return res.status(503).set('Retry-After', '60').json({ error: 'Back soon' });\n  }\n  next();\n});",
    },
    {
      // A seconds value at the top of the file is used.
      code: "const retryAfterSeconds = 30;\napp.use((req, res, next) => {\n  if (shuttingDown) return res.status(503).send('Shutting down');\n  next();\n});",
      at: 'status(«503»)',
      output: "const retryAfterSeconds = 30;\napp.use((req, res, next) => {\n  if (shuttingDown) return res.status(503).set('Retry-After', String(retryAfterSeconds)).send('Shutting down');\n  next();\n});",
    },
    {
      // writeHead's headers object on one line.
      code: "function handle(req, res) {\n  res.writeHead(503, { 'Content-Type': 'text/plain' });\n  res.end('Down for maintenance');\n}",
      at: 'writeHead(«503»',
      output: "function handle(req, res) {\n  res.writeHead(503, { 'Content-Type': 'text/plain', 'Retry-After': '60' });\n  res.end('Down for maintenance');\n}",
    },
    {
      code: "app.get('/reports', (req, res) => {\n  res.sendStatus(503);\n});",
      at: 'sendStatus(«503»)',
      output: "app.get('/reports', (req, res) => {\n  res.set('Retry-After', '60').sendStatus(503);\n});",
    },
    {
      // node:http has no res.set: setHeader is used.
      code: "function handle(req, res) {\n  res.statusCode = 503;\n  res.end();\n}",
      at: '= «503»',
      output: "function handle(req, res) {\n  res.statusCode = 503;\n  res.setHeader('Retry-After', '60').end();\n}",
    },
    {
      // The status set on one line, sent on the next.
      code: "app.get('/reports', (req, res) => {\n  res.status(503);\n  res.json({ error: 'Busy' });\n});",
      at: 'status(«503»)',
      output: "app.get('/reports', (req, res) => {\n  res.status(503);\n  res.set('Retry-After', '60').json({ error: 'Busy' });\n});",
    },
    {
      // Named constants, one call per line.
      code: "import { StatusCodes } from 'http-status-codes';\napp.get('/reports', (req, res) => {\n  res\n    .status(StatusCodes.SERVICE_UNAVAILABLE)\n    .json({ error: 'Busy' });\n});",
      at: 'status(«StatusCodes.SERVICE_UNAVAILABLE»)',
      output: "import { StatusCodes } from 'http-status-codes';\napp.get('/reports', (req, res) => {\n  res\n    .status(StatusCodes.SERVICE_UNAVAILABLE)\n    .set('Retry-After', '60')\n    .json({ error: 'Busy' });\n});",
    },
    {
      // A catch that answers for a database that is down.
      code: "app.get('/reports', async (req, res) => {\n  try {\n    res.json(await Report.find());\n  } catch (err) {\n    res.status(503).json({ error: 'Database unavailable' });\n  }\n});",
      at: 'status(«503»)',
      output: "app.get('/reports', async (req, res) => {\n  try {\n    res.json(await Report.find());\n  } catch (err) {\n    res.status(503).set('Retry-After', '60').json({ error: 'Database unavailable' });\n  }\n});",
    },
  ],
});
