// The rule under the node:http adapter: a lookup that found nothing answered with `end(…)` and no
// status, or `writeHead(200)`; the route read from `req.method` checks.
import { ruleTests } from '../../ruleTester';
import { route } from './server';

const LOOKUP = "    const user = await User.findById(req.headers['x-user-id']);\n";

ruleTests(
  'no-success-for-missing',
  {
    valid: [
      route('GET', '/me', `${LOOKUP}    if (!user) {\n      res.writeHead(404, { 'Content-Type': 'application/json' });\n      return res.end(JSON.stringify({ error: 'User not found' }));\n    }\n    res.end(JSON.stringify(user));`),
      // Lists: an empty list is a valid answer.
      route('GET', '/users', "    const users = await User.find({});\n    res.writeHead(200, { 'Content-Type': 'application/json' });\n    res.end(JSON.stringify(users));"),
      // 204.
      route('GET', '/me', `${LOOKUP}    if (!user) return res.writeHead(204).end();\n    res.end(JSON.stringify(user));`),
      // Something meaningful when nothing was found.
      route('GET', '/availability', "    const taken = await User.findOne({ name: 'x' });\n    if (!taken) return res.end(JSON.stringify({ available: true }));\n    res.end(JSON.stringify({ available: false }));"),
      // A POST that answers the same for known and unknown emails on purpose.
      route('POST', '/password-reset', "    const account = await User.findOne({ email: (await readJson(req)).email });\n    if (!account) return res.writeHead(200).end(JSON.stringify({ sent: true }));\n    await mailer.sendReset(account);\n    res.writeHead(200).end(JSON.stringify({ sent: true }));"),
    ],
    invalid: [
      {
        // A record store's `find` tested for absence returns one record or none; an empty text says nothing.
        code: route('GET', '/me', "    const user = await store.users.find({ id: req.headers['x-user-id'] });\n    if (!user) {\n      res.writeHead(200, { 'Content-Type': 'application/json' });\n      return res.end('');\n    }\n    res.end(JSON.stringify(user));"),
        at: 'res.writeHead(«200», {',
        output: route('GET', '/me', "    const user = await store.users.find({ id: req.headers['x-user-id'] });\n    if (!user) {\n      res.writeHead(404, { 'Content-Type': 'application/json' });\n      return res.end(JSON.stringify({ error: 'User not found' }));\n    }\n    res.end(JSON.stringify(user));"),
      },
      {
        code: route('GET', '/me', `${LOOKUP}    if (!user) {\n      return res.end(JSON.stringify({ data: null }));\n    }\n    res.end(JSON.stringify(user));`),
        at: '      return «res.end(JSON.stringify({ data: null }))»',
        output: route('GET', '/me', `${LOOKUP}    if (!user) {\n      return res.writeHead(404).end(JSON.stringify({ error: 'User not found' }));\n    }\n    res.end(JSON.stringify(user));`),
      },
      {
        code: route('GET', '/me', `${LOOKUP}    if (user == null) {\n      res.writeHead(200, { 'Content-Type': 'application/json' });\n      return res.end(JSON.stringify(null));\n    }\n    res.end(JSON.stringify(user));`),
        at: 'res.writeHead(«200», {',
        output: route('GET', '/me', `${LOOKUP}    if (user == null) {\n      res.writeHead(404, { 'Content-Type': 'application/json' });\n      return res.end(JSON.stringify({ error: 'User not found' }));\n    }\n    res.end(JSON.stringify(user));`),
      },
      {
        // The else of a found check; statusCode and a "not found" message.
        code: route('GET', '/me', `${LOOKUP}    if (user) {\n      res.end(JSON.stringify(user));\n    } else {\n      res.statusCode = 200;\n      res.end('User not found');\n    }`),
        at: 'res.statusCode = «200»',
        output: route('GET', '/me', `${LOOKUP}    if (user) {\n      res.end(JSON.stringify(user));\n    } else {\n      res.statusCode = 404;\n      res.end('User not found');\n    }`),
      },
    ],
  },
  { adapter: 'node:http' },
);
