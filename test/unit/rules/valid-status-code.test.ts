import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_OPTIONS } from '../../../server/src/analysis';
import { ruleTests } from '../ruleTester';

ruleTests('valid-status-code', {
  valid: [
    "app.get('/x', (req, res) => {\n  res.status(200).json({ ok: true });\n});",
    // Registered codes outside the guide's list are fine.
    "app.get('/x', (req, res) => {\n  res.status(451).send('Unavailable for legal reasons');\n});",
    "app.get('/x', (req, res) => {\n  res.sendStatus(103);\n});",
    // A dynamic status: the file does not say what it is.
    "app.use((err, req, res, next) => {\n  res.status(err.status || 500).json({ error: 'Failed' });\n});",
    // Named constants that resolve to registered codes.
    "import { StatusCodes } from 'http-status-codes';\napp.get('/x', (req, res) => {\n  res.status(StatusCodes.MOVED_TEMPORARILY).end();\n});",
    // An unregistered number in a test assertion is not a response.
    "it('brews', async () => {\n  await request(app).get('/coffee').expect(418);\n});",
    // Not a response object: a fetch result.
    "async function load() {\n  const res = await fetch('/api');\n  return res.status(2000);\n}",
    // A string that is not a status number is someone else's business (and stays dynamic).
    "app.get('/x', (req, res) => {\n  res.status('ok').end();\n});",
    // `res.statusCode = '404'` works in Node, which converts it.
    "app.get('/x', (req, res) => {\n  res.statusCode = '404';\n  res.end();\n});",
  ],
  invalid: [
    {
      // Out of range: no guess at what was meant, so no fix.
      code: "app.get('/x', (req, res) => {\n  res.status(2000).json({ ok: true });\n});",
      at: 'status(«2000»)',
      message: /^Status 2000 is not a valid HTTP status: Express and Node throw/,
    },
    {
      code: "app.get('/x', (req, res) => {\n  res.sendStatus(99);\n});",
      at: 'sendStatus(«99»)',
      message: /Status 99 is not a valid/,
    },
    {
      // 600–999 are sent but mean nothing to clients.
      code: "app.get('/x', (req, res) => {\n  res.status(600).end();\n});",
      at: 'status(«600»)',
      message: /HTTP defines 100–599 only/,
    },
    {
      code: "app.get('/coffee', (req, res) => {\n  res.status(418).json({ error: 'No coffee' });\n});",
      at: 'status(«418»)',
      message: /418 is not in the IANA registry: I'm a Teapot \(an April Fools' RFC.*\. Clients that do not know it treat it as 400/,
    },
    {
      // A named constant of an unregistered code is named in the message.
      code: "import { StatusCodes } from 'http-status-codes';\napp.get('/coffee', (req, res) => {\n  res.status(StatusCodes.IM_A_TEAPOT).end();\n});",
      at: 'status(«StatusCodes.IM_A_TEAPOT»)',
      message: /Status 418 \(`StatusCodes\.IM_A_TEAPOT`\)/,
    },
    {
      code: "app.get('/x', (req, res) => {\n  res.statusCode = 499;\n  res.end();\n});",
      at: '= «499»',
      message: /499 .*nginx/,
    },
    {
      code: "app.get('/x', (req, res) => {\n  res.writeHead(509, { 'Content-Type': 'text/plain' });\n  res.end('Over quota');\n});",
      at: 'writeHead(«509»',
      message: /509 is not in the IANA registry/,
    },
    {
      // A string status: the fix writes the number, keeping everything else.
      code: "app.get('/x', (req, res) => {\n  res.status('404').json({ error: 'Not found' });\n});",
      at: 'status(«\'404\'»)',
      message: /string '404'.*Express 5 throws/,
      output: "app.get('/x', (req, res) => {\n  res.status(404).json({ error: 'Not found' });\n});",
    },
    {
      code: 'app.get("/x", (req, res) => {\n  res.sendStatus("204")\n})',
      at: 'sendStatus(«"204"»)',
      output: 'app.get("/x", (req, res) => {\n  res.sendStatus(204)\n})',
    },
    {
      // Two sites, two findings.
      code: "app.get('/x', (req, res) => {\n  if (req.query.a) return res.status(299).end();\n  res.status(700).end();\n});",
      at: ['status(«299»)', 'status(«700»)'],
      errors: 2,
    },
  ],
});

describe('valid-status-code severities', () => {
  const severities = (body: string, rules: Record<string, 'error' | 'warning' | 'hint'> = {}): string[] =>
    analyze(`app.get('/x', (req, res) => {\n  ${body}\n});`, 'a.js', { ...DEFAULT_OPTIONS, rules })
      .findings.filter((finding) => finding.ruleId === 'valid-status-code')
      .map((finding) => finding.severity);

  it('grades an out-of-range number as an error by default', () => {
    assert.deepEqual(severities('res.status(1000).end();'), ['error']);
  });

  it('grades an unregistered code as a warning by default', () => {
    assert.deepEqual(severities('res.status(418).end();'), ['warning']);
  });

  it('uses the severity the user configured for every finding', () => {
    assert.deepEqual(severities('res.status(1000).end();', { 'valid-status-code': 'hint' }), ['hint']);
    assert.deepEqual(severities('res.status(418).end();', { 'valid-status-code': 'error' }), ['error']);
  });
});
