// The rule under the node:http adapter: `writeHead` or `statusCode` with nothing that ends the response.
import { ruleTests } from '../../ruleTester';
import { server } from './server';

ruleTests(
  'status-without-response',
  {
    valid: [
      server("  res.statusCode = 404;\n  res.setHeader('Content-Type', 'text/plain');\n  res.end('Not found');"),
      // A stream answers: write() starts it, pipe() finishes it.
      server("  res.writeHead(200, { 'Content-Type': 'text/event-stream' });\n  res.write('retry: 1000\\n\\n');"),
      server("  res.writeHead(200, { 'Content-Type': 'application/pdf' });\n  fs.createReadStream(file).pipe(res);"),
      // Code handed the response finishes it.
      server('  res.statusCode = 500;\n  sendError(res, new Error(\'boom\'));'),
      // Ended later, after the headers.
      // A later send on any path is trusted to answer (as in Express code).
      server("  if (!req.headers.authorization) {\n    res.writeHead(401, { 'WWW-Authenticate': 'Bearer' });\n  } else {\n    res.end('ok');\n  }"),
      server("  if (req.method === 'DELETE') {\n    res.writeHead(204);\n    store.clear();\n    res.end();\n  }"),
    ],
    invalid: [
      {
        code: server("  if (req.method === 'DELETE') {\n    store.clear();\n    res.writeHead(204);\n    return;\n  }\n  log(req.url);"),
        at: 'res.writeHead(«204»)',
        output: server("  if (req.method === 'DELETE') {\n    store.clear();\n    res.writeHead(204).end();\n    return;\n  }\n  log(req.url);"),
      },
      {
        code: server("  switch (req.method) {\n    case 'GET':\n      res.end('ok');\n      break;\n    default:\n      res.statusCode = 405;\n  }"),
        at: 'res.statusCode = «405»',
        output: server("  switch (req.method) {\n    case 'GET':\n      res.end('ok');\n      break;\n    default:\n      res.statusCode = 405;\n      res.end();\n  }"),
      },
      {
        // Nothing later sends: the client waits.
        code: server("  if (!req.headers.authorization) {\n    res.writeHead(401, { 'WWW-Authenticate': 'Bearer' });\n  }"),
        at: 'res.writeHead(«401»',
        output: server("  if (!req.headers.authorization) {\n    res.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end();\n  }"),
      },
    ],
  },
  { adapter: 'node:http' },
);
