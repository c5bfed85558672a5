// accepted-for-async under the Hono adapter: work handed to a queue (a Cloudflare queue binding on c.env too) answered 200 or 201.
import { ruleTests } from '../../ruleTester';
import { app } from './app';

ruleTests(
  'accepted-for-async',
  {
    valid: [
      app("app.post('/emails', async (c) => {\n  await queue.add('welcome', await c.req.json());\n  return c.json({ queued: true }, 202);\n});"),
      app("app.post('/books', async (c) => {\n  const book = await Book.create(await c.req.json());\n  return c.json(book, 201);\n});"),
      app("app.get('/exports/:id', async (c) => c.json(await Export.findById(c.req.param('id'))));"),
    ],
    invalid: [
      {
        code: app("app.post('/emails', async (c) => {\n  await queue.add('welcome', await c.req.json());\n  return c.json({ queued: true });\n});"),
        at: 'return «c.json({ queued: true })»',
        output: app("app.post('/emails', async (c) => {\n  await queue.add('welcome', await c.req.json());\n  return c.json({ queued: true }, 202);\n});"),
      },
      {
        code: app("app.post('/exports', async (c) => {\n  await c.env.EXPORTS_QUEUE.send({ userId: c.get('user').id });\n  return c.json({ status: 'queued' }, 201);\n});"),
        at: "c.json({ status: 'queued' }, «201»",
        output: app("app.post('/exports', async (c) => {\n  await c.env.EXPORTS_QUEUE.send({ userId: c.get('user').id });\n  return c.json({ status: 'queued' }, 202);\n});"),
      },
      {
        code: app("app.post('/exports', async (c) => {\n  const job = await exportQueue.add('csv', { userId: c.get('user').id });\n  c.status(201);\n  return c.json({ jobId: job.id });\n});"),
        at: 'c.status(«201»)',
        output: app("app.post('/exports', async (c) => {\n  const job = await exportQueue.add('csv', { userId: c.get('user').id });\n  c.status(202);\n  return c.json({ jobId: job.id });\n});"),
      },
    ],
  },
  { adapter: 'hono' },
);
