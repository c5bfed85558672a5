// unauthorized-needs-www-authenticate under the Fastify adapter.
import { ruleTests } from '../../ruleTester';
import { app, plugin } from './fastifyApp';

ruleTests(
  'unauthorized-needs-www-authenticate',
  {
    valid: [
      app("app.get('/me', async (request, reply) => {\n  if (!request.headers.authorization) {\n    return reply.code(401).header('WWW-Authenticate', 'Bearer').send({ error: 'Sign in first' });\n  }\n  return request.user;\n});"),
      app("app.get('/me', async (request, reply) => {\n  if (!request.user) {\n    reply.header('www-authenticate', 'Bearer realm=\"api\"');\n    return reply.unauthorized('Sign in first');\n  }\n  return request.user;\n});"),
      // The reply is handed to other code first, which may set the header.
      app("app.get('/me', async (request, reply) => {\n  if (!request.user) {\n    challenge(reply);\n    return reply.code(401).send({ error: 'Sign in first' });\n  }\n  return request.user;\n});"),
      app("app.get('/admin', async (request, reply) => {\n  if (request.user.role !== 'admin') return reply.code(403).send({ error: 'Admins only' });\n  return stats();\n});"),
    ],
    invalid: [
      {
        code: app("app.get('/me', async (request, reply) => {\n  if (!request.headers.authorization) {\n    return reply.code(401).send({ error: 'Sign in first' });\n  }\n  return request.user;\n});"),
        at: "code(«401»)",
        output: app("app.get('/me', async (request, reply) => {\n  if (!request.headers.authorization) {\n    return reply.code(401).header('WWW-Authenticate', 'Bearer').send({ error: 'Sign in first' });\n  }\n  return request.user;\n});"),
      },
      // @fastify/sensible's helper in a hook.
      {
        code: plugin("  fastify.addHook('onRequest', async (request, reply) => {\n    if (!request.session.user) {\n      reply.unauthorized('You must be authenticated to access this route.');\n    }\n  });"),
        at: "reply.«unauthorized»(",
        output: plugin("  fastify.addHook('onRequest', async (request, reply) => {\n    if (!request.session.user) {\n      reply.header('WWW-Authenticate', 'Bearer').unauthorized('You must be authenticated to access this route.');\n    }\n  });"),
      },
      {
        code: app("app.post('/login', async (request, reply) => {\n  const user = await users.findByEmail(request.body.email);\n  if (!user || !(await passwords.compare(request.body.password, user.password))) {\n    reply.status(401);\n    return { message: 'Invalid email or password' };\n  }\n  return { token: sign(user) };\n});"),
        at: "status(«401»)",
        output: app("app.post('/login', async (request, reply) => {\n  const user = await users.findByEmail(request.body.email);\n  if (!user || !(await passwords.compare(request.body.password, user.password))) {\n    reply.status(401).header('WWW-Authenticate', 'Bearer');\n    return { message: 'Invalid email or password' };\n  }\n  return { token: sign(user) };\n});"),
      },
    ],
  },
  { adapter: 'fastify' },
);
