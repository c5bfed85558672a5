// valid-status-code under the Fastify adapter.
import { ruleTests } from '../../ruleTester';
import { app, plugin } from './fastifyApp';

ruleTests(
  'valid-status-code',
  {
    valid: [
      app("app.get('/orders/:id', async (request, reply) => {\n  const order = await Order.findById(request.params.id);\n  if (!order) return reply.code(404).send({ error: 'No such order' });\n  return order;\n});"),
      // Fastify parses a numeric string: not an error here.
      app("app.get('/legacy', async (request, reply) => {\n  return reply.code('410').send({ error: 'Gone for good' });\n});"),
      app("import { StatusCodes } from 'http-status-codes';\n\napp.get('/brew', async (request, reply) => {\n  reply.status(StatusCodes.SERVICE_UNAVAILABLE);\n  return { error: 'No coffee' };\n});"),
    ],
    invalid: [
      {
        code: app("app.get('/coffee', async (request, reply) => {\n  return reply.code(418).send({ error: 'No coffee here' });\n});"),
        at: "code(«418»)",
      },
      {
        code: app("app.get('/orders/:id', async (request, reply) => {\n  reply.status(4040);\n  return { error: 'No such order' };\n});"),
        at: "status(«4040»)",
      },
      {
        code: plugin("  fastify.get('/old', (request, reply) => {\n    reply.redirect('/new', 399);\n  });"),
        at: "'/new', «399»",
      },
    ],
  },
  { adapter: 'fastify' },
);
