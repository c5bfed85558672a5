// The rule under the Koa adapter: a 5xx (set, thrown or asserted) for input that failed validation.
import { ruleTests } from '../../ruleTester';
import { koaRoute } from './koaCode';

ruleTests(
  'no-server-error-for-bad-input',
  {
    valid: [
      koaRoute('post', '/users', "  if (!ctx.request.body.email) ctx.throw(400, 'email is required');\n  ctx.body = await User.create(ctx.request.body);"),
      koaRoute('get', '/report', "  try {\n    ctx.body = await buildReport();\n  } catch (err) {\n    ctx.status = 500;\n    ctx.body = { error: 'Report failed' };\n  }"),
      // The default 500 of ctx.throw(message) for a failure of the server itself.
      koaRoute('get', '/stats', "  const stats = await loadStats();\n  if (!stats) ctx.throw('Stats are unavailable');\n  ctx.body = stats;"),
    ],
    invalid: [
      {
        code: koaRoute('post', '/users', "  if (!ctx.request.body.email) {\n    ctx.status = 500;\n    ctx.body = { error: 'email is required' };\n    return;\n  }\n  ctx.body = await User.create(ctx.request.body);"),
        at: 'ctx.status = «500»',
        output: koaRoute('post', '/users', "  if (!ctx.request.body.email) {\n    ctx.status = 400;\n    ctx.body = { error: 'email is required' };\n    return;\n  }\n  ctx.body = await User.create(ctx.request.body);"),
      },
      {
        code: koaRoute('post', '/users', "  const { email } = ctx.request.body;\n  ctx.assert(email, 500, 'email is required');\n  ctx.body = await User.create(ctx.request.body);"),
        at: 'ctx.assert(email, «500»',
        output: koaRoute('post', '/users', "  const { email } = ctx.request.body;\n  ctx.assert(email, 400, 'email is required');\n  ctx.body = await User.create(ctx.request.body);"),
      },
      {
        code: koaRoute('post', '/accounts', "  if (ctx.request.body.password.length < 8) ctx.throw(500, 'password must be at least 8 characters');\n  ctx.body = await Account.create(ctx.request.body);"),
        at: 'ctx.throw(«500»',
        output: koaRoute('post', '/accounts', "  if (ctx.request.body.password.length < 8) ctx.throw(400, 'password must be at least 8 characters');\n  ctx.body = await Account.create(ctx.request.body);"),
      },
    ],
  },
  { adapter: 'koa' },
);
