// no-server-error-for-bad-input under the Fastify adapter.
import { ruleTests } from '../../ruleTester';
import { app, plugin } from './fastifyApp';

ruleTests(
  'no-server-error-for-bad-input',
  {
    valid: [
      app("app.post('/signup', async (request, reply) => {\n  if (!request.body.email) return reply.code(400).send({ error: 'email is required' });\n  reply.code(201);\n  return Account.create(request.body);\n});"),
      // The row a write returned is the store's answer, not input.
      app("app.post('/people', async (request, reply) => {\n  const { email, name } = request.body;\n  const person = await db.insertInto('person').values({ email, name }).returningAll().executeTakeFirst();\n  if (!person) return reply.internalServerError();\n  reply.code(201);\n  return person;\n});"),
      app("app.get('/users', async (request, reply) => {\n  try {\n    return await User.find();\n  } catch (err) {\n    request.log.error(err);\n    return reply.code(500).send({ error: 'Could not list users' });\n  }\n});"),
      // The id is checked before the finder (with `lookupFailures` on).
      {
        code: app("import mongoose from 'mongoose';\napp.get('/posts/:id', async (request, reply) => {\n  try {\n    if (!mongoose.isValidObjectId(request.params.id)) return reply.code(400).send({ error: 'Invalid id' });\n    return await Post.findById(request.params.id);\n  } catch (err) {\n    return reply.code(500).send({ error: 'Server error' });\n  }\n});"),
        options: { lookupFailures: true },
      },
    ],
    invalid: [
      {
        code: app("app.post('/signup', async (request, reply) => {\n  if (!request.body.email) {\n    return reply.code(500).send({ error: 'email is required' });\n  }\n  reply.code(201);\n  return Account.create(request.body);\n});"),
        at: "code(«500»)",
        output: app("app.post('/signup', async (request, reply) => {\n  if (!request.body.email) {\n    return reply.code(400).send({ error: 'email is required' });\n  }\n  reply.code(201);\n  return Account.create(request.body);\n});"),
      },
      {
        code: app("app.post('/bookings', async (request, reply) => {\n  const { date } = request.body;\n  if (!date) {\n    reply.status(500);\n    return { error: 'date is required' };\n  }\n  return Booking.create(request.body);\n});"),
        at: "status(«500»)",
        output: app("app.post('/bookings', async (request, reply) => {\n  const { date } = request.body;\n  if (!date) {\n    reply.status(400);\n    return { error: 'date is required' };\n  }\n  return Booking.create(request.body);\n});"),
      },
      {
        code: plugin("  fastify.get('/export', async (request, reply) => {\n    if (!request.query.format) return reply.internalServerError('format is required');\n    return exporter.run(request.query.format);\n  });"),
        at: "reply.«internalServerError»(",
        output: plugin("  fastify.get('/export', async (request, reply) => {\n    if (!request.query.format) return reply.badRequest('format is required');\n    return exporter.run(request.query.format);\n  });"),
      },
      {
        // A raw id handed to an ObjectId finder: the added check answers in Fastify's idiom.
        code: app("import mongoose from 'mongoose';\napp.get('/posts/:id', async (request, reply) => {\n  try {\n    return await Post.findById(request.params.id);\n  } catch (err) {\n    return reply.code(500).send({ error: 'Server error' });\n  }\n});"),
        options: { lookupFailures: true },
        at: 'code(«500»)',
        message: /malformed id/,
        output: app("import mongoose from 'mongoose';\napp.get('/posts/:id', async (request, reply) => {\n  try {\n    if (!mongoose.isValidObjectId(request.params.id)) return reply.code(400).send({ error: 'Invalid id' });\n    return await Post.findById(request.params.id);\n  } catch (err) {\n    return reply.code(500).send({ error: 'Server error' });\n  }\n});"),
      },
    ],
  },
  { adapter: 'fastify' },
);
