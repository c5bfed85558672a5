import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleTests } from '../ruleTester';
import { fixOutput, fixTitles } from './fixOutput';

const withQuota =
  "app.post('/messages', async (req, res) => {\n  const { limit, remaining, resetAt } = await limiter.check(req.ip);\n  if (remaining <= 0) {\n    return res.status(429).json({ error: 'Slow down' });\n  }\n  res.status(201).json(await send(req.body));\n});";

ruleTests('rate-limit-needs-retry-after', {
  valid: [
    "app.post('/messages', (req, res) => {\n  res.status(429).set('Retry-After', '60').json({ error: 'Slow down' });\n});",
    // Set by an earlier statement, in any of Express's spellings.
    "app.post('/messages', (req, res) => {\n  res.header('Retry-After', String(wait));\n  res.status(429).json({ error: 'Slow down' });\n});",
    "app.post('/messages', (req, res) => {\n  res.append('retry-after', '30');\n  res.sendStatus(429);\n});",
    "app.post('/messages', (req, res) => {\n  res.status(429).set({ 'Retry-After': '5', 'X-RateLimit-Remaining': '0' }).end();\n});",
    "function handle(req, res) {\n  res.writeHead(429, { 'Retry-After': '30' });\n  res.end();\n}",
    // Headers whose names the file does not spell out.
    "app.post('/messages', (req, res) => {\n  res.set(rateLimitHeaders(info));\n  res.status(429).json({ error: 'Slow down' });\n});",
    // The response goes through the limiter, which may set them.
    "app.post('/messages', (req, res) => {\n  limiter.setHeaders(req, res);\n  res.status(429).json({ error: 'Slow down' });\n});",
    // express-rate-limit sets Retry-After before it calls the handler of its options.
    "app.use(rateLimit({ windowMs: 60000, max: 100, handler: (req, res) => res.status(429).json({ error: 'Slow down' }) }));",
    "const onLimit = (req, res) => {\n  res.status(429).json({ error: 'Slow down' });\n};\napp.use(rateLimit({ max: 100, handler: onLimit }));",
    // Another status.
    "app.post('/messages', (req, res) => {\n  res.status(400).json({ error: 'text is required' });\n});",
  ],
  invalid: [
    {
      code: "app.post('/messages', (req, res) => {\n  return res.status(429).json({ error: 'Slow down' });\n});",
      at: 'status(«429»)',
      message: /429 Too Many Requests without a Retry-After header/,
      output: "app.post('/messages', (req, res) => {\n  return res.status(429).set('Retry-After', '60').json({ error: 'Slow down' });\n});",
    },
    {
      // A seconds value in scope is used.
      code: "app.post('/messages', (req, res) => {\n  const retryAfter = Math.ceil((resetAt - Date.now()) / 1000);\n  res.status(429).json({ error: 'Slow down' });\n});",
      at: 'status(«429»)',
      output: "app.post('/messages', (req, res) => {\n  const retryAfter = Math.ceil((resetAt - Date.now()) / 1000);\n  res.status(429).set('Retry-After', String(retryAfter)).json({ error: 'Slow down' });\n});",
    },
    {
      // rate-limiter-flexible reports milliseconds: converted to seconds.
      code: "app.post('/messages', async (req, res) => {\n  try {\n    await limiter.consume(req.ip);\n  } catch (rejection) {\n    const { msBeforeNext } = rejection;\n    return res.status(429).send('Too many requests');\n  }\n  res.json(await send(req.body));\n});",
      at: 'status(«429»)',
      output: "app.post('/messages', async (req, res) => {\n  try {\n    await limiter.consume(req.ip);\n  } catch (rejection) {\n    const { msBeforeNext } = rejection;\n    return res.status(429).set('Retry-After', String(Math.ceil(msBeforeNext / 1000))).send('Too many requests');\n  }\n  res.json(await send(req.body));\n});",
    },
    {
      // One call per line keeps its layout.
      code: "app.post('/messages', (req, res) => {\n  res\n    .status(429)\n    .json({ error: 'Slow down' });\n});",
      at: 'status(«429»)',
      output: "app.post('/messages', (req, res) => {\n  res\n    .status(429)\n    .set('Retry-After', '60')\n    .json({ error: 'Slow down' });\n});",
    },
    {
      code: "app.post('/messages', (req, res) => {\n  res.sendStatus(429);\n});",
      at: 'sendStatus(«429»)',
      output: "app.post('/messages', (req, res) => {\n  res.set('Retry-After', '60').sendStatus(429);\n});",
    },
    {
      // The status set on one line, sent on the next.
      code: "app.post('/messages', (req, res) => {\n  res.status(429);\n  res.json({ error: 'Slow down' });\n});",
      at: 'status(«429»)',
      output: "app.post('/messages', (req, res) => {\n  res.status(429);\n  res.set('Retry-After', '60').json({ error: 'Slow down' });\n});",
    },
    {
      // writeHead's headers object, one property per line.
      code: "function handle(req, res) {\n  res.writeHead(429, {\n    'Content-Type': 'text/plain',\n  });\n  res.end('Slow down');\n}",
      at: 'writeHead(«429»',
      output: "function handle(req, res) {\n  res.writeHead(429, {\n    'Content-Type': 'text/plain',\n    'Retry-After': '60',\n  });\n  res.end('Slow down');\n}",
    },
    {
      // Quota variables in scope: a second fix adds the X-RateLimit-* headers too.
      code: withQuota,
      at: 'status(«429»)',
      output: withQuota.replace(".status(429).json", ".status(429).set('Retry-After', '60').json"),
    },
    {
      // Each branch of a conditional status is a response of its own: the 429 one says nothing of when to retry.
      code: "app.post('/messages', (req, res) => {\n  res.status(limited ? 429 : 200).json(result);\n});",
      at: 'limited ? «429» : 200',
      output: "app.post('/messages', (req, res) => {\n  res.status(limited ? 429 : 200).set('Retry-After', '60').json(result);\n});",
    },
  ],
});

describe('rate-limit-needs-retry-after: quota headers', () => {
  it('takes the X-RateLimit-* values from variables in scope', () => {
    assert.match(
      fixOutput('rate-limit-needs-retry-after', withQuota, 'X-RateLimit'),
      /\.status\(429\)\.set\('Retry-After', '60'\)\.set\('X-RateLimit-Limit', String\(limit\)\)\.set\('X-RateLimit-Remaining', String\(remaining\)\)\.set\('X-RateLimit-Reset', String\(resetAt\)\)\.json/,
    );
  });

  it('does not make up a limit or reset time the code does not hold', () => {
    const code = "app.post('/messages', (req, res) => {\n  res.status(429).json({ error: 'Slow down' });\n});";
    assert.deepEqual(fixTitles('rate-limit-needs-retry-after', code), ['Add Retry-After: 60 header']);
  });
});
