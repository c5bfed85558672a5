// The rule under the node:http adapter: Retry-After in `writeHead`'s headers or a `setHeader` call;
// health checks recognised from `req.url`.
import { ruleTests } from '../../ruleTester';
import { server } from './server';

const maintenance = (answer: string): string => server(`  if (maintenanceMode) {\n${answer}\n  }\n  app(req, res);`);

ruleTests(
  'unavailable-needs-retry-after',
  {
    valid: [
      maintenance("    res.writeHead(503, { 'Retry-After': '120', 'Content-Type': 'text/plain' });\n    return res.end('Down for maintenance');"),
      maintenance("    res.setHeader('Retry-After', '120');\n    res.statusCode = 503;\n    return res.end();"),
      // A readiness probe polls on its own schedule.
      server("  if (req.url === '/readyz') {\n    res.writeHead(db.connected ? 200 : 503);\n    return res.end();\n  }\n  if (req.url === '/health' && !db.connected) {\n    res.statusCode = 503;\n    return res.end('db down');\n  }"),
      // Headers whose names the file does not spell out.
      maintenance('    res.writeHead(503, maintenanceHeaders);\n    return res.end();'),
    ],
    invalid: [
      {
        code: maintenance("    res.writeHead(503, { 'Content-Type': 'text/plain' });\n    return res.end('Down for maintenance');"),
        at: 'res.writeHead(«503»',
        output: maintenance("    res.writeHead(503, { 'Content-Type': 'text/plain', 'Retry-After': '60' });\n    return res.end('Down for maintenance');"),
      },
      {
        code: server("  const retryAfter = shutdown.secondsLeft();\n  if (shuttingDown) {\n    res.statusCode = 503;\n    res.end();\n    return;\n  }\n  res.end('ok');"),
        at: 'res.statusCode = «503»',
        output: server("  const retryAfter = shutdown.secondsLeft();\n  if (shuttingDown) {\n    res.statusCode = 503;\n    res.setHeader('Retry-After', String(retryAfter)).end();\n    return;\n  }\n  res.end('ok');"),
      },
      {
        code: maintenance('    return res.writeHead(503).end();'),
        at: 'res.writeHead(«503»)',
        output: maintenance("    return res.writeHead(503, { 'Retry-After': '60' }).end();"),
      },
    ],
  },
  { adapter: 'node:http' },
);
