// The rule under the node:http adapter, whose redirects are a 3xx with a Location header
// (`writeHead(302, { Location })`, or `statusCode` and `setHeader('Location', …)`), then `end()`.
import { ruleTests } from '../../ruleTester';
import { route, server } from './server';

ruleTests(
  'redirect-keeps-method',
  {
    valid: [
      route('POST', '/api/v1/payments', "    res.writeHead(307, { Location: '/api/v2/payments' });\n    res.end();"),
      // Post/Redirect/Get: a form processed, then a page.
      route('POST', '/signup', "    await User.create(await readJson(req));\n    res.writeHead(302, { Location: '/welcome' });\n    res.end();"),
      // A GET handler.
      route('GET', '/api/v1/payments', "    res.writeHead(302, { Location: '/api/v2/payments' });\n    res.end();"),
      // 303 asks for a GET on purpose.
      route('POST', '/api/v1/orders', "    res.statusCode = 303;\n    res.setHeader('Location', '/api/v2/orders');\n    res.end();"),
      // A computed target the file does not spell out.
      route('POST', '/api/v1/payments', '    res.writeHead(302, { Location: nextUrl() });\n    res.end();'),
    ],
    invalid: [
      {
        code: route('POST', '/api/v1/payments', "    res.writeHead(302, { Location: '/api/v2/payments' });\n    res.end();"),
        at: 'res.writeHead(«302»',
        message: /302 turns a forwarded POST into a GET/,
        output: route('POST', '/api/v1/payments', "    res.writeHead(307, { Location: '/api/v2/payments' });\n    res.end();"),
      },
      {
        // The method from a switch; statusCode and setHeader.
        code: server("  if (req.url === '/api/v1/payments') {\n    switch (req.method) {\n      case 'PUT':\n        res.statusCode = 302;\n        res.setHeader('Location', '/api/v2/payments');\n        return res.end();\n    }\n  }"),
        at: 'res.statusCode = «302»',
        output: server("  if (req.url === '/api/v1/payments') {\n    switch (req.method) {\n      case 'PUT':\n        res.statusCode = 307;\n        res.setHeader('Location', '/api/v2/payments');\n        return res.end();\n    }\n  }"),
      },
      {
        // The same URL on another host, with logging before.
        code: server("  if (req.method === 'POST') {\n    console.log('moved', req.url);\n    res.writeHead(302, { 'Location': `https://api.example.com${req.url}` }).end();\n  }"),
        at: 'res.writeHead(«302»',
        output: server("  if (req.method === 'POST') {\n    console.log('moved', req.url);\n    res.writeHead(307, { 'Location': `https://api.example.com${req.url}` }).end();\n  }"),
      },
    ],
  },
  { adapter: 'node:http' },
);
