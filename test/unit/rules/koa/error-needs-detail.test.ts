// The rule under the Koa adapter: a 400, 409 or 422 that says nothing specific. A status set alone
// sends only its reason phrase.
import { ruleTests } from '../../ruleTester';
import { koaRoute } from './koaCode';

ruleTests(
  'error-needs-detail',
  {
    valid: [
      koaRoute('post', '/users', "  if (!ctx.request.body.email) {\n    ctx.status = 400;\n    ctx.body = { error: 'email is required' };\n    return;\n  }\n  ctx.body = await User.create(ctx.request.body);"),
      koaRoute('post', '/users', "  ctx.assert(ctx.request.body.email, 400, 'email is required');\n  ctx.body = await User.create(ctx.request.body);"),
      // Errors built at run time are assumed to carry detail.
      koaRoute('post', '/users', '  const errors = await validate(ctx.request.body);\n  if (errors.length > 0) {\n    ctx.status = 400;\n    ctx.body = errors;\n  }'),
      // A message in a non-Latin script names the problem.
      koaRoute('post', '/users', "  if (!ctx.request.body.email) ctx.throw(400, 'メールアドレスを入力してください');\n  ctx.body = await User.create(ctx.request.body);"),
      // 404 says what happened by itself.
      koaRoute('get', '/users/:id', '  ctx.status = 404;'),
    ],
    invalid: [
      {
        // A status alone: Koa sends "Bad Request" and nothing else.
        code: koaRoute('post', '/users', '  const { email } = ctx.request.body;\n  if (!email) {\n    ctx.status = 400;\n    return;\n  }\n  ctx.body = await User.create(ctx.request.body);'),
        at: 'ctx.status = «400»',
        output: koaRoute('post', '/users', "  const { email } = ctx.request.body;\n  if (!email) {\n    ctx.status = 400;\n    ctx.body = { error: 'email is required', fields: { email: 'required' } };\n    return;\n  }\n  ctx.body = await User.create(ctx.request.body);"),
      },
      {
        code: koaRoute('post', '/users', "  if (!ctx.request.body.password) ctx.throw(400, 'Bad Request');\n  ctx.body = await User.create(ctx.request.body);"),
        at: 'ctx.throw(«400»',
        output: koaRoute('post', '/users', "  if (!ctx.request.body.password) ctx.throw(400, 'password is required');\n  ctx.body = await User.create(ctx.request.body);"),
      },
      {
        code: koaRoute('post', '/orders', "  if (!ctx.request.body.items) {\n    ctx.status = 422;\n    ctx.body = { error: 'Validation failed' };\n    return;\n  }\n  ctx.body = await Order.create(ctx.request.body);"),
        at: 'ctx.status = «422»',
        output: koaRoute('post', '/orders', "  if (!ctx.request.body.items) {\n    ctx.status = 422;\n    ctx.body = { error: 'items is required' };\n    return;\n  }\n  ctx.body = await Order.create(ctx.request.body);"),
      },
      {
        // Nothing says what is wrong: the skeleton a person fills in keeps the finding.
        code: koaRoute('put', '/settings', '  if (!isValid(ctx.request.body)) ctx.throw(400);\n  ctx.body = await Settings.update(ctx.request.body);'),
        at: 'ctx.throw(«400»)',
      },
    ],
  },
  { adapter: 'koa' },
);
