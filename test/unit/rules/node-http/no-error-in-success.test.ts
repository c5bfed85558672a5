// The rule under the node:http adapter: failures inside `JSON.stringify(…)` bodies sent with a 2xx.
import { ruleTests } from '../../ruleTester';
import { route, server } from './server';

ruleTests(
  'no-error-in-success',
  {
    valid: [
      server("  res.writeHead(200, { 'Content-Type': 'application/json' });\n  res.end(JSON.stringify({ data: 1, error: null }));"),
      server("  res.statusCode = 200;\n  res.end(JSON.stringify({ items: [], errors: [] }));"),
      // The failure is already a 4xx.
      route('POST', '/login', "    res.writeHead(401, { 'WWW-Authenticate': 'Bearer' });\n    res.end(JSON.stringify({ success: false, error: 'Wrong password' }));"),
      server('  res.end(JSON.stringify({ success: true }));'),
      // An empty error code one level down.
      server("  res.end(JSON.stringify({ data: { error_code: null } }));"),
      // A dynamic status.
      server("  res.writeHead(code);\n  res.end(JSON.stringify({ error: 'nope' }));"),
    ],
    invalid: [
      {
        // An error code one level down.
        code: route('POST', '/pay', "    res.writeHead(200, { 'Content-Type': 'application/json' });\n    res.end(JSON.stringify({ data: { error_code: 'CARD_DECLINED' } }));"),
        at: 'res.writeHead(«200»',
        message: /`data: \{ error_code: … \}`/,
        output: route('POST', '/pay', "    res.writeHead(400, { 'Content-Type': 'application/json' });\n    res.end(JSON.stringify({ data: { error_code: 'CARD_DECLINED' } }));"),
      },
      {
        code: route('POST', '/login', "    res.writeHead(200, { 'Content-Type': 'application/json' });\n    res.end(JSON.stringify({ success: false, error: 'Wrong password' }));"),
        at: 'res.writeHead(«200»',
        output: route('POST', '/login', "    res.writeHead(400, { 'Content-Type': 'application/json' });\n    res.end(JSON.stringify({ success: false, error: 'Wrong password' }));"),
      },
      {
        // An implicit 200: the fix makes the status explicit with writeHead.
        code: server("  res.setHeader('Content-Type', 'application/json');\n  res.end(JSON.stringify({ error: 'User not found' }));"),
        at: "  «res.end(JSON.stringify({ error: 'User not found' }))»",
        output: server("  res.setHeader('Content-Type', 'application/json');\n  res.writeHead(404).end(JSON.stringify({ error: 'User not found' }));"),
      },
      {
        // Inside a catch: 500.
        code: server("  try {\n    res.end(JSON.stringify(await Report.build()));\n  } catch (err) {\n    res.statusCode = 200;\n    res.end(JSON.stringify({ status: 'error' }));\n  }", { async: true }),
        at: 'res.statusCode = «200»',
        output: server("  try {\n    res.end(JSON.stringify(await Report.build()));\n  } catch (err) {\n    res.statusCode = 500;\n    res.end(JSON.stringify({ status: 'error' }));\n  }", { async: true }),
      },
    ],
  },
  { adapter: 'node:http' },
);
