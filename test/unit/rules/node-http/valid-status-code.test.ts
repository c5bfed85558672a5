// The rule under the node:http adapter. node:http coerces a numeric string (`writeHead('404')`
// sends 404), so a string status is not reported here, unlike Express 5's `res.status('404')`.
import { ruleTests } from '../../ruleTester';
import { server } from './server';

ruleTests(
  'valid-status-code',
  {
    valid: [
      server("  res.writeHead(404, { 'Content-Type': 'text/plain' });\n  res.end('Not found');"),
      server("  res.writeHead('404');\n  res.end();"),
      server("  res.statusCode = '503';\n  res.end();"),
      // Not pinned down.
      server('  res.writeHead(err.statusCode);\n  res.end();'),
    ],
    invalid: [
      {
        code: server("  res.writeHead(2000, { 'Content-Type': 'application/json' });\n  res.end(JSON.stringify({ ok: true }));"),
        at: 'res.writeHead(«2000»',
      },
      {
        code: server("  res.statusCode = 499;\n  res.end('Client closed request');"),
        at: 'res.statusCode = «499»',
      },
      {
        code: server('  res.writeHead(418).end("I\'m a teapot");'),
        at: 'res.writeHead(«418»)',
      },
    ],
  },
  { adapter: 'node:http' },
);
