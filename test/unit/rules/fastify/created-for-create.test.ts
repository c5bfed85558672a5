// created-for-create under the Fastify adapter.
import { ruleTests } from '../../ruleTester';
import { app, plugin } from './fastifyApp';

ruleTests(
  'created-for-create',
  {
    valid: [
      app("app.post('/books', async (request, reply) => {\n  const book = await Book.create(request.body);\n  reply.code(201);\n  return book;\n});"),
      app("app.get('/books', async () => {\n  return Book.find();\n});"),
      app("app.post('/books/search', async (request) => {\n  return Book.find({ title: request.body.title });\n});"),
    ],
    invalid: [
      {
        code: app("app.post('/books', async (request, reply) => {\n  const book = await Book.create(request.body);\n  return book;\n});"),
        at: "«return» book",
        output: app("app.post('/books', async (request, reply) => {\n  const book = await Book.create(request.body);\n  reply.code(201);\n  return book;\n});"),
      },
      {
        code: plugin("  fastify.post('/users', async (request, reply) => {\n    const user = await User.create(request.body);\n    return reply.send(user);\n  });"),
        at: "return «reply.send(user)»",
        output: plugin("  fastify.post('/users', async (request, reply) => {\n    const user = await User.create(request.body);\n    return reply.code(201).send(user);\n  });"),
      },
      {
        code: app("app.route({\n  method: 'POST',\n  url: '/todos',\n  handler: async (request, reply) => {\n    const todo = await Todo.create({ title: request.body.title });\n    reply.send({ todo });\n  },\n});"),
        at: "«reply.send({ todo })»",
        output: app("app.route({\n  method: 'POST',\n  url: '/todos',\n  handler: async (request, reply) => {\n    const todo = await Todo.create({ title: request.body.title });\n    reply.code(201).send({ todo });\n  },\n});"),
      },
      {
        // A registration through the model's `registerUser`, answered with what is made of the new user.
        code: app("app.route({ method: 'POST', url: '/users', handler: async (request, reply) => {\n  const user = await userModel.registerUser(request.body.user);\n  user.token = await createToken(user);\n  return { user };\n} });"),
        at: '  «return» { user };',
        output: app("app.route({ method: 'POST', url: '/users', handler: async (request, reply) => {\n  const user = await userModel.registerUser(request.body.user);\n  user.token = await createToken(user);\n  reply.code(201);\n  return { user };\n} });"),
      },
    ],
  },
  { adapter: 'fastify' },
);
