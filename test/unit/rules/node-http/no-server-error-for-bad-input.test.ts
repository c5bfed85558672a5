// The rule under the node:http adapter: request input read with `await readJson(req)` or
// `url.searchParams.get(…)` (there is no `req.body` or `req.query`).
import { ruleTests } from '../../ruleTester';
import { route, server } from './server';

const QUERY = "  const url = new URL(req.url, 'http://localhost');\n";

ruleTests(
  'no-server-error-for-bad-input',
  {
    valid: [
      route('POST', '/signup', "    const body = await readJson(req);\n    if (!body.email) {\n      res.writeHead(400, { 'Content-Type': 'application/json' });\n      return res.end(JSON.stringify({ error: 'email is required' }));\n    }\n    res.writeHead(201).end();"),
      // A catch whose try also does other work: the failure may be the server's.
      route('POST', '/signup', '    try {\n      await Account.create(await readJson(req));\n      res.writeHead(201).end();\n    } catch (err) {\n      res.statusCode = 500;\n      res.end();\n    }'),
      // A mode switch on good input.
      server(`${QUERY}  if (url.searchParams.get('format') === 'csv') {\n    res.writeHead(500);\n    return res.end('CSV export is broken');\n  }`),
      // A route check is not input.
      server("  if (req.url === '/crash') {\n    res.writeHead(500).end();\n  }"),
      // A lookup checked before its use (with `lookupFailures` on).
      {
        code: server(`${QUERY}  try {\n    const user = await User.findOne({ name: url.searchParams.get('name') });\n    if (!user) return res.writeHead(404).end();\n    res.end(JSON.stringify(user.profile));\n  } catch (err) {\n    res.writeHead(500).end();\n  }`, { async: true }),
        options: { lookupFailures: true },
      },
    ],
    invalid: [
      {
        code: route('POST', '/signup', "    const body = await readJson(req);\n    if (!body.email) {\n      res.writeHead(500, { 'Content-Type': 'application/json' });\n      return res.end(JSON.stringify({ error: 'email is required' }));\n    }\n    res.writeHead(201).end();"),
        at: 'res.writeHead(«500», {',
        output: route('POST', '/signup', "    const body = await readJson(req);\n    if (!body.email) {\n      res.writeHead(400, { 'Content-Type': 'application/json' });\n      return res.end(JSON.stringify({ error: 'email is required' }));\n    }\n    res.writeHead(201).end();"),
      },
      {
        code: server(`${QUERY}  const page = Number(url.searchParams.get('page'));\n  if (isNaN(page)) {\n    res.statusCode = 500;\n    return res.end();\n  }`),
        at: 'res.statusCode = «500»',
        output: server(`${QUERY}  const page = Number(url.searchParams.get('page'));\n  if (isNaN(page)) {\n    res.statusCode = 400;\n    return res.end();\n  }`),
      },
      {
        // A validation error type in the catch.
        code: route('POST', '/orders', "    try {\n      await Order.create(schema.parse(await readJson(req)));\n      res.writeHead(201).end();\n    } catch (err) {\n      if (err instanceof ZodError) return res.writeHead(500).end(JSON.stringify({ issues: err.issues }));\n      throw err;\n    }"),
        at: 'res.writeHead(«500»)',
        output: route('POST', '/orders', "    try {\n      await Order.create(schema.parse(await readJson(req)));\n      res.writeHead(201).end();\n    } catch (err) {\n      if (err instanceof ZodError) return res.writeHead(400).end(JSON.stringify({ issues: err.issues }));\n      throw err;\n    }"),
      },
      {
        // A record looked up by a query key and used unchecked: the added check answers in node:http's idiom.
        code: server(`${QUERY}  try {\n    const user = await User.findOne({ name: url.searchParams.get('name') });\n    res.end(JSON.stringify(user.profile));\n  } catch (err) {\n    res.writeHead(500).end();\n  }`, { async: true }),
        options: { lookupFailures: true },
        at: 'res.writeHead(«500»)',
        message: /missing record/,
        output: server(`${QUERY}  try {\n    const user = await User.findOne({ name: url.searchParams.get('name') });\n    if (!user) return res.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'User not found' }));\n    res.end(JSON.stringify(user.profile));\n  } catch (err) {\n    res.writeHead(500).end();\n  }`, { async: true }),
      },
    ],
  },
  { adapter: 'node:http' },
);
