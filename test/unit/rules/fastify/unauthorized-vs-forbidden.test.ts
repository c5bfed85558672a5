// unauthorized-vs-forbidden under the Fastify adapter.
import { ruleTests } from '../../ruleTester';
import { app, plugin } from './fastifyApp';

ruleTests(
  'unauthorized-vs-forbidden',
  {
    valid: [
      app("app.get('/admin', async (request, reply) => {\n  if (!request.headers.authorization) {\n    return reply.code(401).header('WWW-Authenticate', 'Bearer').send({ error: 'Log in first' });\n  }\n  if (request.user.role !== 'admin') {\n    return reply.code(403).send({ error: 'Admins only' });\n  }\n  return stats();\n});"),
      app("app.delete('/posts/:id', async (request, reply) => {\n  const post = await Post.findById(request.params.id);\n  if (post.authorId !== request.user.id) return reply.forbidden('Not your post');\n  await post.deleteOne();\n  return reply.code(204).send();\n});"),
      app("app.get('/me', async (request, reply) => {\n  if (!request.user) return reply.header('WWW-Authenticate', 'Bearer').unauthorized();\n  return request.user;\n});"),
    ],
    invalid: [
      {
        code: app("app.get('/admin', async (request, reply) => {\n  if (!request.headers.authorization) {\n    return reply.code(403).send({ error: 'Log in first' });\n  }\n  return stats();\n});"),
        at: "code(«403»)",
        output: app("app.get('/admin', async (request, reply) => {\n  if (!request.headers.authorization) {\n    return reply.code(401).header('WWW-Authenticate', 'Bearer').send({ error: 'Log in first' });\n  }\n  return stats();\n});"),
      },
      {
        code: app("app.get('/admin', async (request, reply) => {\n  if (request.user.role !== 'admin') {\n    reply.status(401);\n    return { error: 'Admins only' };\n  }\n  return stats();\n});"),
        at: "status(«401»)",
        output: app("app.get('/admin', async (request, reply) => {\n  if (request.user.role !== 'admin') {\n    reply.status(403);\n    return { error: 'Admins only' };\n  }\n  return stats();\n});"),
      },
      {
        code: plugin("  fastify.get('/billing', async (request, reply) => {\n    if (!request.user) return reply.forbidden('Log in first');\n    return billing.summary(request.user.id);\n  });"),
        at: "reply.«forbidden»(",
        output: plugin("  fastify.get('/billing', async (request, reply) => {\n    if (!request.user) return reply.unauthorized('Log in first');\n    return billing.summary(request.user.id);\n  });"),
      },
    ],
  },
  { adapter: 'fastify' },
);
