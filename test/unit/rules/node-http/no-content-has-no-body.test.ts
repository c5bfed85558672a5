// The rule under the node:http adapter: a body passed to `res.end(…)` after `writeHead(204)` or `statusCode = 304`.
import { ruleTests } from '../../ruleTester';
import { server } from './server';

const CONDITIONAL_GET = (answer: string): string =>
  server(`  if (req.headers['if-none-match'] === etag) {\n${answer}\n  }\n  res.setHeader('ETag', etag);\n  res.end(JSON.stringify(feed));`);

ruleTests(
  'no-content-has-no-body',
  {
    valid: [
      server("  if (req.method === 'DELETE') {\n    store.delete(req.url);\n    res.writeHead(204).end();\n  }"),
      CONDITIONAL_GET('    res.statusCode = 304;\n    return res.end();'),
      // An empty string or null sends nothing.
      server("  res.writeHead(204, { 'Content-Type': 'text/plain' });\n  res.end('');"),
      server('  res.statusCode = 204;\n  res.end(null);'),
      // A body with 200 is fine.
      server("  res.writeHead(200, { 'Content-Type': 'application/json' });\n  res.end(JSON.stringify({ deleted: true }));"),
    ],
    invalid: [
      {
        code: server("  if (req.method === 'DELETE') {\n    store.delete(req.url);\n    res.writeHead(204, { 'Content-Type': 'application/json' });\n    res.end(JSON.stringify({ deleted: true }));\n  }"),
        at: 'res.writeHead(«204»',
        output: server("  if (req.method === 'DELETE') {\n    store.delete(req.url);\n    res.writeHead(204, { 'Content-Type': 'application/json' });\n    res.end();\n  }"),
      },
      {
        code: CONDITIONAL_GET("    res.statusCode = 304;\n    return res.end('Not Modified');"),
        at: 'res.statusCode = «304»',
        message: /304 Not Modified cannot carry a body/,
        output: CONDITIONAL_GET('    res.statusCode = 304;\n    return res.end();'),
      },
      {
        code: server('  res.writeHead(204).end(JSON.stringify({ ok: true }));'),
        at: 'res.writeHead(«204»)',
        output: server('  res.writeHead(204).end();'),
      },
    ],
  },
  { adapter: 'node:http' },
);
