// unauthorized-needs-www-authenticate under the Hono adapter: the header as c.json's third argument, or c.header() before.
import { ruleTests } from '../../ruleTester';
import { app, stokerApp } from './app';

const me = (answer: string): string =>
  app(`app.get('/me', (c) => {\n  if (!c.req.header('Authorization')) {\n${answer}\n  }\n  return c.json(c.get('user'));\n});`);

ruleTests(
  'unauthorized-needs-www-authenticate',
  {
    valid: [
      me("    return c.json({ error: 'Sign in first' }, 401, { 'WWW-Authenticate': 'Bearer' });"),
      me("    c.header('WWW-Authenticate', 'Bearer');\n    return c.json({ error: 'Sign in first' }, 401);"),
      me("    c.res.headers.set('WWW-Authenticate', 'Bearer');\n    return c.json({ error: 'Sign in first' }, 401);"),
      me("    return c.json({ error: 'Sign in first' }, { status: 401, headers: challenge });"),
      // A helper handed the context, whose result is not used, may set the header.
      me("    await challenge(c);\n    return c.json({ error: 'Sign in first' }, 401);"),
    ],
    invalid: [
      {
        code: me("    return c.json({ error: 'Sign in first' }, 401);"),
        at: "c.json({ error: 'Sign in first' }, «401»",
        output: me("    return c.json({ error: 'Sign in first' }, 401, { 'WWW-Authenticate': 'Bearer' });"),
      },
      {
        code: me("    c.status(401);\n    return c.json({ error: 'Sign in first' });"),
        at: 'c.status(«401»)',
        output: me("    c.status(401);\n    c.header('WWW-Authenticate', 'Bearer');\n    return c.json({ error: 'Sign in first' });"),
      },
      {
        code: stokerApp("app.get('/me', async (c) => {\n  const session = await getSession(getCookie(c, 'sid'));\n  if (!session) return c.json({ message: 'Unauthorized' }, HttpStatusCodes.UNAUTHORIZED, { 'Cache-Control': 'no-store' });\n  return c.json(session.user);\n});"),
        at: "c.json({ message: 'Unauthorized' }, «HttpStatusCodes.UNAUTHORIZED»",
        output: stokerApp("app.get('/me', async (c) => {\n  const session = await getSession(getCookie(c, 'sid'));\n  if (!session) return c.json({ message: 'Unauthorized' }, HttpStatusCodes.UNAUTHORIZED, { 'Cache-Control': 'no-store', 'WWW-Authenticate': 'Bearer' });\n  return c.json(session.user);\n});"),
      },
      {
        // A helper that reads the context (its result is used) sets no header.
        code: app("app.get('/me', async (c) => {\n  const session = await getSession(c);\n  if (!session) return c.text('Sign in first', 401);\n  return c.json(session.user);\n});"),
        at: "c.text('Sign in first', «401»",
        output: app("app.get('/me', async (c) => {\n  const session = await getSession(c);\n  if (!session) return c.text('Sign in first', 401, { 'WWW-Authenticate': 'Bearer' });\n  return c.json(session.user);\n});"),
      },
    ],
  },
  { adapter: 'hono' },
);
