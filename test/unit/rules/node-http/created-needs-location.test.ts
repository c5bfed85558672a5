// The rule under the node:http adapter: Location in `writeHead`'s headers or a `setHeader` call,
// the whole path read from `req.url` checks (a plain server has no mount path).
import { ruleTests } from '../../ruleTester';
import { route } from './server';

ruleTests(
  'created-needs-location',
  {
    valid: [
      route('POST', '/users', "    const user = await User.create(await readJson(req));\n    res.writeHead(201, { 'Content-Type': 'application/json', Location: `/users/${user.id}` });\n    res.end(JSON.stringify(user));"),
      route('POST', '/users', "    const user = await User.create(await readJson(req));\n    res.setHeader('Location', `/users/${user.id}`);\n    res.statusCode = 201;\n    res.end(JSON.stringify(user));"),
      // A PUT names the resource in its URL already.
      route('PUT', '/settings', "    const settings = await Settings.create(await readJson(req));\n    res.writeHead(201).end(JSON.stringify(settings));"),
      // A bulk create has no single URL.
      route('POST', '/users', "    const users = await User.insertMany(await readJson(req));\n    res.writeHead(201).end(JSON.stringify(users));"),
      // Headers whose names the file does not spell out.
      route('POST', '/users', '    const user = await User.create(await readJson(req));\n    res.writeHead(201, headersFor(user));\n    res.end(JSON.stringify(user));'),
      // A session route.
      route('POST', '/sessions', "    const session = await Session.create({ userId: 1 });\n    res.writeHead(201, { 'Content-Type': 'application/json' });\n    res.end(JSON.stringify(session));"),
    ],
    invalid: [
      {
        code: route('POST', '/users', "    const user = await User.create(await readJson(req));\n    res.writeHead(201, { 'Content-Type': 'application/json' });\n    res.end(JSON.stringify(user));"),
        at: 'res.writeHead(«201»',
        output: route('POST', '/users', "    const user = await User.create(await readJson(req));\n    res.writeHead(201, { 'Content-Type': 'application/json', 'Location': `/users/${user.id}` });\n    res.end(JSON.stringify(user));"),
      },
      {
        code: route('POST', '/notes', "    const result = await db.collection('notes').insertOne(await readJson(req));\n    res.writeHead(201);\n    res.end(JSON.stringify({ id: result.insertedId }));"),
        at: 'res.writeHead(«201»)',
        output: route('POST', '/notes', "    const result = await db.collection('notes').insertOne(await readJson(req));\n    res.writeHead(201, { 'Location': `/notes/${result.insertedId}` });\n    res.end(JSON.stringify({ id: result.insertedId }));"),
      },
      {
        code: route('POST', '/users', "    const user = await User.create(await readJson(req));\n    res.statusCode = 201;\n    res.setHeader('Content-Type', 'application/json');\n    res.end(JSON.stringify(user));"),
        at: 'res.statusCode = «201»',
        output: route('POST', '/users', "    const user = await User.create(await readJson(req));\n    res.statusCode = 201;\n    res.setHeader('Content-Type', 'application/json');\n    res.setHeader('Location', `/users/${user.id}`).end(JSON.stringify(user));"),
      },
      {
        // No id in sight: reported, with no fix.
        code: route('POST', '/books', '    await Book.create(await readJson(req));\n    res.statusCode = 201;\n    res.end();'),
        at: 'res.statusCode = «201»',
      },
    ],
  },
  { adapter: 'node:http' },
);
