// no-success-for-missing under the Hono adapter: a lookup that found nothing answered with c.json's default 200.
import { ruleTests } from '../../ruleTester';
import { app, stokerApp } from './app';

const user = (missing: string): string =>
  app(`app.get('/users/:id', async (c) => {\n  const user = await User.findById(c.req.param('id'));\n  if (!user) {\n    ${missing}\n  }\n  return c.json(user);\n});`);

ruleTests(
  'no-success-for-missing',
  {
    valid: [
      user("return c.json({ error: 'User not found' }, 404);"),
      user('return c.notFound();'),
      stokerApp("app.get('/tasks/:id', async (c) => {\n  const { id } = c.req.valid('param');\n  const task = await db.query.tasks.findFirst({ where: eq(tasks.id, id) });\n  if (!task) return c.json({ message: 'Not Found' }, HttpStatusCodes.NOT_FOUND);\n  return c.json(task, HttpStatusCodes.OK);\n});"),
    ],
    invalid: [
      {
        code: user('return c.json({ data: null });'),
        at: 'return «c.json({ data: null })»',
        output: user("return c.json({ error: 'User not found' }, 404);"),
      },
      {
        code: user('return c.json(null, 200);'),
        at: 'return c.json(null, «200»)',
        output: user("return c.json({ error: 'User not found' }, 404);"),
      },
      {
        code: stokerApp("app.get('/tasks/:id', async (c) => {\n  const { id } = c.req.valid('param');\n  const task = await db.query.tasks.findFirst({ where: eq(tasks.id, id) });\n  if (!task) return c.json({ task: null }, HttpStatusCodes.OK);\n  return c.json(task, HttpStatusCodes.OK);\n});"),
        at: 'if (!task) return c.json({ task: null }, «HttpStatusCodes.OK»',
        output: stokerApp("app.get('/tasks/:id', async (c) => {\n  const { id } = c.req.valid('param');\n  const task = await db.query.tasks.findFirst({ where: eq(tasks.id, id) });\n  if (!task) return c.json({ error: 'Task not found' }, HttpStatusCodes.NOT_FOUND);\n  return c.json(task, HttpStatusCodes.OK);\n});"),
      },
    ],
  },
  { adapter: 'hono' },
);
