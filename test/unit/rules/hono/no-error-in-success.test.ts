// no-error-in-success under the Hono adapter: a failure body sent with c.json's default 200 or an explicit 200.
import { ruleTests } from '../../ruleTester';
import { app, stokerApp } from './app';

const login = (answer: string): string =>
  app(`app.post('/login', async (c) => {\n  const { email, password } = await c.req.json();\n  const user = await findUser(email);\n  if (!user || !(await verify(password, user.hash))) {\n    ${answer}\n  }\n  return c.json({ token: sign(user) });\n});`);

ruleTests(
  'no-error-in-success',
  {
    valid: [
      login("return c.json({ success: false, error: 'Wrong password' }, 401);"),
      app("app.get('/health', (c) => c.json({ ok: true, uptime: process.uptime() }));"),
      // Traps: an empty 204, and middleware that awaits next().
      app("app.use(async (c, next) => {\n  await next();\n  c.header('X-Powered-By', 'Books');\n});\n\napp.delete('/books/:id', async (c) => {\n  await Book.deleteOne({ _id: c.req.param('id') });\n  return c.body(null, 204);\n});"),
      stokerApp("app.get('/books/:id', async (c) => {\n  const book = await Book.findById(c.req.param('id'));\n  if (!book) return c.json({ error: 'No such book' }, HttpStatusCodes.NOT_FOUND);\n  return c.json(book, HttpStatusCodes.OK);\n});"),
    ],
    invalid: [
      {
        code: login("return c.json({ success: false, error: 'Wrong password' });"),
        at: "return «c.json({ success: false, error: 'Wrong password' })»",
        output: login("return c.json({ success: false, error: 'Wrong password' }, 400);"),
      },
      {
        code: app("app.get('/books/:id', async (c) => {\n  const book = await Book.findById(c.req.param('id'));\n  if (!book) return c.json({ error: 'No such book' }, 200);\n  return c.json(book);\n});"),
        at: "c.json({ error: 'No such book' }, «200»",
        output: app("app.get('/books/:id', async (c) => {\n  const book = await Book.findById(c.req.param('id'));\n  if (!book) return c.json({ error: 'No such book' }, 404);\n  return c.json(book);\n});"),
      },
      {
        code: stokerApp("app.get('/books/:id', async (c) => {\n  const book = await Book.findById(c.req.param('id'));\n  if (!book) return c.json({ error: 'No such book' }, HttpStatusCodes.OK);\n  return c.json(book, HttpStatusCodes.OK);\n});"),
        at: "c.json({ error: 'No such book' }, «HttpStatusCodes.OK»",
        output: stokerApp("app.get('/books/:id', async (c) => {\n  const book = await Book.findById(c.req.param('id'));\n  if (!book) return c.json({ error: 'No such book' }, HttpStatusCodes.NOT_FOUND);\n  return c.json(book, HttpStatusCodes.OK);\n});"),
      },
    ],
  },
  { adapter: 'hono' },
);
