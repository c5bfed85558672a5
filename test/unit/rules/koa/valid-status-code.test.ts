// The rule under the Koa adapter: numbers outside 100–599, unregistered codes, and a string status,
// which Koa rejects ("status code must be a number").
import { ruleTests } from '../../ruleTester';
import { koaRoute } from './koaCode';

ruleTests(
  'valid-status-code',
  {
    valid: [
      koaRoute('get', '/orders/:id', "  ctx.status = 404;\n  ctx.body = { error: 'No such order' };"),
      koaRoute('get', '/orders/:id', "  ctx.throw(404, 'No such order');"),
      // A dynamic status is not pinned down.
      koaRoute('get', '/orders/:id', '  ctx.status = upstream.status;\n  ctx.body = upstream.body;'),
    ],
    invalid: [
      {
        code: koaRoute('get', '/orders/:id', "  ctx.status = '404';\n  ctx.body = { error: 'No such order' };"),
        at: "ctx.status = «'404'»",
        message: /Koa throws for it/,
        output: koaRoute('get', '/orders/:id', "  ctx.status = 404;\n  ctx.body = { error: 'No such order' };"),
        only: 'js',
      },
      {
        code: koaRoute('get', '/coffee', "  ctx.throw(418, 'No coffee here');"),
        at: 'ctx.throw(«418»',
      },
      {
        code: koaRoute('get', '/items', '  ctx.status = 2000;\n  ctx.body = items;'),
        at: 'ctx.status = «2000»',
      },
    ],
  },
  { adapter: 'koa' },
);
