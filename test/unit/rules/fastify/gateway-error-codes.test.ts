// gateway-error-codes under the Fastify adapter.
import { ruleTests } from '../../ruleTester';
import { app, plugin } from './fastifyApp';

ruleTests(
  'gateway-error-codes',
  {
    valid: [
      app("app.get('/rates', async (request, reply) => {\n  try {\n    const rates = await fetch(RATES_URL, { signal: AbortSignal.timeout(3000) });\n    return await rates.json();\n  } catch (e) {\n    if (e.name === 'TimeoutError') return reply.code(504).send({ error: 'Rates service is slow' });\n    return reply.code(502).send({ error: 'Rates service failed' });\n  }\n});"),
      app("app.get('/rates', async (request, reply) => {\n  try {\n    const { data } = await axios.get(RATES_URL);\n    return data;\n  } catch (err) {\n    return reply.badGateway('Rates service failed');\n  }\n});"),
      app("app.get('/users', async (request, reply) => {\n  try {\n    return await User.find();\n  } catch (err) {\n    request.log.error(err);\n    return reply.code(500).send({ error: 'Could not list users' });\n  }\n});"),
    ],
    invalid: [
      {
        code: app("app.get('/rates', async (request, reply) => {\n  try {\n    const rates = await fetch(RATES_URL, { signal: AbortSignal.timeout(3000) });\n    return await rates.json();\n  } catch (e) {\n    if (e.name === 'TimeoutError') return reply.code(500).send({ error: 'Rates service is slow' });\n    return reply.code(502).send({ error: 'Rates service failed' });\n  }\n});"),
        at: "reply.code(«500»)",
        output: app("app.get('/rates', async (request, reply) => {\n  try {\n    const rates = await fetch(RATES_URL, { signal: AbortSignal.timeout(3000) });\n    return await rates.json();\n  } catch (e) {\n    if (e.name === 'TimeoutError') return reply.code(504).send({ error: 'Rates service is slow' });\n    return reply.code(502).send({ error: 'Rates service failed' });\n  }\n});"),
      },
      {
        code: app("app.get('/weather', async (request, reply) => {\n  try {\n    const { data } = await axios.get(WEATHER_URL);\n    return data;\n  } catch (err) {\n    reply.status(500);\n    return { error: 'Weather service failed' };\n  }\n});"),
        at: "status(«500»)",
        output: app("app.get('/weather', async (request, reply) => {\n  try {\n    const { data } = await axios.get(WEATHER_URL);\n    return data;\n  } catch (err) {\n    reply.status(502);\n    return { error: 'Weather service failed' };\n  }\n});"),
      },
      {
        code: plugin("  fastify.get('/quotes', async (request, reply) => {\n    try {\n      const response = await fetch(QUOTES_URL);\n      return await response.json();\n    } catch (error) {\n      return reply.internalServerError('Quotes service failed');\n    }\n  });"),
        at: "reply.«internalServerError»(",
        output: plugin("  fastify.get('/quotes', async (request, reply) => {\n    try {\n      const response = await fetch(QUOTES_URL);\n      return await response.json();\n    } catch (error) {\n      return reply.badGateway('Quotes service failed');\n    }\n  });"),
      },
    ],
  },
  { adapter: 'fastify' },
);
