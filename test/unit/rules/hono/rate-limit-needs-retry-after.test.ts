// rate-limit-needs-retry-after under the Hono adapter: a 429 from c.json or c.text without Retry-After.
import { ruleTests } from '../../ruleTester';
import { app } from './app';

const messages = (answer: string): string =>
  app(`app.post('/messages', async (c) => {\n  if (await tooManyRequests(c.req.header('x-forwarded-for'))) {\n${answer}\n  }\n  return c.json(await send(await c.req.json()), 201);\n});`);

ruleTests(
  'rate-limit-needs-retry-after',
  {
    valid: [
      messages("    return c.json({ error: 'Slow down' }, 429, { 'Retry-After': '60' });"),
      messages("    c.header('Retry-After', String(limit.reset));\n    return c.text('Slow down', 429);"),
      messages("    return c.json({ error: 'Slow down' }, { status: 429, headers: { 'Retry-After': '30' } });"),
    ],
    invalid: [
      {
        code: messages("    return c.json({ error: 'Slow down' }, 429);"),
        at: "c.json({ error: 'Slow down' }, «429»",
        output: messages("    return c.json({ error: 'Slow down' }, 429, { 'Retry-After': '60' });"),
      },
      {
        code: messages("    return c.text('Slow down', { status: 429 });"),
        at: "c.text('Slow down', { status: «429» }",
        output: messages("    return c.text('Slow down', { status: 429, headers: { 'Retry-After': '60' } });"),
      },
      {
        code: app("app.post('/messages', async (c) => {\n  if (await tooManyRequests(c.req.header('x-forwarded-for'))) c.status(429);\n  return c.json({ error: 'Slow down' });\n});"),
        at: 'c.status(«429»)',
        output: app("app.post('/messages', async (c) => {\n  if (await tooManyRequests(c.req.header('x-forwarded-for'))) c.status(429);\n  c.header('Retry-After', '60');\n  return c.json({ error: 'Slow down' });\n});"),
      },
    ],
  },
  { adapter: 'hono' },
);
