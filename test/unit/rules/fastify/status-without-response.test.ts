// status-without-response under the Fastify adapter.
import { ruleTests } from '../../ruleTester';
import { app, plugin } from './fastifyApp';

ruleTests(
  'status-without-response',
  {
    valid: [
      // Trap: the returned value is sent with the status.
      app("app.post('/users', async (request, reply) => {\n  if (!request.body.email) {\n    reply.status(400);\n    return { message: 'email is required' };\n  }\n  return User.create(request.body);\n});"),
      // Trap: hijacked replies are written by hand.
      app("app.get('/stream', (request, reply) => {\n  reply.code(200);\n  reply.hijack();\n  stream.pipe(reply.raw);\n});"),
      // Trap: a reply returned after sending.
      app("app.get('/ping', (request, reply) => {\n  reply.code(200).send('pong');\n  return reply;\n});"),
      // An async handler that ends after setting a status sends it with no body.
      app("app.delete('/sessions/current', async (request, reply) => {\n  await request.session.destroy();\n  reply.code(204);\n});"),
    ],
    invalid: [
      {
        code: app("app.delete('/sessions/current', (request, reply) => {\n  request.session.destroy();\n  reply.code(204);\n});"),
        at: "code(«204»)",
        output: app("app.delete('/sessions/current', (request, reply) => {\n  request.session.destroy();\n  reply.code(204).send();\n});"),
      },
      {
        code: app("app.setNotFoundHandler((request, reply) => {\n  request.log.warn(request.url);\n  reply.status(404);\n});"),
        at: "status(«404»)",
        output: app("app.setNotFoundHandler((request, reply) => {\n  request.log.warn(request.url);\n  reply.status(404).send();\n});"),
      },
      {
        code: plugin("  fastify.route({\n    method: 'GET',\n    url: '/health',\n    handler(request, reply) {\n      if (!db.connected) reply.code(503);\n    },\n  });"),
        at: "code(«503»)",
        output: plugin("  fastify.route({\n    method: 'GET',\n    url: '/health',\n    handler(request, reply) {\n      if (!db.connected) reply.code(503).send();\n    },\n  });"),
      },
    ],
  },
  { adapter: 'fastify' },
);
