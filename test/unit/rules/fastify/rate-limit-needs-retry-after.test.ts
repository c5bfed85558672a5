// rate-limit-needs-retry-after under the Fastify adapter.
import { ruleTests } from '../../ruleTester';
import { app, plugin } from './fastifyApp';

ruleTests(
  'rate-limit-needs-retry-after',
  {
    valid: [
      app("app.post('/messages', async (request, reply) => {\n  if (tooManyRequests(request.ip)) {\n    return reply.code(429).header('Retry-After', '60').send({ error: 'Slow down' });\n  }\n  reply.code(201);\n  return send(request.body);\n});"),
      app("app.post('/messages', async (request, reply) => {\n  const limit = await limiter.check(request.ip);\n  if (limit.exceeded) {\n    reply.headers({ 'retry-after': String(limit.retryAfter) });\n    return reply.tooManyRequests('Slow down');\n  }\n  return send(request.body);\n});"),
      // Headers whose names the file does not spell out.
      app("app.post('/messages', async (request, reply) => {\n  if (tooManyRequests(request.ip)) {\n    reply.headers(rateLimitHeaders(request.ip));\n    return reply.code(429).send({ error: 'Slow down' });\n  }\n  return send(request.body);\n});"),
    ],
    invalid: [
      {
        code: app("app.post('/messages', async (request, reply) => {\n  if (tooManyRequests(request.ip)) {\n    return reply.code(429).send({ error: 'Slow down' });\n  }\n  reply.code(201);\n  return send(request.body);\n});"),
        at: "code(«429»)",
        output: app("app.post('/messages', async (request, reply) => {\n  if (tooManyRequests(request.ip)) {\n    return reply.code(429).header('Retry-After', '60').send({ error: 'Slow down' });\n  }\n  reply.code(201);\n  return send(request.body);\n});"),
      },
      {
        code: app("app.post('/login', async (request, reply) => {\n  const retryAfter = await attempts.secondsUntilReset(request.ip);\n  if (retryAfter > 0) {\n    reply.status(429);\n    return { error: 'Too many attempts' };\n  }\n  return auth.login(request.body);\n});"),
        at: "status(«429»)",
        output: app("app.post('/login', async (request, reply) => {\n  const retryAfter = await attempts.secondsUntilReset(request.ip);\n  if (retryAfter > 0) {\n    reply.status(429).header('Retry-After', String(retryAfter));\n    return { error: 'Too many attempts' };\n  }\n  return auth.login(request.body);\n});"),
      },
      {
        code: plugin("  fastify.get('/search', async (request, reply) => {\n    if (await quota.exhausted(request.user.id)) return reply.tooManyRequests('Daily quota used up');\n    return search(request.query.q);\n  });"),
        at: "reply.«tooManyRequests»(",
        output: plugin("  fastify.get('/search', async (request, reply) => {\n    if (await quota.exhausted(request.user.id)) return reply.header('Retry-After', '60').tooManyRequests('Daily quota used up');\n    return search(request.query.q);\n  });"),
      },
    ],
  },
  { adapter: 'fastify' },
);
