// unprocessable-for-semantic-errors under the Fastify adapter.
import { ruleTests } from '../../ruleTester';
import { app, plugin } from './fastifyApp';

ruleTests(
  'unprocessable-for-semantic-errors',
  {
    valid: [
      app("app.post('/bookings', async (request, reply) => {\n  if (request.body.endDate <= request.body.startDate) {\n    return reply.code(422).send({ error: 'endDate must be after startDate' });\n  }\n  reply.code(201);\n  return book(request.body);\n});"),
      // A missing field is a format error: 400 is right.
      app("app.post('/bookings', async (request, reply) => {\n  if (!request.body.startDate) return reply.badRequest('startDate is required');\n  return book(request.body);\n});"),
      app("app.put('/password', async (request, reply) => {\n  if (request.body.newPassword === request.body.currentPassword) {\n    return reply.unprocessableEntity('New password must differ from the current one');\n  }\n  return passwords.update(request.user.id, request.body.newPassword);\n});"),
    ],
    invalid: [
      {
        code: app("app.post('/bookings', async (request, reply) => {\n  if (request.body.endDate <= request.body.startDate) {\n    return reply.code(400).send({ error: 'endDate must be after startDate' });\n  }\n  reply.code(201);\n  return book(request.body);\n});"),
        at: "code(«400»)",
        output: app("app.post('/bookings', async (request, reply) => {\n  if (request.body.endDate <= request.body.startDate) {\n    return reply.code(422).send({ error: 'endDate must be after startDate' });\n  }\n  reply.code(201);\n  return book(request.body);\n});"),
      },
      {
        code: app("app.post('/transfers', async (request, reply) => {\n  const account = await Account.findById(request.body.from);\n  if (request.body.amount > account.balance) {\n    reply.status(400);\n    return { error: 'amount exceeds the balance' };\n  }\n  return transfers.create(request.body);\n});"),
        at: "status(«400»)",
        output: app("app.post('/transfers', async (request, reply) => {\n  const account = await Account.findById(request.body.from);\n  if (request.body.amount > account.balance) {\n    reply.status(422);\n    return { error: 'amount exceeds the balance' };\n  }\n  return transfers.create(request.body);\n});"),
      },
      {
        code: plugin("  fastify.post('/events', async (request, reply) => {\n    if (request.body.endsAt < request.body.startsAt) return reply.badRequest('endsAt must be after startsAt');\n    return events.create(request.body);\n  });"),
        at: "reply.«badRequest»(",
        output: plugin("  fastify.post('/events', async (request, reply) => {\n    if (request.body.endsAt < request.body.startsAt) return reply.unprocessableEntity('endsAt must be after startsAt');\n    return events.create(request.body);\n  });"),
      },
    ],
  },
  { adapter: 'fastify' },
);
