// created-needs-location under the Fastify adapter.
import { ruleTests } from '../../ruleTester';
import { app, plugin } from './fastifyApp';

ruleTests(
  'created-needs-location',
  {
    valid: [
      app("app.post('/books', async (request, reply) => {\n  const book = await Book.create(request.body);\n  return reply.code(201).header('Location', `/books/${book.id}`).send(book);\n});"),
      app("app.put('/books/:id', async (request, reply) => {\n  const book = await Book.upsert({ ...request.body, id: request.params.id });\n  reply.code(201);\n  return book;\n});"),
      app("app.post('/login', async (request, reply) => {\n  const session = await Session.create({ userId: request.user.id });\n  return reply.code(201).send({ token: session.token });\n});"),
      app("app.post('/books', async (request, reply) => {\n  const book = await Book.create(request.body);\n  reply.headers({ location: `/books/${book.id}` });\n  reply.code(201);\n  return book;\n});"),
    ],
    invalid: [
      {
        code: app("app.post('/books', async (request, reply) => {\n  const book = await Book.create(request.body);\n  reply.code(201);\n  return book;\n});"),
        at: "code(«201»)",
        output: app("app.post('/books', async (request, reply) => {\n  const book = await Book.create(request.body);\n  reply.code(201).header('Location', `/books/${book.id}`);\n  return book;\n});"),
      },
      {
        code: app("app.post('/tasks', async (request, reply) => {\n  const task = await tasksRepository.create(request.body);\n  return reply.code(201).send(task);\n});"),
        at: "code(«201»)",
        output: app("app.post('/tasks', async (request, reply) => {\n  const task = await tasksRepository.create(request.body);\n  return reply.code(201).header('Location', `/tasks/${task.id}`).send(task);\n});"),
      },
      {
        code: plugin("  fastify.route({\n    method: 'POST',\n    url: '/users',\n    handler: async (request, reply) => {\n      const user = await User.create(request.body);\n      reply\n        .status(201)\n        .send(user);\n    },\n  });"),
        at: "status(«201»)",
        output: plugin("  fastify.route({\n    method: 'POST',\n    url: '/users',\n    handler: async (request, reply) => {\n      const user = await User.create(request.body);\n      reply\n        .status(201)\n        .header('Location', `${request.baseUrl}/users/${user.id}`)\n        .send(user);\n    },\n  });"),
      },
    ],
  },
  { adapter: 'fastify' },
);
