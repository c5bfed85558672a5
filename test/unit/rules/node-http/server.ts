// Wraps handler code the way node:http code is written: `http.createServer((req, res) => { … })`.
export const server = (body: string, { async = false } = {}): string =>
  `const http = require('node:http');\nhttp.createServer(${async ? 'async ' : ''}(req, res) => {\n${body}\n}).listen(3000);`;

/** An async handler answering `method url` with `body` inside its check (`if (req.method === 'POST' && req.url === '/users')`). */
export const route = (method: string, url: string, body: string): string =>
  server(`  if (req.method === '${method}' && req.url === '${url}') {\n${body}\n  }`, { async: true });
