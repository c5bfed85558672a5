// error-needs-detail under the Hono adapter: a 400 sent with c.body(null, …), an empty c.text, or a bare HTTPException.
import { ruleTests } from '../../ruleTester';
import { app } from './app';

const users = (check: string): string =>
  app(`app.post('/users', async (c) => {\n  const body = await c.req.json();\n  if (!body.email) {\n    ${check}\n  }\n  return c.json(await createUser(body), 201);\n});`);

ruleTests(
  'error-needs-detail',
  {
    valid: [
      users("return c.json({ error: 'email is required', fields: ['email'] }, 400);"),
      users("return c.text('email is required', 400);"),
      // Trap: an empty 204 is not an error without detail.
      app("app.delete('/users/:id', async (c) => {\n  await deleteUser(c.req.param('id'));\n  return c.newResponse(null, 204);\n});"),
    ],
    invalid: [
      {
        code: users('return c.body(null, 400);'),
        at: 'return c.body(null, «400»',
        keeps: ['Send an { error, fields } body'],
      },
      {
        code: users("return c.text('', 400);"),
        at: "return c.text('', «400»",
        keeps: ['Send an { error, fields } body'],
      },
      {
        code: "import { Hono } from 'hono';\nimport { HTTPException } from 'hono/http-exception';\n\nconst app = new Hono();\n\napp.post('/users', async (c) => {\n  const body = await c.req.json();\n  if (!body.email) throw new HTTPException(400);\n  return c.json(await createUser(body), 201);\n});",
        at: 'throw new HTTPException(«400»',
      },
    ],
  },
  { adapter: 'hono' },
);
