// The rule under the node:http adapter: a duplicate-key error answered with `writeHead` or `statusCode`.
import { ruleTests } from '../../ruleTester';
import { route, server } from './server';

const async = { async: true };
/** A POST /users handler that inserts, with `onError` as its catch body. */
const insert = (onError: string): string =>
  server(`  if (req.method === 'POST' && req.url === '/users') {\n    try {\n      await User.create(await readJson(req));\n      res.writeHead(201).end();\n    } catch (err) {\n${onError}\n    }\n  }`, async);

ruleTests(
  'conflict-for-duplicate',
  {
    valid: [
      insert("      if (err.code === 11000) {\n        res.writeHead(409, { 'Content-Type': 'application/json' });\n        return res.end(JSON.stringify({ error: 'Email already registered' }));\n      }\n      res.writeHead(500).end();"),
      // The else branch of a duplicate test is everything but the duplicate.
      insert("      if (err.code === 11000) res.writeHead(409).end();\n      else res.writeHead(500).end();"),
      // A test mixed with another cause.
      insert("      if (err.code === 11000 || err.name === 'ValidationError') {\n        res.statusCode = 400;\n        return res.end(err.name);\n      }\n      throw err;"),
      // 422 is a defensible convention.
      insert("      if (err.code === 'P2002') return res.writeHead(422).end(JSON.stringify({ error: 'email must be unique' }));\n      throw err;"),
      // A response shared by every error of the catch.
      insert("      const message = err.code === 11000 ? 'Email taken' : 'Failed';\n      res.writeHead(400, { 'Content-Type': 'text/plain' });\n      res.end(message);"),
    ],
    invalid: [
      {
        // A look-up before the insert, the result in a variable.
        code: route('POST', '/users', "    const body = await readJson(req);\n    const existing = await User.findOne({ email: body.email });\n    if (existing) {\n      res.writeHead(400, { 'Content-Type': 'application/json' });\n      return res.end(JSON.stringify({ error: 'Email already registered' }));\n    }\n    res.writeHead(201).end();"),
        at: 'res.writeHead(«400»',
        message: /shows the email is already taken/,
        output: route('POST', '/users', "    const body = await readJson(req);\n    const existing = await User.findOne({ email: body.email });\n    if (existing) {\n      res.writeHead(409, { 'Content-Type': 'application/json' });\n      return res.end(JSON.stringify({ error: 'Email already registered' }));\n    }\n    res.writeHead(201).end();"),
      },
      {
        // MySQL's code read from the error's text.
        code: insert("      if (err.message.includes('ER_DUP_ENTRY')) {\n        res.statusCode = 400;\n        return res.end('Name taken');\n      }\n      throw err;"),
        at: 'res.statusCode = «400»',
        output: insert("      if (err.message.includes('ER_DUP_ENTRY')) {\n        res.statusCode = 409;\n        return res.end('Name taken');\n      }\n      throw err;"),
      },
      {
        code: insert("      if (err.code === 11000) {\n        res.writeHead(400, { 'Content-Type': 'application/json' });\n        return res.end(JSON.stringify({ error: 'Email already registered' }));\n      }\n      throw err;"),
        at: 'res.writeHead(«400», {',
        message: /duplicate-key error \(`err\.code === 11000`\) answered 400 Bad Request.*409 Conflict/,
        output: insert("      if (err.code === 11000) {\n        res.writeHead(409, { 'Content-Type': 'application/json' });\n        return res.end(JSON.stringify({ error: 'Email already registered' }));\n      }\n      throw err;"),
      },
      {
        // A guard that rethrows every other error, then `statusCode`.
        code: insert("      if (err.code !== '23505') throw err;\n      res.statusCode = 500;\n      res.end('Email already registered');"),
        at: 'res.statusCode = «500»',
        output: insert("      if (err.code !== '23505') throw err;\n      res.statusCode = 409;\n      res.end('Email already registered');"),
      },
      {
        // A switch over the MySQL code.
        code: insert("      switch (err.code) {\n        case 'ER_DUP_ENTRY':\n          return res.writeHead(400).end('Username taken');\n        default:\n          res.writeHead(500).end();\n      }"),
        at: 'res.writeHead(«400»)',
        output: insert("      switch (err.code) {\n        case 'ER_DUP_ENTRY':\n          return res.writeHead(409).end('Username taken');\n        default:\n          res.writeHead(500).end();\n      }"),
      },
    ],
  },
  { adapter: 'node:http' },
);
