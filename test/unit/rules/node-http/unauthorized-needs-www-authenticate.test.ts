// The rule under the node:http adapter: `writeHead`'s headers, `statusCode` with `setHeader`.
import { ruleTests } from '../../ruleTester';
import { server } from './server';

ruleTests(
  'unauthorized-needs-www-authenticate',
  {
    valid: [
      server("  if (!req.headers.authorization) {\n    res.writeHead(401, { 'WWW-Authenticate': 'Bearer' });\n    return res.end();\n  }\n  res.end('ok');"),
      server("  res.setHeader('WWW-Authenticate', 'Basic realm=\"admin\"');\n  res.statusCode = 401;\n  res.end();"),
      // Headers whose names the file does not spell out.
      server('  res.writeHead(401, challengeHeaders);\n  res.end();'),
      server("  res.writeHead(403, { 'Content-Type': 'text/plain' });\n  res.end('Admins only');"),
    ],
    invalid: [
      {
        code: server("  if (!req.headers.authorization) {\n    res.writeHead(401, { 'Content-Type': 'application/json' });\n    return res.end(JSON.stringify({ error: 'Token required' }));\n  }\n  res.end('ok');"),
        at: 'res.writeHead(«401»',
        output: server("  if (!req.headers.authorization) {\n    res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer' });\n    return res.end(JSON.stringify({ error: 'Token required' }));\n  }\n  res.end('ok');"),
      },
      {
        code: server("  res.statusCode = 401;\n  res.end('Sign in first');"),
        at: 'res.statusCode = «401»',
        output: server("  res.statusCode = 401;\n  res.setHeader('WWW-Authenticate', 'Bearer').end('Sign in first');"),
      },
      {
        code: server('  res.writeHead(401);\n  res.end();'),
        at: 'res.writeHead(«401»)',
        output: server("  res.writeHead(401, { 'WWW-Authenticate': 'Bearer' });\n  res.end();"),
      },
    ],
  },
  { adapter: 'node:http' },
);
