// redirect-keeps-method under the Fastify adapter.
import { ruleTests } from '../../ruleTester';
import { app, plugin } from './fastifyApp';

ruleTests(
  'redirect-keeps-method',
  {
    valid: [
      app("app.post('/api/v1/payments', async (request, reply) => {\n  return reply.redirect('/api/v2/payments', 307);\n});"),
      // GET may be redirected with 302.
      app("app.get('/old-home', async (request, reply) => {\n  return reply.redirect('/');\n});"),
      // Post/redirect/get: the work is done, then the browser gets the page.
      app("app.post('/orders', async (request, reply) => {\n  const order = await Order.create(request.body);\n  return reply.redirect(`/orders/${order.id}`);\n});"),
    ],
    invalid: [
      {
        code: app("app.post('/api/v1/payments', async (request, reply) => {\n  return reply.redirect('/api/v2/payments');\n});"),
        at: "«reply.redirect('/api/v2/payments')»",
        output: app("app.post('/api/v1/payments', async (request, reply) => {\n  return reply.redirect('/api/v2/payments', 307);\n});"),
      },
      // Fastify v4 takes the code first.
      {
        code: app("app.put('/v1/users/:id', async (request, reply) => {\n  reply.redirect(302, `/v2/users/${request.params.id}`);\n});"),
        at: "redirect(«302», ",
        output: app("app.put('/v1/users/:id', async (request, reply) => {\n  reply.redirect(307, `/v2/users/${request.params.id}`);\n});"),
      },
      {
        code: plugin("  fastify.route({\n    method: 'DELETE',\n    url: '/v1/sessions/:id',\n    handler: (request, reply) => {\n      reply.redirect(`/v2/sessions/${request.params.id}`, 302);\n    },\n  });"),
        at: "`, «302»)",
        output: plugin("  fastify.route({\n    method: 'DELETE',\n    url: '/v1/sessions/:id',\n    handler: (request, reply) => {\n      reply.redirect(`/v2/sessions/${request.params.id}`, 307);\n    },\n  });"),
      },
    ],
  },
  { adapter: 'fastify' },
);
