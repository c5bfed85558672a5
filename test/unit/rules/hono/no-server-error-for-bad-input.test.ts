// no-server-error-for-bad-input under the Hono adapter: input read through c.req (json, valid, query) answered 500.
import { ruleTests } from '../../ruleTester';
import { app, stokerApp } from './app';

const signup = (check: string): string =>
  app(`app.post('/signup', async (c) => {\n  const body = await c.req.json();\n${check}\n  return c.json(await Account.create(body), 201);\n});`);

ruleTests(
  'no-server-error-for-bad-input',
  {
    valid: [
      signup("  if (!body.email) {\n    return c.json({ error: 'email is required' }, 400);\n  }"),
      app("app.post('/signup', async (c) => {\n  try {\n    return c.json(await Account.create(await c.req.json()), 201);\n  } catch (err) {\n    return c.json({ error: 'Could not create the account' }, 500);\n  }\n});"),
      app("app.onError((err, c) => c.json({ error: 'Something went wrong' }, 500));"),
    ],
    invalid: [
      {
        code: signup("  if (!body.email) {\n    return c.json({ error: 'email is required' }, 500);\n  }"),
        at: "c.json({ error: 'email is required' }, «500»",
        output: signup("  if (!body.email) {\n    return c.json({ error: 'email is required' }, 400);\n  }"),
      },
      {
        code: app("app.post('/signup', zValidator('json', schema), async (c) => {\n  const { email } = c.req.valid('json');\n  if (!email.includes('@')) return c.text('email is invalid', 500);\n  return c.json(await Account.create({ email }), 201);\n});"),
        at: "c.text('email is invalid', «500»",
        output: app("app.post('/signup', zValidator('json', schema), async (c) => {\n  const { email } = c.req.valid('json');\n  if (!email.includes('@')) return c.text('email is invalid', 400);\n  return c.json(await Account.create({ email }), 201);\n});"),
      },
      {
        code: stokerApp("app.get('/books', async (c) => {\n  const page = Number(c.req.query('page'));\n  if (Number.isNaN(page)) {\n    return c.json({ error: 'page must be a number' }, HttpStatusCodes.INTERNAL_SERVER_ERROR);\n  }\n  return c.json(await listBooks(page));\n});"),
        at: "c.json({ error: 'page must be a number' }, «HttpStatusCodes.INTERNAL_SERVER_ERROR»",
        output: stokerApp("app.get('/books', async (c) => {\n  const page = Number(c.req.query('page'));\n  if (Number.isNaN(page)) {\n    return c.json({ error: 'page must be a number' }, HttpStatusCodes.BAD_REQUEST);\n  }\n  return c.json(await listBooks(page));\n});"),
      },
    ],
  },
  { adapter: 'hono' },
);
