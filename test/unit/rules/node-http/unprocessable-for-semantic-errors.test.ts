// The rule under the node:http adapter (off by default, turned on by the tester): request values
// read with `await readJson(req)`.
import { ruleTests } from '../../ruleTester';
import { route } from './server';

const BOOKING = '    const booking = await readJson(req);\n';

ruleTests(
  'unprocessable-for-semantic-errors',
  {
    valid: [
      route('POST', '/bookings', `${BOOKING}    if (booking.endDate <= booking.startDate) {\n      res.writeHead(422, { 'Content-Type': 'application/json' });\n      return res.end(JSON.stringify({ error: 'endDate must be after startDate' }));\n    }\n    res.writeHead(201).end();`),
      // Presence checks are format errors.
      route('POST', '/bookings', `${BOOKING}    if (!booking.startDate) {\n      res.statusCode = 400;\n      return res.end('startDate is required');\n    }`),
      // A comparison with a constant: a value out of range.
      route('POST', '/bookings', `${BOOKING}    if (booking.guests > MAX_GUESTS) return res.writeHead(400).end('too many guests');`),
      // A route check is not a business rule.
      route('POST', '/bookings', "    if (req.headers['content-type'] !== 'application/json') return res.writeHead(400).end();"),
    ],
    invalid: [
      {
        code: route('POST', '/bookings', `${BOOKING}    if (booking.endDate <= booking.startDate) {\n      res.writeHead(400, { 'Content-Type': 'application/json' });\n      return res.end(JSON.stringify({ error: 'endDate must be after startDate' }));\n    }\n    res.writeHead(201).end();`),
        at: 'res.writeHead(«400», {',
        output: route('POST', '/bookings', `${BOOKING}    if (booking.endDate <= booking.startDate) {\n      res.writeHead(422, { 'Content-Type': 'application/json' });\n      return res.end(JSON.stringify({ error: 'endDate must be after startDate' }));\n    }\n    res.writeHead(201).end();`),
      },
      {
        // A request value against a looked-up one.
        code: route('POST', '/transfers', "    const { amount } = await readJson(req);\n    const account = await Account.findById(req.headers['x-account']);\n    if (account.balance < amount) {\n      res.statusCode = 400;\n      return res.end('Not enough money');\n    }"),
        at: 'res.statusCode = «400»',
        output: route('POST', '/transfers', "    const { amount } = await readJson(req);\n    const account = await Account.findById(req.headers['x-account']);\n    if (account.balance < amount) {\n      res.statusCode = 422;\n      return res.end('Not enough money');\n    }"),
      },
      {
        // A message that reads like a business rule.
        code: route('POST', '/orders', "    const order = await readJson(req);\n    if (!stock.has(order.sku)) return res.writeHead(400).end(JSON.stringify({ error: 'Item is out of stock' }));"),
        at: 'res.writeHead(«400»)',
        output: route('POST', '/orders', "    const order = await readJson(req);\n    if (!stock.has(order.sku)) return res.writeHead(422).end(JSON.stringify({ error: 'Item is out of stock' }));"),
      },
    ],
  },
  { adapter: 'node:http' },
);
