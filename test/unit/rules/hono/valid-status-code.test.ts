// valid-status-code under the Hono adapter: every status position of a response (argument, ResponseInit, c.status, HTTPException).
import { ruleTests } from '../../ruleTester';
import { app, stokerApp } from './app';

ruleTests(
  'valid-status-code',
  {
    valid: [
      app("app.get('/books/:id', (c) => c.json({ error: 'No such book' }, 404));"),
      stokerApp("app.get('/coffee', (c) => c.json({ error: 'No coffee here' }, HttpStatusCodes.NOT_IMPLEMENTED));"),
      // Hono hands the status to `new Response`, which converts a numeric string.
      app("app.get('/books/:id', (c) => c.text('No such book', '404'));"),
      app("app.get('/old', (c) => c.redirect('/new', 308));"),
    ],
    invalid: [
      { code: app("app.get('/coffee', (c) => {\n  return c.json({ error: 'No coffee here' }, 418);\n});"), at: "c.json({ error: 'No coffee here' }, «418»" },
      { code: app("app.get('/x', (c) => c.json({ error: 'Bad' }, 4000));"), at: "c.json({ error: 'Bad' }, «4000»" },
      { code: app("app.get('/x', (c) => {\n  c.status(99);\n  return c.json({ ok: true });\n});"), at: 'c.status(«99»)' },
      { code: app("app.get('/x', (c) => c.redirect('/y', 399));"), at: "c.redirect('/y', «399»" },
      { code: app("app.get('/x', (c) => c.json({ error: 'Bad' }, { status: 600 }));"), at: '{ status: «600» }' },
      { code: app("app.get('/x', (c) => {\n  throw new HTTPException(460, { message: 'Nope' });\n});"), at: 'new HTTPException(«460»' },
    ],
  },
  { adapter: 'hono' },
);
