// The rule under the Koa adapter: a 2xx (set or default) whose body says the request failed.
import { ruleTests } from '../../ruleTester';
import { koaRoute } from './koaCode';

ruleTests(
  'no-error-in-success',
  {
    valid: [
      koaRoute('post', '/login', "  ctx.status = 401;\n  ctx.body = { success: false, error: 'Wrong password' };"),
      koaRoute('get', '/users', '  ctx.body = { success: true, error: null, data: await User.find() };'),
      koaRoute('get', '/health', "  ctx.body = { status: 'ok' };"),
    ],
    invalid: [
      {
        // `ok: false` one level down, at Koa's default 200.
        code: koaRoute('post', '/sync', "  const result = await sync(ctx.request.body);\n  if (!result) {\n    ctx.body = { result: { ok: false } };\n    return;\n  }\n  ctx.body = result;"),
        at: '«ctx.body» = { result: { ok: false } }',
        output: koaRoute('post', '/sync', "  const result = await sync(ctx.request.body);\n  if (!result) {\n    ctx.status = 400;\n    ctx.body = { result: { ok: false } };\n    return;\n  }\n  ctx.body = result;"),
      },
      {
        code: koaRoute('post', '/login', "  ctx.status = 200;\n  ctx.body = { success: false, error: 'Wrong password' };"),
        at: 'ctx.status = «200»',
        output: koaRoute('post', '/login', "  ctx.status = 400;\n  ctx.body = { success: false, error: 'Wrong password' };"),
      },
      {
        // The default 200 is made explicit before the body.
        code: koaRoute('get', '/users/:id', "  const user = await User.findById(ctx.params.id);\n  if (!user) {\n    ctx.body = { error: 'User not found' };\n    return;\n  }\n  ctx.body = user;"),
        at: "«ctx.body» = { error: 'User not found' }",
        output: koaRoute('get', '/users/:id', "  const user = await User.findById(ctx.params.id);\n  if (!user) {\n    ctx.status = 404;\n    ctx.body = { error: 'User not found' };\n    return;\n  }\n  ctx.body = user;"),
      },
      {
        code: koaRoute('post', '/orders', "  try {\n    ctx.body = await Order.create(ctx.request.body);\n  } catch (err) {\n    ctx.body = { status: 'error', message: 'Could not place the order' };\n  }"),
        at: "«ctx.body» = { status: 'error'",
        output: koaRoute('post', '/orders', "  try {\n    ctx.body = await Order.create(ctx.request.body);\n  } catch (err) {\n    ctx.status = 500;\n    ctx.body = { status: 'error', message: 'Could not place the order' };\n  }"),
      },
    ],
  },
  { adapter: 'koa' },
);
