// Koa code for the rule tables: a route of an `@koa/router` router, with its body.
export const koaRoute = (method: string, path: string, body: string, params = 'ctx'): string =>
  `const Router = require('@koa/router');\nconst router = new Router();\nrouter.${method}('${path}', async (${params}) => {\n${body}\n});`;
