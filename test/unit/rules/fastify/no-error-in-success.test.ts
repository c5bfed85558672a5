// no-error-in-success under the Fastify adapter.
import { ruleTests } from '../../ruleTester';
import { app, plugin } from './fastifyApp';

ruleTests(
  'no-error-in-success',
  {
    valid: [
      app("app.post('/login', async (request, reply) => {\n  const user = await auth.check(request.body);\n  if (!user) return reply.code(401).send({ success: false, error: 'Wrong password' });\n  return { success: true };\n});"),
      app("app.get('/users/:id', async (request, reply) => {\n  const user = await User.findById(request.params.id);\n  if (!user) return reply.notFound('No such user');\n  return { user };\n});"),
      app("app.get('/health', async () => ({ ok: true }));"),
    ],
    invalid: [
      {
        code: app("app.post('/login', async (request, reply) => {\n  const user = await auth.check(request.body);\n  if (!user) return { success: false, error: 'Wrong password' };\n  return { success: true };\n});"),
        at: "«return» { success: false",
        output: app("app.post('/login', async (request, reply) => {\n  const user = await auth.check(request.body);\n  if (!user) return reply.code(400).send({ success: false, error: 'Wrong password' });\n  return { success: true };\n});"),
      },
      {
        code: app("app.get('/orders/:id', async (request, reply) => {\n  const order = await Order.findById(request.params.id);\n  if (!order) return reply.code(200).send({ error: 'Order not found' });\n  return order;\n});"),
        at: "code(«200»)",
        output: app("app.get('/orders/:id', async (request, reply) => {\n  const order = await Order.findById(request.params.id);\n  if (!order) return reply.code(404).send({ error: 'Order not found' });\n  return order;\n});"),
      },
      {
        code: plugin("  fastify.post('/payments', async (request, reply) => {\n    const result = await payments.charge(request.body);\n    if (!result.ok) {\n      reply.send({ ok: false, message: 'Payment failed' });\n      return reply;\n    }\n    return result;\n  });"),
        at: "«reply.send({ ok: false, message: 'Payment failed' })»",
        output: plugin("  fastify.post('/payments', async (request, reply) => {\n    const result = await payments.charge(request.body);\n    if (!result.ok) {\n      reply.code(400).send({ ok: false, message: 'Payment failed' });\n      return reply;\n    }\n    return result;\n  });"),
      },
    ],
  },
  { adapter: 'fastify' },
);
