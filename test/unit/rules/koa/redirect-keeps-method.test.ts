// The rule under the Koa adapter: ctx.redirect (302) forwarding a POST to the endpoint's new home.
import { ruleTests } from '../../ruleTester';
import { koaRoute } from './koaCode';

ruleTests(
  'redirect-keeps-method',
  {
    valid: [
      koaRoute('post', '/api/v1/payments', "  ctx.status = 307;\n  ctx.redirect('/api/v2/payments');"),
      // Post/Redirect/Get: the switch to GET is the point.
      koaRoute('post', '/signup', "  await User.create(ctx.request.body);\n  ctx.redirect('/welcome');"),
      koaRoute('get', '/api/v1/payments', "  ctx.redirect('/api/v2/payments');"),
    ],
    invalid: [
      {
        code: koaRoute('post', '/api/v1/payments', "  ctx.redirect('/api/v2/payments');"),
        at: "«ctx.redirect('/api/v2/payments')»",
        output: koaRoute('post', '/api/v1/payments', "  ctx.status = 307;\n  ctx.redirect('/api/v2/payments');"),
      },
      {
        code: koaRoute('put', '/v1/orders/:id', '  ctx.redirect(`/v2/orders/${ctx.params.id}`);'),
        at: '«ctx.redirect(`/v2/orders/${ctx.params.id}`)»',
        output: koaRoute('put', '/v1/orders/:id', '  ctx.status = 307;\n  ctx.redirect(`/v2/orders/${ctx.params.id}`);'),
      },
      {
        // A 302 set before the redirect is kept by Koa.
        code: koaRoute('post', '/api/v1/uploads', "  ctx.status = 302;\n  ctx.redirect('/api/v2/uploads');"),
        at: 'ctx.status = «302»',
        output: koaRoute('post', '/api/v1/uploads', "  ctx.status = 307;\n  ctx.redirect('/api/v2/uploads');"),
      },
    ],
  },
  { adapter: 'koa' },
);
