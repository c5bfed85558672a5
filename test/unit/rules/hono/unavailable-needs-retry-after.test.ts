// unavailable-needs-retry-after under the Hono adapter: a 503 from middleware or a handler without Retry-After.
import { ruleTests } from '../../ruleTester';
import { app, stokerApp } from './app';

const maintenance = (answer: string): string => app(`app.use(async (c, next) => {\n  if (maintenance) {\n${answer}\n  }\n  await next();\n});`);

ruleTests(
  'unavailable-needs-retry-after',
  {
    valid: [
      maintenance("    return c.json({ error: 'Back soon' }, 503, { 'Retry-After': '600' });"),
      maintenance("    c.header('Retry-After', '600');\n    return c.text('Back soon', 503);"),
      // A health route: its probes poll on their own schedule.
      app("app.get('/health', async (c) => ((await db.ping()) ? c.json({ ok: true }) : c.json({ ok: false }, 503)));"),
    ],
    invalid: [
      {
        code: maintenance("    return c.json({ error: 'Back soon' }, 503);"),
        at: "c.json({ error: 'Back soon' }, «503»",
        output: maintenance("    return c.json({ error: 'Back soon' }, 503, { 'Retry-After': '60' });"),
      },
      {
        code: maintenance("    return c.html('<h1>Back soon</h1>', 503);"),
        at: "c.html('<h1>Back soon</h1>', «503»",
        output: maintenance("    return c.html('<h1>Back soon</h1>', 503, { 'Retry-After': '60' });"),
      },
      {
        code: stokerApp("app.post('/orders', async (c) => {\n  if (!(await payments.ready())) {\n    return c.json({ error: 'Payments are paused' }, { status: HttpStatusCodes.SERVICE_UNAVAILABLE });\n  }\n  return c.json(await placeOrder(c.req.valid('json')), HttpStatusCodes.CREATED);\n});"),
        at: "{ status: «HttpStatusCodes.SERVICE_UNAVAILABLE» }",
        output: stokerApp("app.post('/orders', async (c) => {\n  if (!(await payments.ready())) {\n    return c.json({ error: 'Payments are paused' }, { status: HttpStatusCodes.SERVICE_UNAVAILABLE, headers: { 'Retry-After': '60' } });\n  }\n  return c.json(await placeOrder(c.req.valid('json')), HttpStatusCodes.CREATED);\n});"),
      },
    ],
  },
  { adapter: 'hono' },
);
