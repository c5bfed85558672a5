// unprocessable-for-semantic-errors (off by default) under the Hono adapter: a business rule on validated input answered 400.
import { ruleTests } from '../../ruleTester';
import { app } from './app';

const bookings = (answer: string): string =>
  app(`app.post('/bookings', async (c) => {\n  const body = await c.req.json();\n  if (body.endDate <= body.startDate) {\n    return ${answer};\n  }\n  return c.json(book(body), 201);\n});`);

ruleTests(
  'unprocessable-for-semantic-errors',
  {
    valid: [
      bookings("c.json({ error: 'endDate must be after startDate' }, 422)"),
      app("app.post('/bookings', async (c) => {\n  const body = await c.req.json();\n  if (!body.startDate) return c.json({ error: 'startDate is required' }, 400);\n  return c.json(book(body), 201);\n});"),
      app("app.post('/transfers', async (c) => {\n  const { amount } = c.req.valid('json');\n  const account = await Account.findById(c.get('user').id);\n  if (account.balance < amount) return c.json({ error: 'Insufficient funds' }, 422);\n  return c.json(await transfer(account, amount), 201);\n});"),
    ],
    invalid: [
      {
        code: bookings("c.json({ error: 'endDate must be after startDate' }, 400)"),
        at: "c.json({ error: 'endDate must be after startDate' }, «400»",
        output: bookings("c.json({ error: 'endDate must be after startDate' }, 422)"),
      },
      {
        code: bookings("c.text('endDate must be after startDate', 400)"),
        at: "c.text('endDate must be after startDate', «400»",
        output: bookings("c.text('endDate must be after startDate', 422)"),
      },
      {
        code: app("app.post('/transfers', async (c) => {\n  const { amount } = c.req.valid('json');\n  const account = await Account.findById(c.get('user').id);\n  if (account.balance < amount) return c.json({ error: 'Insufficient funds' }, 400);\n  return c.json(await transfer(account, amount), 201);\n});"),
        at: "c.json({ error: 'Insufficient funds' }, «400»",
        output: app("app.post('/transfers', async (c) => {\n  const { amount } = c.req.valid('json');\n  const account = await Account.findById(c.get('user').id);\n  if (account.balance < amount) return c.json({ error: 'Insufficient funds' }, 422);\n  return c.json(await transfer(account, amount), 201);\n});"),
      },
    ],
  },
  { adapter: 'hono' },
);
