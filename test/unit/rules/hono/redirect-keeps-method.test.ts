// redirect-keeps-method under the Hono adapter: c.redirect's default 302 (or an explicit one) forwarding a POST.
import { ruleTests } from '../../ruleTester';
import { app } from './app';

ruleTests(
  'redirect-keeps-method',
  {
    valid: [
      app("app.post('/contact', async (c) => {\n  await Message.create(await c.req.json());\n  return c.redirect('/thanks');\n});"),
      app("app.get('/api/v1/users', (c) => c.redirect('/api/v2/users'));"),
      app("app.post('/api/v1/payments', (c) => c.redirect('/api/v2/payments', 307));"),
      app("app.post('/api/v1/payments', (c) => c.redirect('/api/v2/payments', 303));"),
    ],
    invalid: [
      {
        code: app("app.post('/api/v1/payments', (c) => {\n  return c.redirect('/api/v2/payments');\n});"),
        at: "return «c.redirect('/api/v2/payments')»",
        output: app("app.post('/api/v1/payments', (c) => {\n  return c.redirect('/api/v2/payments', 307);\n});"),
      },
      {
        code: app("app.post('/api/v1/payments', (c) => c.redirect('/api/v2/payments', 302));"),
        at: "c.redirect('/api/v2/payments', «302»",
        output: app("app.post('/api/v1/payments', (c) => c.redirect('/api/v2/payments', 307));"),
      },
      {
        code: app("app.post('/orders', (c) => {\n  c.status(302);\n  return c.redirect('/v2/orders');\n});"),
        at: 'c.status(«302»)',
        output: app("app.post('/orders', (c) => {\n  c.status(307);\n  return c.redirect('/v2/orders');\n});"),
      },
    ],
  },
  { adapter: 'hono' },
);
