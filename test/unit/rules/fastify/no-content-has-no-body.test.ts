// no-content-has-no-body under the Fastify adapter.
import { ruleTests } from '../../ruleTester';
import { app, plugin } from './fastifyApp';

ruleTests(
  'no-content-has-no-body',
  {
    valid: [
      // Trap: 204 with an empty send.
      app("app.delete('/books/:id', async (request, reply) => {\n  await Book.deleteOne({ _id: request.params.id });\n  reply.code(204).send();\n});"),
      // An empty string or null sends nothing.
      app("app.delete('/comments/:id', async (request, reply) => {\n  await Comment.deleteOne({ _id: request.params.id });\n  reply.code(204);\n  return '';\n});"),
      app("app.delete('/tasks/:id', async (request, reply) => {\n  const deleted = await tasks.delete(request.params.id);\n  if (!deleted) return reply.notFound('Task not found');\n  return reply.code(204).send(null);\n});"),
    ],
    invalid: [
      {
        code: app("app.delete('/books/:id', async (request, reply) => {\n  await Book.deleteOne({ _id: request.params.id });\n  reply.code(204).send({ deleted: true });\n});"),
        at: "code(«204»)",
        output: app("app.delete('/books/:id', async (request, reply) => {\n  await Book.deleteOne({ _id: request.params.id });\n  reply.code(204).send();\n});"),
      },
      {
        code: app("app.delete('/files/:name', async (request, reply) => {\n  await files.delete(request.params.name);\n  reply.code(204);\n  return { message: 'File deleted successfully' };\n});"),
        at: "code(«204»)",
        output: app("app.delete('/files/:name', async (request, reply) => {\n  await files.delete(request.params.name);\n  reply.code(204);\n  return reply.send();\n});"),
      },
      {
        code: plugin("  fastify.get('/feed', async (request, reply) => {\n    const cached = await cache.get('feed');\n    if (request.headers['if-none-match'] === cached.etag) {\n      return reply.status(304).send(cached.body);\n    }\n    return cached.body;\n  });"),
        at: "status(«304»)",
        output: plugin("  fastify.get('/feed', async (request, reply) => {\n    const cached = await cache.get('feed');\n    if (request.headers['if-none-match'] === cached.etag) {\n      return reply.status(304).send();\n    }\n    return cached.body;\n  });"),
      },
    ],
  },
  { adapter: 'fastify' },
);
