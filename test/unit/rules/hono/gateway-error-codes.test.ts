// gateway-error-codes under the Hono adapter: an upstream call's failure answered 500 from a catch.
import { ruleTests } from '../../ruleTester';
import { app } from './app';

const rates = (timeout: string, failed: string): string =>
  app(`app.get('/rates', async (c) => {\n  try {\n    const reply = await fetch(RATES_URL, { signal: AbortSignal.timeout(3000) });\n    return c.json(await reply.json());\n  } catch (e) {\n    if (e.name === 'TimeoutError') return ${timeout};\n    return ${failed};\n  }\n});`);

ruleTests(
  'gateway-error-codes',
  {
    valid: [
      rates("c.json({ error: 'Rates service is slow' }, 504)", "c.json({ error: 'Rates service failed' }, 502)"),
      app("app.get('/books', async (c) => {\n  try {\n    return c.json(await Book.find());\n  } catch (e) {\n    return c.json({ error: 'Could not load the books' }, 500);\n  }\n});"),
      app("app.get('/weather', async (c) => {\n  const reply = await fetch(WEATHER_URL);\n  if (!reply.ok) return c.json({ error: 'Weather service failed' }, 502);\n  return c.json(await reply.json());\n});"),
    ],
    invalid: [
      {
        code: rates("c.json({ error: 'Rates service is slow' }, 500)", "c.json({ error: 'Rates service failed' }, 502)"),
        at: "c.json({ error: 'Rates service is slow' }, «500»",
        output: rates("c.json({ error: 'Rates service is slow' }, 504)", "c.json({ error: 'Rates service failed' }, 502)"),
      },
      {
        code: rates("c.json({ error: 'Rates service is slow' }, 504)", "c.text('Rates service failed', 500)"),
        at: "c.text('Rates service failed', «500»",
        output: rates("c.json({ error: 'Rates service is slow' }, 504)", "c.text('Rates service failed', 502)"),
      },
      {
        code: app("app.get('/weather', async (c) => {\n  try {\n    const reply = await fetch(WEATHER_URL);\n    return c.json(await reply.json());\n  } catch (err) {\n    return c.json({ error: 'Weather service failed' }, { status: 500 });\n  }\n});"),
        at: '{ status: «500» }',
        output: app("app.get('/weather', async (c) => {\n  try {\n    const reply = await fetch(WEATHER_URL);\n    return c.json(await reply.json());\n  } catch (err) {\n    return c.json({ error: 'Weather service failed' }, { status: 502 });\n  }\n});"),
      },
    ],
  },
  { adapter: 'hono' },
);
