// error-needs-detail under the Fastify adapter.
import { ruleTests } from '../../ruleTester';
import { app } from './fastifyApp';

ruleTests(
  'error-needs-detail',
  {
    valid: [
      app("app.post('/users', async (request, reply) => {\n  if (!request.body.email) return reply.code(400).send({ error: 'email is required' });\n  reply.code(201);\n  return User.create(request.body);\n});"),
      app("app.get('/search', async (request, reply) => {\n  if (!request.query.q) return reply.badRequest('q is required');\n  return search(request.query.q);\n});"),
      // 204 sends no body by design.
      app("app.delete('/users/:id', async (request, reply) => {\n  await User.deleteOne({ _id: request.params.id });\n  reply.code(204).send();\n});"),
    ],
    invalid: [
      {
        code: app("app.post('/users', async (request, reply) => {\n  if (!request.body.email) return reply.code(400).send();\n  reply.code(201);\n  return User.create(request.body);\n});"),
        at: "code(«400»)",
        output: app("app.post('/users', async (request, reply) => {\n  if (!request.body.email) return reply.code(400).send({ error: 'email is required', fields: { email: 'required' } });\n  reply.code(201);\n  return User.create(request.body);\n});"),
      },
      {
        code: app("app.get('/search', async (request, reply) => {\n  if (!request.query.q) {\n    return reply.badRequest();\n  }\n  return search(request.query.q);\n});"),
        at: "reply.«badRequest»()",
        output: app("app.get('/search', async (request, reply) => {\n  if (!request.query.q) {\n    return reply.code(400).send({ error: 'q is required', fields: { q: 'required' } });\n  }\n  return search(request.query.q);\n});"),
      },
      // An async handler that sets a status and returns nothing sends it with an empty body.
      {
        code: app("app.post('/comments', async (request, reply) => {\n  if (!request.body.text) {\n    reply.status(400);\n    return;\n  }\n  return Comment.create(request.body);\n});"),
        at: "status(«400»)",
        output: app("app.post('/comments', async (request, reply) => {\n  if (!request.body.text) {\n    reply.status(400);\n    return { error: 'text is required', fields: { text: 'required' } };\n  }\n  return Comment.create(request.body);\n});"),
      },
    ],
  },
  { adapter: 'fastify' },
);
