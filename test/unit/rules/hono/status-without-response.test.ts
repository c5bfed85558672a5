// status-without-response under the Hono adapter: c.status(N) with no response returned after it.
import { ruleTests } from '../../ruleTester';
import { app } from './app';

ruleTests(
  'status-without-response',
  {
    valid: [
      app("app.post('/books', async (c) => {\n  c.status(201);\n  return c.json(await Book.create(await c.req.json()));\n});"),
      // Middleware: the handler after next() answers with this status.
      app("app.use('/legacy/*', async (c, next) => {\n  c.status(410);\n  await next();\n});\n\napp.get('/legacy/books', (c) => c.json({ error: 'Gone' }));"),
      app("app.get('/books/:id', (c) => {\n  c.status(404);\n  return renderNotFound(c);\n});"),
      app("app.get('/health', async (c) => {\n  if (!(await db.ping())) c.status(503);\n  return c.json({ ok: true });\n});"),
    ],
    invalid: [
      {
        code: app("app.delete('/sessions/current', async (c) => {\n  await deleteSession(c.get('session'));\n  c.status(204);\n});"),
        at: 'c.status(«204»)',
        output: app("app.delete('/sessions/current', async (c) => {\n  await deleteSession(c.get('session'));\n  return c.body(null, 204);\n});"),
      },
      {
        code: app("app.get('/health', async (c) => {\n  if (!(await db.ping())) {\n    c.status(503);\n  }\n});"),
        at: 'c.status(«503»)',
        output: app("app.get('/health', async (c) => {\n  if (!(await db.ping())) {\n    return c.body(null, 503);\n  }\n});"),
      },
      {
        code: app("app.post('/logout', async (c) => {\n  if (!c.get('session')) {\n    c.status(401);\n    return;\n  }\n  await deleteSession(c.get('session'));\n  return c.body(null, 204);\n});"),
        at: 'c.status(«401»)',
        output: app("app.post('/logout', async (c) => {\n  if (!c.get('session')) {\n    return c.body(null, 401);\n  }\n  await deleteSession(c.get('session'));\n  return c.body(null, 204);\n});"),
      },
    ],
  },
  { adapter: 'hono' },
);
