// conflict-for-duplicate under the Hono adapter: a unique-key violation caught and answered with c.json.
import { ruleTests } from '../../ruleTester';
import { app } from './app';

const accounts = (answer: string): string =>
  app(`app.post('/accounts', async (c) => {\n  try {\n    return c.json(await Account.create(await c.req.json()), 201);\n  } catch (e) {\n    if (e.code === 11000) return ${answer};\n    throw e;\n  }\n});`);

ruleTests(
  'conflict-for-duplicate',
  {
    valid: [
      accounts("c.json({ error: 'Handle already taken' }, 409)"),
      app("app.post('/accounts', async (c) => {\n  try {\n    return c.json(await Account.create(await c.req.json()), 201);\n  } catch (e) {\n    return c.json({ error: 'Could not create the account' }, 500);\n  }\n});"),
      app("app.post('/tags', async (c) => {\n  try {\n    const [tag] = await db.insert(tags).values(await c.req.json()).returning();\n    return c.json(tag, 201);\n  } catch (err) {\n    if (err.code === '23505') return c.json({ error: 'Tag exists' }, 409);\n    throw err;\n  }\n});"),
    ],
    invalid: [
      {
        code: accounts("c.json({ error: 'Handle already taken' }, 400)"),
        at: "c.json({ error: 'Handle already taken' }, «400»",
        output: accounts("c.json({ error: 'Handle already taken' }, 409)"),
      },
      {
        code: accounts("c.text('Handle already taken', 500)"),
        at: "c.text('Handle already taken', «500»",
        output: accounts("c.text('Handle already taken', 409)"),
      },
      {
        code: app("app.post('/tags', async (c) => {\n  try {\n    const [tag] = await db.insert(tags).values(await c.req.json()).returning();\n    return c.json(tag, 201);\n  } catch (err) {\n    if (err.code === '23505') return c.json({ error: 'Tag exists' }, 500);\n    throw err;\n  }\n});"),
        at: "c.json({ error: 'Tag exists' }, «500»",
        output: app("app.post('/tags', async (c) => {\n  try {\n    const [tag] = await db.insert(tags).values(await c.req.json()).returning();\n    return c.json(tag, 201);\n  } catch (err) {\n    if (err.code === '23505') return c.json({ error: 'Tag exists' }, 409);\n    throw err;\n  }\n});"),
      },
    ],
  },
  { adapter: 'hono' },
);
