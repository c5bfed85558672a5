// unavailable-needs-retry-after under the Fastify adapter.
import { ruleTests } from '../../ruleTester';
import { app, plugin } from './fastifyApp';

ruleTests(
  'unavailable-needs-retry-after',
  {
    valid: [
      app("app.addHook('onRequest', async (request, reply) => {\n  if (maintenance) {\n    return reply.code(503).header('Retry-After', '120').send({ error: 'Back soon' });\n  }\n});"),
      // A health check answers 503 to a load balancer, not to clients.
      app("app.get('/health', async (request, reply) => {\n  if (!db.connected) return reply.code(503).send({ status: 'down' });\n  return { status: 'up' };\n});"),
      app("app.get('/reports', async (request, reply) => {\n  if (reports.building) {\n    reply.headers({ 'Retry-After': '30' });\n    return reply.serviceUnavailable('Reports are being rebuilt');\n  }\n  return reports.list();\n});"),
    ],
    invalid: [
      {
        code: app("app.addHook('onRequest', async (request, reply) => {\n  if (maintenance) {\n    return reply.code(503).send({ error: 'Back soon' });\n  }\n});"),
        at: "code(«503»)",
        output: app("app.addHook('onRequest', async (request, reply) => {\n  if (maintenance) {\n    return reply.code(503).header('Retry-After', '60').send({ error: 'Back soon' });\n  }\n});"),
      },
      {
        code: app("app.get('/reports', async (request, reply) => {\n  if (reports.building) {\n    reply.status(503);\n    return { error: 'Reports are being rebuilt' };\n  }\n  return reports.list();\n});"),
        at: "status(«503»)",
        output: app("app.get('/reports', async (request, reply) => {\n  if (reports.building) {\n    reply.status(503).header('Retry-After', '60');\n    return { error: 'Reports are being rebuilt' };\n  }\n  return reports.list();\n});"),
      },
      {
        code: plugin("  fastify.post('/payments', async (request, reply) => {\n    if (!gateway.available) return reply.serviceUnavailable('Payments are paused');\n    return gateway.charge(request.body);\n  });"),
        at: "reply.«serviceUnavailable»(",
        output: plugin("  fastify.post('/payments', async (request, reply) => {\n    if (!gateway.available) return reply.header('Retry-After', '60').serviceUnavailable('Payments are paused');\n    return gateway.charge(request.body);\n  });"),
      },
    ],
  },
  { adapter: 'fastify' },
);
