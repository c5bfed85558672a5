// no-not-found-for-validation under the Hono adapter: 404 for input read through c.req that fails a check.
import { ruleTests } from '../../ruleTester';
import { app, stokerApp } from './app';

ruleTests(
  'no-not-found-for-validation',
  {
    valid: [
      app("app.get('/search', (c) => {\n  const q = c.req.query('q');\n  if (!q) return c.json({ error: 'q is required' }, 400);\n  return c.json(search(q));\n});"),
      app("app.get('/books/:id', async (c) => {\n  const book = await Book.findById(c.req.param('id'));\n  if (!book) return c.json({ error: 'No such book' }, 404);\n  return c.json(book);\n});"),
      // A row a write did not find (`returning()` gives back none) is missing, not invalid.
      stokerApp("app.patch('/tasks/:id', async (c) => {\n  const updates = c.req.valid('json');\n  const [task] = await db.update(tasks).set(updates).where(eq(tasks.id, c.req.param('id'))).returning();\n  if (!task) return c.json({ message: 'Not Found' }, HttpStatusCodes.NOT_FOUND);\n  return c.json(task, HttpStatusCodes.OK);\n});"),
    ],
    invalid: [
      {
        code: app("app.get('/search', (c) => {\n  const q = c.req.query('q');\n  if (!q) {\n    return c.json({ error: 'q is required' }, 404);\n  }\n  return c.json(search(q));\n});"),
        at: "c.json({ error: 'q is required' }, «404»",
        output: app("app.get('/search', (c) => {\n  const q = c.req.query('q');\n  if (!q) {\n    return c.json({ error: 'q is required' }, 400);\n  }\n  return c.json(search(q));\n});"),
      },
      {
        code: app("app.post('/users', async (c) => {\n  const { email } = await c.req.json();\n  if (!email) return c.json({ error: 'email is required' }, 404);\n  return c.json(await User.create({ email }), 201);\n});"),
        at: "c.json({ error: 'email is required' }, «404»",
        output: app("app.post('/users', async (c) => {\n  const { email } = await c.req.json();\n  if (!email) return c.json({ error: 'email is required' }, 400);\n  return c.json(await User.create({ email }), 201);\n});"),
      },
      {
        code: stokerApp("app.get('/reports', (c) => {\n  const { from, to } = c.req.valid('query');\n  if (!from || !to) {\n    return c.text('from and to are required', HttpStatusCodes.NOT_FOUND);\n  }\n  return c.json(report(from, to));\n});"),
        at: "c.text('from and to are required', «HttpStatusCodes.NOT_FOUND»",
        output: stokerApp("app.get('/reports', (c) => {\n  const { from, to } = c.req.valid('query');\n  if (!from || !to) {\n    return c.text('from and to are required', HttpStatusCodes.BAD_REQUEST);\n  }\n  return c.json(report(from, to));\n});"),
      },
    ],
  },
  { adapter: 'hono' },
);
