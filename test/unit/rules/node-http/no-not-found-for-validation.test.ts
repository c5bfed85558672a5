// The rule under the node:http adapter: the catch-all 404 of a hand-written router stays quiet;
// a 404 for a bad body field (read with `await readJson(req)`) or a validation message is reported.
import { ruleTests } from '../../ruleTester';
import { route, server } from './server';

ruleTests(
  'no-not-found-for-validation',
  {
    valid: [
      // A lookup found nothing: exactly what 404 is for.
      route('GET', '/me', "    const user = await User.findById(req.headers['x-user-id']);\n    if (!user) {\n      res.writeHead(404, { 'Content-Type': 'application/json' });\n      return res.end(JSON.stringify({ error: 'User not found' }));\n    }\n    res.end(JSON.stringify(user));"),
      // The catch-all of a router written by hand: no route matched the URL.
      server("  if (req.method === 'GET' && req.url === '/health') {\n    return res.end('ok');\n  }\n  res.writeHead(404, { 'Content-Type': 'text/plain' });\n  res.end('Invalid URL');"),
      // A method switch with no case for the request's URL.
      server("  switch (req.url) {\n    case '/users':\n      return res.end(JSON.stringify(users));\n    default:\n      res.statusCode = 404;\n      res.end();\n  }"),
      // Already 400.
      route('POST', '/search', "    const body = await readJson(req);\n    if (!body.q) return res.writeHead(400).end(JSON.stringify({ error: 'q is required' }));"),
    ],
    invalid: [
      {
        code: route('POST', '/search', "    const body = await readJson(req);\n    if (!body.q) {\n      res.writeHead(404, { 'Content-Type': 'application/json' });\n      return res.end(JSON.stringify({ error: 'Nothing to search for' }));\n    }"),
        at: 'res.writeHead(«404»',
        output: route('POST', '/search', "    const body = await readJson(req);\n    if (!body.q) {\n      res.writeHead(400, { 'Content-Type': 'application/json' });\n      return res.end(JSON.stringify({ error: 'Nothing to search for' }));\n    }"),
      },
      {
        // A message that reads like validation, with statusCode.
        code: server("  const url = new URL(req.url, 'http://localhost');\n  if (!url.searchParams.has('q')) {\n    res.statusCode = 404;\n    return res.end('q is required');\n  }"),
        at: 'res.statusCode = «404»',
        output: server("  const url = new URL(req.url, 'http://localhost');\n  if (!url.searchParams.has('q')) {\n    res.statusCode = 400;\n    return res.end('q is required');\n  }"),
      },
      {
        // Names destructured from the parsed body.
        code: route('POST', '/transfers', "    const { amount } = JSON.parse(await readBody(req));\n    if (typeof amount !== 'number') return res.writeHead(404).end();"),
        at: 'res.writeHead(«404»)',
        output: route('POST', '/transfers', "    const { amount } = JSON.parse(await readBody(req));\n    if (typeof amount !== 'number') return res.writeHead(400).end();"),
      },
    ],
  },
  { adapter: 'node:http' },
);
