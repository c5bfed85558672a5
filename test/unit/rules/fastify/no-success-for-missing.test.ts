// no-success-for-missing under the Fastify adapter.
import { ruleTests } from '../../ruleTester';
import { app, plugin } from './fastifyApp';

ruleTests(
  'no-success-for-missing',
  {
    valid: [
      app("app.get('/users/:id', async (request, reply) => {\n  const user = await User.findById(request.params.id);\n  if (!user) return reply.notFound('No such user');\n  return user;\n});"),
      app("app.get('/users', async () => {\n  const users = await User.find();\n  return users;\n});"),
      app("app.get('/tasks/:id', async (request, reply) => {\n  const task = await tasks.findById(request.params.id);\n  if (!task) {\n    reply.code(404);\n    return { message: 'Task not found' };\n  }\n  return task;\n});"),
    ],
    invalid: [
      {
        code: app("app.get('/users/:id', async (request, reply) => {\n  const user = await User.findById(request.params.id);\n  if (!user) {\n    return { data: null };\n  }\n  return user;\n});"),
        at: "«return» { data: null }",
        output: app("app.get('/users/:id', async (request, reply) => {\n  const user = await User.findById(request.params.id);\n  if (!user) {\n    reply.code(404);\n    return { error: 'User not found' };\n  }\n  return user;\n});"),
      },
      {
        code: app("app.get('/orders/:id', async (request, reply) => {\n  const order = await Order.findOne({ id: request.params.id });\n  if (!order) return reply.send({ message: 'Order not found' });\n  return order;\n});"),
        at: "«reply.send({ message: 'Order not found' })»",
        output: app("app.get('/orders/:id', async (request, reply) => {\n  const order = await Order.findOne({ id: request.params.id });\n  if (!order) return reply.code(404).send({ message: 'Order not found' });\n  return order;\n});"),
      },
      {
        code: plugin("  fastify.get('/profiles/:name', async (request, reply) => {\n    const profile = await profiles.findOne({ name: request.params.name });\n    if (!profile) return reply.code(200).send(null);\n    return profile;\n  });"),
        at: "code(«200»)",
        output: plugin("  fastify.get('/profiles/:name', async (request, reply) => {\n    const profile = await profiles.findOne({ name: request.params.name });\n    if (!profile) return reply.code(404).send({ error: 'Profile not found' });\n    return profile;\n  });"),
      },
    ],
  },
  { adapter: 'fastify' },
);
