// no-leaked-error-details under the Hono adapter: app.onError and catch blocks that send err.message or err.stack.
import { ruleTests } from '../../ruleTester';
import { app, stokerApp } from './app';

ruleTests(
  'no-leaked-error-details',
  {
    valid: [
      app("app.onError((err, c) => {\n  console.error(err);\n  return c.json({ error: 'Internal server error' }, 500);\n});"),
      // An HTTPException's message was written for the client.
      app("app.onError((err, c) => {\n  if (err instanceof HTTPException) return err.getResponse();\n  return c.json({ error: 'Internal server error' }, 500);\n});"),
      app("app.get('/books', async (c) => {\n  try {\n    return c.json(await Book.find());\n  } catch (err) {\n    console.error(err);\n    return c.text('Could not load the books', 500);\n  }\n});"),
    ],
    invalid: [
      {
        code: app("app.onError((err, c) => {\n  return c.json({ error: err.message, stack: err.stack }, 500);\n});"),
        at: 'err.stack }, «500»',
        output: app("app.onError((err, c) => {\n  console.error(err);\n  return c.json({ error: 'Internal server error' }, 500);\n});"),
      },
      {
        code: app("app.get('/books', async (c) => {\n  try {\n    return c.json(await Book.find());\n  } catch (err) {\n    return c.text(err.message, 500);\n  }\n});"),
        at: 'c.text(err.message, «500»',
        output: app("app.get('/books', async (c) => {\n  try {\n    return c.json(await Book.find());\n  } catch (err) {\n    console.error(err);\n    return c.text('Internal server error', 500);\n  }\n});"),
      },
      {
        code: stokerApp("app.onError((err, c) => {\n  return c.json({ message: err.message, stack: err.stack }, HttpStatusCodes.INTERNAL_SERVER_ERROR);\n});"),
        at: 'err.stack }, «HttpStatusCodes.INTERNAL_SERVER_ERROR»',
        output: stokerApp("app.onError((err, c) => {\n  console.error(err);\n  return c.json({ message: 'Internal server error' }, HttpStatusCodes.INTERNAL_SERVER_ERROR);\n});"),
      },
    ],
  },
  { adapter: 'hono' },
);
