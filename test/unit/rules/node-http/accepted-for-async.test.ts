// The rule under the node:http adapter: the route comes from `req.method`/`req.url` checks and `switch (req.method)`.
import { ruleTests } from '../../ruleTester';
import { server } from './server';

const async = { async: true };

ruleTests(
  'accepted-for-async',
  {
    valid: [
      server("  if (req.method === 'POST' && req.url === '/reports') {\n    const job = await reportQueue.add('generate', { at: Date.now() });\n    res.writeHead(202, { 'Content-Type': 'application/json' });\n    return res.end(JSON.stringify({ jobId: job.id }));\n  }\n  res.writeHead(404).end();", async),
      // A read that also publishes an event: GET routes are not reported.
      server("  if (req.method === 'GET' && req.url === '/articles') {\n    await eventQueue.add('viewed', { url: req.url });\n    res.writeHead(200, { 'Content-Type': 'application/json' });\n    res.end(JSON.stringify({ ok: true }));\n  }", async),
      // The handler creates the user; the queued email is a side effect.
      server("  switch (req.method) {\n    case 'POST': {\n      const user = await User.create({ email: 'a@b.c' });\n      await emailQueue.add('welcome', { userId: user.id });\n      res.statusCode = 201;\n      res.end(JSON.stringify(user));\n      break;\n    }\n  }", async),
      // The queue call is in another case of the switch.
      server("  switch (req.method) {\n    case 'DELETE':\n      await cleanupQueue.add('purge', {});\n      res.writeHead(202).end();\n      break;\n    case 'POST':\n      res.writeHead(200).end(JSON.stringify(await buildReport()));\n      break;\n  }", async),
      // `add` on something that is not a queue.
      server("  cart.add(req.url);\n  res.writeHead(201, { 'Content-Type': 'application/json' });\n  res.end(JSON.stringify({ items: cart.size }));"),
    ],
    invalid: [
      {
        code: server("  if (req.method === 'POST' && req.url === '/reports') {\n    const job = await reportQueue.add('generate', { at: Date.now() });\n    res.writeHead(201, { 'Content-Type': 'application/json' });\n    return res.end(JSON.stringify({ jobId: job.id }));\n  }\n  res.writeHead(404).end();", async),
        at: 'res.writeHead(«201»',
        output: server("  if (req.method === 'POST' && req.url === '/reports') {\n    const job = await reportQueue.add('generate', { at: Date.now() });\n    res.writeHead(202, { 'Content-Type': 'application/json' });\n    return res.end(JSON.stringify({ jobId: job.id }));\n  }\n  res.writeHead(404).end();", async),
      },
      {
        // An implicit 200 in a `case`: the fix makes 202 explicit with writeHead.
        code: server("  switch (req.method) {\n    case 'POST':\n      await emailQueue.add('send', { to: req.headers['x-to'] });\n      res.end(JSON.stringify({ queued: true }));\n      break;\n    default:\n      res.writeHead(405).end();\n  }", async),
        at: '      «res.end(JSON.stringify({ queued: true }))»',
        output: server("  switch (req.method) {\n    case 'POST':\n      await emailQueue.add('send', { to: req.headers['x-to'] });\n      res.writeHead(202).end(JSON.stringify({ queued: true }));\n      break;\n    default:\n      res.writeHead(405).end();\n  }", async),
      },
      {
        // RabbitMQ, with `statusCode`.
        code: server("  channel.sendToQueue('thumbnails', Buffer.from(req.url));\n  res.statusCode = 200;\n  res.end('Queued');"),
        at: 'res.statusCode = «200»',
        output: server("  channel.sendToQueue('thumbnails', Buffer.from(req.url));\n  res.statusCode = 202;\n  res.end('Queued');"),
      },
    ],
  },
  { adapter: 'node:http' },
);
