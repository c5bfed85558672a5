// The rule under the Koa adapter: a 401 without WWW-Authenticate. Koa clears the headers set before a
// throw, so a thrown 401 carries its header in http-errors' props.
import { ruleTests } from '../../ruleTester';
import { koaRoute } from './koaCode';

ruleTests(
  'unauthorized-needs-www-authenticate',
  {
    valid: [
      koaRoute('get', '/me', "  if (!ctx.state.user) {\n    ctx.set('WWW-Authenticate', 'Bearer');\n    ctx.status = 401;\n    ctx.body = { error: 'Sign in first' };\n    return;\n  }\n  ctx.body = ctx.state.user;"),
      koaRoute('get', '/me', "  ctx.assert(ctx.state.user, 401, 'Sign in first', { headers: { 'WWW-Authenticate': 'Bearer' } });\n  ctx.body = ctx.state.user;"),
      // The context handed to other code first, which may set headers.
      koaRoute('get', '/me', '  await challenge(ctx);\n  ctx.status = 401;'),
      koaRoute('delete', '/users/:id', "  ctx.assert(ctx.state.user.isAdmin, 403, 'Admins only');\n  ctx.status = 204;"),
    ],
    invalid: [
      {
        code: koaRoute('get', '/me', "  if (!ctx.headers.authorization) {\n    ctx.status = 401;\n    ctx.body = { error: 'Token required' };\n    return;\n  }\n  ctx.body = ctx.state.user;"),
        at: 'ctx.status = «401»',
        output: koaRoute('get', '/me', "  if (!ctx.headers.authorization) {\n    ctx.status = 401;\n    ctx.set('WWW-Authenticate', 'Bearer');\n    ctx.body = { error: 'Token required' };\n    return;\n  }\n  ctx.body = ctx.state.user;"),
      },
      {
        code: koaRoute('post', '/login', "  const user = await User.findOne({ email: ctx.request.body.email });\n  ctx.assert(user, 401, 'Wrong email or password');\n  ctx.body = { token: sign(user) };"),
        at: 'ctx.assert(user, «401»',
        output: koaRoute('post', '/login', "  const user = await User.findOne({ email: ctx.request.body.email });\n  ctx.assert(user, 401, 'Wrong email or password', { headers: { 'WWW-Authenticate': 'Bearer' } });\n  ctx.body = { token: sign(user) };"),
      },
      {
        // A header set before a throw is cleared by Koa: it does not count.
        code: koaRoute('get', '/me', "  ctx.set('WWW-Authenticate', 'Bearer');\n  if (!ctx.state.user) ctx.throw(401);\n  ctx.body = ctx.state.user;"),
        at: 'ctx.throw(«401»)',
        output: koaRoute('get', '/me', "  ctx.set('WWW-Authenticate', 'Bearer');\n  if (!ctx.state.user) ctx.throw(401, { headers: { 'WWW-Authenticate': 'Bearer' } });\n  ctx.body = ctx.state.user;"),
      },
      {
        // A status set alone (Koa sends "Unauthorized").
        code: koaRoute('get', '/admin', "  if (!ctx.session.userId) {\n    ctx.status = 401;\n    return;\n  }\n  ctx.body = 'ok';"),
        at: 'ctx.status = «401»',
        output: koaRoute('get', '/admin', "  if (!ctx.session.userId) {\n    ctx.set('WWW-Authenticate', 'Bearer');\n    ctx.status = 401;\n    return;\n  }\n  ctx.body = 'ok';"),
      },
    ],
  },
  { adapter: 'koa' },
);
