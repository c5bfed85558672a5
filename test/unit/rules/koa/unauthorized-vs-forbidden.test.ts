// The rule under the Koa adapter: 401 and 403 swapped, read through ctx.state.user and ctx.headers.
import { ruleTests } from '../../ruleTester';
import { koaRoute } from './koaCode';

ruleTests(
  'unauthorized-vs-forbidden',
  {
    valid: [
      koaRoute('delete', '/users/:id', "  if (ctx.state.user.role !== 'admin') ctx.throw(403, 'Admins only');\n  ctx.status = 204;"),
      koaRoute('get', '/me', "  ctx.assert(ctx.headers.authorization, 401, 'Sign in first', { headers: { 'WWW-Authenticate': 'Bearer' } });\n  ctx.body = ctx.state.user;"),
      koaRoute('get', '/reports', "  ctx.assert(ctx.state.user.isAdmin, 403, 'Admins only');\n  ctx.body = await Report.find();"),
    ],
    invalid: [
      {
        // A wrong password answered 403 under Koa.
        code: koaRoute('post', '/login', "  const user = await User.findOne({ email: ctx.request.body.email });\n  const ok = await bcrypt.compare(ctx.request.body.password, user.password);\n  if (!ok) {\n    ctx.status = 403;\n    ctx.body = { error: 'Mot de passe incorrect' };\n    return;\n  }\n  ctx.body = { token: sign(user) };"),
        at: 'ctx.status = «403»',
        output: koaRoute('post', '/login', "  const user = await User.findOne({ email: ctx.request.body.email });\n  const ok = await bcrypt.compare(ctx.request.body.password, user.password);\n  if (!ok) {\n    ctx.status = 401;\n    ctx.body = { error: 'Mot de passe incorrect' };\n    return;\n  }\n  ctx.body = { token: sign(user) };"),
      },
      {
        code: koaRoute('delete', '/users/:id', "  if (ctx.state.user.role !== 'admin') ctx.throw(401, 'Admins only');\n  ctx.status = 204;"),
        at: 'ctx.throw(«401»',
        output: koaRoute('delete', '/users/:id', "  if (ctx.state.user.role !== 'admin') ctx.throw(403, 'Admins only');\n  ctx.status = 204;"),
      },
      {
        code: koaRoute('get', '/admin', "  if (!ctx.headers.authorization) {\n    ctx.status = 403;\n    ctx.body = { error: 'Log in first' };\n    return;\n  }\n  ctx.body = 'ok';"),
        at: 'ctx.status = «403»',
      },
      {
        // The asserted value is the permission: its failure is a 403.
        code: koaRoute('get', '/reports', "  ctx.assert(ctx.state.user.isAdmin, 401, 'Admins only');\n  ctx.body = await Report.find();"),
        at: 'ctx.assert(ctx.state.user.isAdmin, «401»',
        output: koaRoute('get', '/reports', "  ctx.assert(ctx.state.user.isAdmin, 403, 'Admins only');\n  ctx.body = await Report.find();"),
      },
    ],
  },
  { adapter: 'koa' },
);
