// The rule under the node:http adapter: the body read with a helper handed the request
// (`await readJson(req)`), detail written into `res.end(JSON.stringify(…))`.
import { ruleTests } from '../../ruleTester';
import { route, server } from './server';

ruleTests(
  'error-needs-detail',
  {
    valid: [
      route('POST', '/users', "    const body = await readJson(req);\n    if (!body.email) {\n      res.writeHead(400, { 'Content-Type': 'application/json' });\n      return res.end(JSON.stringify({ error: 'email is required', fields: { email: 'required' } }));\n    }\n    res.writeHead(201).end();"),
      // A message in a non-Latin script names the problem.
      route('POST', '/users', "    const body = await readJson(req);\n    if (!body.email) {\n      res.writeHead(400);\n      return res.end('Введите адрес почты');\n    }"),
      // 404 and 401 tell the client what happened by themselves.
      server("  res.writeHead(404);\n  res.end();"),
      server("  res.statusCode = 401;\n  res.setHeader('WWW-Authenticate', 'Bearer');\n  res.end('Unauthorized');"),
      // A body built at run time.
      route('POST', '/users', "    try {\n      await User.create(await readJson(req));\n    } catch (err) {\n      res.writeHead(409, { 'Content-Type': 'text/plain' });\n      res.end(err.message);\n    }"),
    ],
    invalid: [
      {
        code: route('POST', '/users', '    const body = await readJson(req);\n    if (!body.email) {\n      res.writeHead(400);\n      return res.end();\n    }\n    res.writeHead(201).end();'),
        at: 'res.writeHead(«400»)',
        output: route('POST', '/users', "    const body = await readJson(req);\n    if (!body.email) {\n      res.writeHead(400);\n      return res.end(JSON.stringify({ error: 'email is required', fields: { email: 'required' } }));\n    }\n    res.writeHead(201).end();"),
      },
      {
        // Names destructured from the parsed body; a body that only says "Bad Request".
        code: server("  const { email, password } = JSON.parse(await readBody(req));\n  if (!email || !password) {\n    res.writeHead(400, { 'Content-Type': 'application/json' });\n    return res.end(JSON.stringify({ error: 'Bad Request' }));\n  }", { async: true }),
        at: 'res.writeHead(«400», {',
        output: server("  const { email, password } = JSON.parse(await readBody(req));\n  if (!email || !password) {\n    res.writeHead(400, { 'Content-Type': 'application/json' });\n    return res.end(JSON.stringify({ error: 'email and password are required' }));\n  }", { async: true }),
      },
      {
        // Nothing says what is wrong: a skeleton to fill in, which the rule keeps reporting.
        code: server("  if (!isValid(req)) {\n    res.statusCode = 422;\n    res.end();\n    return;\n  }\n  res.end('ok');"),
        at: 'res.statusCode = «422»',
        keeps: ['Send an { error, fields } body to fill in'],
      },
      {
        code: route('POST', '/people', "    const body = await readJson(req);\n    if (typeof body.age !== 'number') {\n      res.statusCode = 400;\n      res.end('Invalid request');\n    }"),
        at: 'res.statusCode = «400»',
        output: route('POST', '/people', "    const body = await readJson(req);\n    if (typeof body.age !== 'number') {\n      res.statusCode = 400;\n      res.end('age must be a number');\n    }"),
      },
    ],
  },
  { adapter: 'node:http' },
);
