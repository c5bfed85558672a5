// accepted-for-async under the Fastify adapter.
import { ruleTests } from '../../ruleTester';
import { app, plugin } from './fastifyApp';

ruleTests(
  'accepted-for-async',
  {
    valid: [
      app("app.post('/exports', async (request, reply) => {\n  const job = await exportQueue.add('csv', { userId: request.user.id });\n  return reply.code(202).send({ jobId: job.id });\n});"),
      app("app.post('/orders', async (request, reply) => {\n  const order = await Order.create(request.body);\n  await mailQueue.add('receipt', { orderId: order.id });\n  reply.code(201);\n  return order;\n});"),
      app("app.get('/jobs/:id', async (request) => {\n  return exportQueue.getJob(request.params.id);\n});"),
    ],
    invalid: [
      {
        code: app("app.post('/exports', async (request, reply) => {\n  const job = await exportQueue.add('csv', { userId: request.user.id });\n  return reply.code(201).send({ jobId: job.id });\n});"),
        at: "code(«201»)",
        output: app("app.post('/exports', async (request, reply) => {\n  const job = await exportQueue.add('csv', { userId: request.user.id });\n  return reply.code(202).send({ jobId: job.id });\n});"),
      },
      {
        code: app("app.post('/reports', async (request, reply) => {\n  await reportQueue.add('build', request.body);\n  return { queued: true };\n});"),
        at: "«return» { queued: true }",
        output: app("app.post('/reports', async (request, reply) => {\n  await reportQueue.add('build', request.body);\n  reply.code(202);\n  return { queued: true };\n});"),
      },
      {
        code: plugin("  fastify.post('/imports', async (request, reply) => {\n    await importQueue.add('run', { file: request.body.file });\n    reply.status(200).send({ status: 'queued' });\n  });"),
        at: "status(«200»)",
        output: plugin("  fastify.post('/imports', async (request, reply) => {\n    await importQueue.add('run', { file: request.body.file });\n    reply.status(202).send({ status: 'queued' });\n  });"),
      },
    ],
  },
  { adapter: 'fastify' },
);
