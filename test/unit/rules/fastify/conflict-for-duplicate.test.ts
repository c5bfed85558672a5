// conflict-for-duplicate under the Fastify adapter.
import { ruleTests } from '../../ruleTester';
import { app, plugin } from './fastifyApp';

ruleTests(
  'conflict-for-duplicate',
  {
    valid: [
      app("app.post('/accounts', async (request, reply) => {\n  try {\n    reply.code(201);\n    return await Account.create(request.body);\n  } catch (e) {\n    if (e.code === 11000) return reply.code(409).send({ error: 'Handle already taken' });\n    throw e;\n  }\n});"),
      app("app.post('/accounts', async (request, reply) => {\n  try {\n    return await Account.create(request.body);\n  } catch (e) {\n    if (e.code === 11000) return reply.conflict('Handle already taken');\n    throw e;\n  }\n});"),
      app("app.post('/accounts', async (request, reply) => {\n  try {\n    return await Account.create(request.body);\n  } catch (e) {\n    if (e.name === 'ValidationError') return reply.code(400).send({ error: e.message });\n    throw e;\n  }\n});"),
    ],
    invalid: [
      {
        code: app("app.post('/accounts', async (request, reply) => {\n  try {\n    reply.code(201);\n    return await Account.create(request.body);\n  } catch (e) {\n    if (e.code === 11000) return reply.code(400).send({ error: 'Handle already taken' });\n    throw e;\n  }\n});"),
        at: "reply.code(«400»)",
        output: app("app.post('/accounts', async (request, reply) => {\n  try {\n    reply.code(201);\n    return await Account.create(request.body);\n  } catch (e) {\n    if (e.code === 11000) return reply.code(409).send({ error: 'Handle already taken' });\n    throw e;\n  }\n});"),
      },
      {
        code: app("app.post('/users', async (request, reply) => {\n  try {\n    return await prisma.user.create({ data: request.body });\n  } catch (error) {\n    if (error.code === 'P2002') {\n      reply.status(400);\n      return { message: 'Email already registered' };\n    }\n    throw error;\n  }\n});"),
        at: "status(«400»)",
        output: app("app.post('/users', async (request, reply) => {\n  try {\n    return await prisma.user.create({ data: request.body });\n  } catch (error) {\n    if (error.code === 'P2002') {\n      reply.status(409);\n      return { message: 'Email already registered' };\n    }\n    throw error;\n  }\n});"),
      },
      {
        code: plugin("  fastify.post('/posts', async (request, reply) => {\n    try {\n      return await db.insert(posts).values(request.body).returning();\n    } catch (err) {\n      if (err.code === '23505') return reply.badRequest('Slug already used');\n      throw err;\n    }\n  });"),
        at: "reply.«badRequest»(",
        output: plugin("  fastify.post('/posts', async (request, reply) => {\n    try {\n      return await db.insert(posts).values(request.body).returning();\n    } catch (err) {\n      if (err.code === '23505') return reply.conflict('Slug already used');\n      throw err;\n    }\n  });"),
      },
    ],
  },
  { adapter: 'fastify' },
);
