// The rule under the node:http adapter: Retry-After in `writeHead`'s headers or a `setHeader` call.
import { ruleTests } from '../../ruleTester';
import { server } from './server';

const limited = (answer: string): string => server(`  if (!limiter.take(req.socket.remoteAddress)) {\n${answer}\n  }\n  res.end('ok');`);

ruleTests(
  'rate-limit-needs-retry-after',
  {
    valid: [
      limited("    res.writeHead(429, { 'Retry-After': '60', 'Content-Type': 'text/plain' });\n    return res.end('Too many requests');"),
      limited("    res.setHeader('Retry-After', 30);\n    res.statusCode = 429;\n    return res.end();"),
      // The response handed to other code that may set headers.
      limited('    limiter.setHeaders(req, res);\n    res.writeHead(429);\n    return res.end();'),
      // Headers whose names the file does not spell out.
      limited('    res.writeHead(429, limitHeaders);\n    return res.end();'),
    ],
    invalid: [
      {
        code: limited("    res.writeHead(429, { 'Content-Type': 'application/json' });\n    return res.end(JSON.stringify({ error: 'Too many requests' }));"),
        at: 'res.writeHead(«429»',
        output: limited("    res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '60' });\n    return res.end(JSON.stringify({ error: 'Too many requests' }));"),
      },
      {
        // A variable in scope holds the wait.
        code: server("  const retryAfter = limiter.secondsUntilReset();\n  if (retryAfter > 0) {\n    res.statusCode = 429;\n    return res.end('Slow down');\n  }\n  res.end('ok');"),
        at: 'res.statusCode = «429»',
        output: server("  const retryAfter = limiter.secondsUntilReset();\n  if (retryAfter > 0) {\n    res.statusCode = 429;\n    return res.setHeader('Retry-After', String(retryAfter)).end('Slow down');\n  }\n  res.end('ok');"),
      },
      {
        code: limited('    return res.writeHead(429).end();'),
        at: 'res.writeHead(«429»)',
        output: limited("    return res.writeHead(429, { 'Retry-After': '60' }).end();"),
      },
    ],
  },
  { adapter: 'node:http' },
);
