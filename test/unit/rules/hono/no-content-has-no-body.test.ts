// no-content-has-no-body under the Hono adapter: a 204 with a body; c.body(null, 204) and c.newResponse(null, 204) are the idiom.
import { ruleTests } from '../../ruleTester';
import { app, stokerApp } from './app';

const remove = (answer: string): string => app(`app.delete('/books/:id', async (c) => {\n  await Book.deleteOne({ _id: c.req.param('id') });\n  ${answer}\n});`);

ruleTests(
  'no-content-has-no-body',
  {
    valid: [
      remove('return c.body(null, 204);'),
      remove('return c.newResponse(null, 204);'),
      stokerApp("app.delete('/tasks/:id', async (c) => {\n  await db.delete(tasks).where(eq(tasks.id, c.req.param('id')));\n  return c.body(null, HttpStatusCodes.NO_CONTENT);\n});"),
      remove('return c.json({ deleted: true });'),
    ],
    invalid: [
      {
        code: remove('return c.json({ deleted: true }, 204);'),
        at: 'c.json({ deleted: true }, «204»',
        output: remove('return c.body(null, 204);'),
      },
      {
        code: remove("return c.text('Deleted', 204);"),
        at: "c.text('Deleted', «204»",
        output: remove('return c.body(null, 204);'),
      },
      {
        code: stokerApp("app.delete('/tasks/:id', async (c) => {\n  await db.delete(tasks).where(eq(tasks.id, c.req.param('id')));\n  return c.json({ message: 'Deleted' }, HttpStatusCodes.NO_CONTENT);\n});"),
        at: "c.json({ message: 'Deleted' }, «HttpStatusCodes.NO_CONTENT»",
        output: stokerApp("app.delete('/tasks/:id', async (c) => {\n  await db.delete(tasks).where(eq(tasks.id, c.req.param('id')));\n  return c.body(null, HttpStatusCodes.NO_CONTENT);\n});"),
      },
    ],
  },
  { adapter: 'hono' },
);
