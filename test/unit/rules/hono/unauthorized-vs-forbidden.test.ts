// unauthorized-vs-forbidden under the Hono adapter: credentials read through c.req.header, the user from c.get, HTTPException.
import { ruleTests } from '../../ruleTester';
import { app } from './app';

ruleTests(
  'unauthorized-vs-forbidden',
  {
    valid: [
      app("app.get('/admin', (c) => {\n  if (!c.req.header('Authorization')) {\n    return c.json({ error: 'Log in first' }, 401, { 'WWW-Authenticate': 'Bearer' });\n  }\n  return c.json(stats());\n});"),
      app("app.get('/admin', (c) => {\n  const user = c.get('user');\n  if (user.role !== 'admin') return c.json({ error: 'Admins only' }, 403);\n  return c.json(stats());\n});"),
      app("app.get('/admin', (c) => {\n  if (c.get('user').role !== 'admin') throw new HTTPException(403, { message: 'Admins only' });\n  return c.json(stats());\n});"),
    ],
    invalid: [
      {
        code: app("app.get('/admin', (c) => {\n  if (!c.req.header('Authorization')) {\n    return c.json({ error: 'Log in first' }, 403);\n  }\n  return c.json(stats());\n});"),
        at: "c.json({ error: 'Log in first' }, «403»",
        output: app("app.get('/admin', (c) => {\n  if (!c.req.header('Authorization')) {\n    return c.json({ error: 'Log in first' }, 401, { 'WWW-Authenticate': 'Bearer' });\n  }\n  return c.json(stats());\n});"),
      },
      {
        code: app("app.get('/admin', (c) => {\n  const user = c.get('user');\n  if (user.role !== 'admin') {\n    return c.json({ error: 'Admins only' }, 401);\n  }\n  return c.json(stats());\n});"),
        at: "c.json({ error: 'Admins only' }, «401»",
        output: app("app.get('/admin', (c) => {\n  const user = c.get('user');\n  if (user.role !== 'admin') {\n    return c.json({ error: 'Admins only' }, 403);\n  }\n  return c.json(stats());\n});"),
      },
      {
        code: app("app.get('/admin', (c) => {\n  if (!c.req.header('Authorization')) throw new HTTPException(403, { message: 'Log in first' });\n  return c.json(stats());\n});"),
        at: 'new HTTPException(«403»',
        output: app("app.get('/admin', (c) => {\n  if (!c.req.header('Authorization')) throw new HTTPException(401, { message: 'Log in first' });\n  return c.json(stats());\n});"),
      },
      {
        // A permission name in snake_case reads like its camelCase.
        code: app("app.get('/books', async (c) => {\n  const session = await getSession(c);\n  if (!session.values.email_verified) return c.json({ error: 'User is not verified.' }, 401);\n  return c.json(await listBooks(session.values.user_id));\n});"),
        at: "c.json({ error: 'User is not verified.' }, «401»",
        output: app("app.get('/books', async (c) => {\n  const session = await getSession(c);\n  if (!session.values.email_verified) return c.json({ error: 'User is not verified.' }, 403);\n  return c.json(await listBooks(session.values.user_id));\n});"),
      },
    ],
  },
  { adapter: 'hono' },
);
