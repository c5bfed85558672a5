// no-not-found-for-validation under the Fastify adapter.
import { ruleTests } from '../../ruleTester';
import { app, plugin } from './fastifyApp';

ruleTests(
  'no-not-found-for-validation',
  {
    valid: [
      app("app.get('/users/:id', async (request, reply) => {\n  const user = await User.findById(request.params.id);\n  if (!user) return reply.notFound('No such user');\n  return user;\n});"),
      app("app.get('/search', async (request, reply) => {\n  if (!request.query.q) return reply.code(400).send({ error: 'q is required' });\n  return search(request.query.q);\n});"),
      app("app.get('/files/:name', async (request, reply) => {\n  const file = await storage.find(request.params.name);\n  if (!file) {\n    reply.code(404);\n    return { error: 'No such file' };\n  }\n  return reply.sendFile(file.path);\n});"),
    ],
    invalid: [
      {
        code: app("app.get('/search', async (request, reply) => {\n  if (!request.query.q) return reply.code(404).send({ error: 'q is required' });\n  return search(request.query.q);\n});"),
        at: "code(«404»)",
        output: app("app.get('/search', async (request, reply) => {\n  if (!request.query.q) return reply.code(400).send({ error: 'q is required' });\n  return search(request.query.q);\n});"),
      },
      // @fastify/multipart: the upload is read by `request.file()`.
      {
        code: app("app.post('/tasks/:id/upload', async (request, reply) => {\n  const file = await request.file();\n  if (!file) {\n    return reply.notFound('File not found');\n  }\n  return tasks.attach(request.params.id, file);\n});"),
        at: "reply.«notFound»(",
        output: app("app.post('/tasks/:id/upload', async (request, reply) => {\n  const file = await request.file();\n  if (!file) {\n    return reply.badRequest('File not found');\n  }\n  return tasks.attach(request.params.id, file);\n});"),
      },
      {
        code: plugin("  fastify.post('/signup', async (request, reply) => {\n    const { email } = request.body;\n    if (!email) {\n      reply.status(404);\n      return { error: 'email is required' };\n    }\n    reply.status(201);\n    return Account.create(request.body);\n  });"),
        at: "status(«404»)",
        output: plugin("  fastify.post('/signup', async (request, reply) => {\n    const { email } = request.body;\n    if (!email) {\n      reply.status(400);\n      return { error: 'email is required' };\n    }\n    reply.status(201);\n    return Account.create(request.body);\n  });"),
      },
    ],
  },
  { adapter: 'fastify' },
);
