// The rule under the Koa adapter: a 404 for input that failed validation (ctx.query, ctx.request.body).
import { ruleTests } from '../../ruleTester';
import { koaRoute } from './koaCode';

ruleTests(
  'no-not-found-for-validation',
  {
    valid: [
      koaRoute('get', '/users/:id', "  const user = await User.findById(ctx.params.id);\n  ctx.assert(user, 404, 'No such user');\n  ctx.body = user;"),
      koaRoute('get', '/search', "  if (!ctx.query.q) ctx.throw(400, 'q is required');\n  ctx.body = await search(ctx.query.q);"),
      koaRoute('get', '/users/:id', "  const user = await User.findById(ctx.params.id);\n  if (!user) {\n    ctx.status = 404;\n    ctx.body = { error: 'User not found' };\n    return;\n  }\n  ctx.body = user;"),
    ],
    invalid: [
      {
        code: koaRoute('get', '/search', "  if (!ctx.query.q) ctx.throw(404, 'q is required');\n  ctx.body = await search(ctx.query.q);"),
        at: 'ctx.throw(«404»',
        output: koaRoute('get', '/search', "  if (!ctx.query.q) ctx.throw(400, 'q is required');\n  ctx.body = await search(ctx.query.q);"),
      },
      {
        code: koaRoute('post', '/users', "  if (!ctx.request.body.email) {\n    ctx.status = 404;\n    ctx.body = { error: 'email is required' };\n    return;\n  }\n  ctx.body = await User.create(ctx.request.body);"),
        at: 'ctx.status = «404»',
        output: koaRoute('post', '/users', "  if (!ctx.request.body.email) {\n    ctx.status = 400;\n    ctx.body = { error: 'email is required' };\n    return;\n  }\n  ctx.body = await User.create(ctx.request.body);"),
      },
      {
        // ctx.assert answers when the value is falsy: here, a missing field.
        code: koaRoute('get', '/reports', "  ctx.assert(ctx.query.from, 404, 'from is required');\n  ctx.body = await Report.between(ctx.query.from, ctx.query.to);"),
        at: 'ctx.assert(ctx.query.from, «404»',
        output: koaRoute('get', '/reports', "  ctx.assert(ctx.query.from, 400, 'from is required');\n  ctx.body = await Report.between(ctx.query.from, ctx.query.to);"),
      },
    ],
  },
  { adapter: 'koa' },
);
