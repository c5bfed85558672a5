// no-leaked-error-details under the Fastify adapter.
import { ruleTests } from '../../ruleTester';
import { app, plugin } from './fastifyApp';

ruleTests(
  'no-leaked-error-details',
  {
    valid: [
      app("app.setErrorHandler((error, request, reply) => {\n  request.log.error(error);\n  reply.status(500).send({ error: 'Internal Server Error' });\n});"),
      app("app.get('/users', async (request, reply) => {\n  try {\n    return await User.find();\n  } catch (err) {\n    request.log.error(err);\n    return reply.code(500).send({ error: 'Could not list users' });\n  }\n});"),
      app("app.setErrorHandler((error, request, reply) => {\n  if (error.validation) {\n    return reply.status(400).send({ error: error.message });\n  }\n  reply.status(500).send({ error: 'Internal Server Error' });\n});"),
    ],
    invalid: [
      {
        code: app("app.setErrorHandler((error, request, reply) => {\n  reply.status(500).send({ error: error.message, stack: error.stack });\n});"),
        at: "status(«500»)",
        output: app("app.setErrorHandler((error, request, reply) => {\n  console.error(error);\n  reply.status(500).send({ error: 'Internal server error' });\n});"),
      },
      {
        code: app("app.get('/users', async (request, reply) => {\n  try {\n    return await User.find();\n  } catch (err) {\n    reply.code(500);\n    return { error: err.message };\n  }\n});"),
        at: "code(«500»)",
        output: app("app.get('/users', async (request, reply) => {\n  try {\n    return await User.find();\n  } catch (err) {\n    console.error(err);\n    reply.code(500);\n    return { error: 'Internal server error' };\n  }\n});"),
      },
      {
        code: plugin("  fastify.post('/imports', async (request, reply) => {\n    try {\n      return await importer.run(request.body);\n    } catch (err) {\n      return reply.code(500).send({ message: 'Import failed', detail: err.stack });\n    }\n  });"),
        at: "code(«500»)",
        output: plugin("  fastify.post('/imports', async (request, reply) => {\n    try {\n      return await importer.run(request.body);\n    } catch (err) {\n      console.error(err);\n      return reply.code(500).send({ message: 'Import failed' });\n    }\n  });"),
      },
    ],
  },
  { adapter: 'fastify' },
);
