// The rule under the node:http adapter: error details inside `res.end(JSON.stringify(…))` or sent as text.
import { ruleTests } from '../../ruleTester';
import { server } from './server';

const guarded = (recover: string): string => server(`  try {\n    res.end(JSON.stringify(await User.find()));\n  } catch (err) {\n${recover}\n  }`, { async: true });

ruleTests(
  'no-leaked-error-details',
  {
    valid: [
      guarded("    console.error(err);\n    res.writeHead(500, { 'Content-Type': 'application/json' });\n    res.end(JSON.stringify({ error: 'Internal server error' }));"),
      // `err.code` says which failure without describing the server.
      guarded('    res.statusCode = 500;\n    res.end(JSON.stringify({ code: err.code }));'),
      // Guarded by an environment check.
      guarded("    res.writeHead(500);\n    res.end(process.env.NODE_ENV === 'development' ? err.stack : 'Internal server error');"),
      // A 4xx may carry the message the code meant for the client.
      guarded("    res.writeHead(400, { 'Content-Type': 'text/plain' });\n    res.end(err.message);"),
    ],
    invalid: [
      {
        code: guarded("    res.writeHead(500, { 'Content-Type': 'application/json' });\n    res.end(JSON.stringify({ error: err.message, stack: err.stack }));"),
        at: 'res.writeHead(«500»',
        message: /sends `err\.message` to the client/,
        output: guarded("    console.error(err);\n    res.writeHead(500, { 'Content-Type': 'application/json' });\n    res.end(JSON.stringify({ error: 'Internal server error' }));"),
      },
      {
        code: guarded('    res.statusCode = 500;\n    res.end(String(err));'),
        at: 'res.statusCode = «500»',
        output: guarded("    console.error(err);\n    res.statusCode = 500;\n    res.end('Internal server error');"),
      },
      {
        // The handler logs already: only the body changes.
        code: guarded('    logger.error(err);\n    res.writeHead(500).end(err.stack);'),
        at: 'res.writeHead(«500»)',
        output: guarded("    logger.error(err);\n    res.writeHead(500).end('Internal server error');"),
      },
      {
        // A dynamic status in a catch: reported, the fix not preferred.
        code: guarded('    res.writeHead(err.statusCode || 500);\n    res.end(JSON.stringify(err));'),
        at: 'res.writeHead(«err.statusCode || 500»)',
      },
    ],
  },
  { adapter: 'node:http' },
);
