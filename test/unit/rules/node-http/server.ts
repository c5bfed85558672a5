// Wraps a handler body the way node:http code is written: `http.createServer((req, res) => { … })`.
export const server = (body: string, { async = false } = {}): string =>
  `const http = require('node:http');\nhttp.createServer(${async ? 'async ' : ''}(req, res) => {\n${body}\n}).listen(3000);`;
