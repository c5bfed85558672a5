// The rule under the node:http adapter: the collection is read from `req.url` checks, a 201 made
// explicit with `writeHead`, the Location header set before it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleTests } from '../../ruleTester';
import { fixOutput } from '../fixOutput';
import { route, server } from './server';

ruleTests(
  'created-for-create',
  {
    valid: [
      route('POST', '/users', "    const user = await User.create(await readJson(req));\n    res.writeHead(201, { 'Content-Type': 'application/json' });\n    res.end(JSON.stringify(user));"),
      // A login stores a session record, but answers; it does not create.
      route('POST', '/login', "    const session = await Session.create({ userId: 1 });\n    res.writeHead(200, { 'Content-Type': 'application/json' });\n    res.end(JSON.stringify(session));"),
      // A GET that logs a visit.
      route('GET', '/articles', "    const visit = await Visit.create({ at: Date.now() });\n    res.end(JSON.stringify(visit));"),
      // Find-or-create: 200 may answer an existing record.
      route('POST', '/users', "    const input = await readJson(req);\n    let user = await User.findOne({ email: input.email });\n    if (!user) {\n      user = await User.create(input);\n    }\n    res.statusCode = 200;\n    res.end(JSON.stringify(user));"),
      // A 200 in the catch answers the failure.
      route('POST', '/users', "    try {\n      await User.create(await readJson(req));\n    } catch (err) {\n      res.end(JSON.stringify({ created: false }));\n    }"),
      // The status is not pinned down.
      route('POST', '/users', "    const user = await User.create(await readJson(req));\n    res.writeHead(code);\n    res.end(JSON.stringify(user));"),
      // A toggle through a service: `addLike` flips a flag on an existing record.
      route('POST', '/posts/like', "    const like = await likeService.addLike(await readJson(req));\n    res.end(JSON.stringify(like));"),
    ],
    invalid: [
      {
        code: route('POST', '/users', "    const user = await User.create(await readJson(req));\n    res.writeHead(200, { 'Content-Type': 'application/json' });\n    res.end(JSON.stringify(user));"),
        at: 'res.writeHead(«200»',
        message: /POST creates a record \(`User\.create`\).*201 Created/,
        output: route('POST', '/users', "    const user = await User.create(await readJson(req));\n    res.writeHead(201, { 'Content-Type': 'application/json' });\n    res.end(JSON.stringify(user));"),
      },
      {
        // The method from a switch inside a path check; an implicit 200.
        code: server("  if (req.url === '/users') {\n    switch (req.method) {\n      case 'POST': {\n        const user = await User.create(await readJson(req));\n        res.end(JSON.stringify(user));\n        break;\n      }\n    }\n  }", { async: true }),
        at: '        «res.end(JSON.stringify(user))»',
        output: server("  if (req.url === '/users') {\n    switch (req.method) {\n      case 'POST': {\n        const user = await User.create(await readJson(req));\n        res.writeHead(201).end(JSON.stringify(user));\n        break;\n      }\n    }\n  }", { async: true }),
      },
      {
        // No body: the route is the collection of what was stored.
        code: route('POST', '/books', '    await Book.create(await readJson(req));\n    res.statusCode = 200;\n    res.end();'),
        at: 'res.statusCode = «200»',
        output: route('POST', '/books', '    await Book.create(await readJson(req));\n    res.statusCode = 201;\n    res.end();'),
      },
      {
        // A record built with `new` then saved, and a message that says so.
        code: route('POST', '/posts', "    const post = new Post(await readJson(req));\n    await post.save();\n    res.setHeader('Content-Type', 'application/json');\n    res.end(JSON.stringify({ message: 'Post created' }));"),
        at: "    «res.end(JSON.stringify({ message: 'Post created' }))»",
        output: route('POST', '/posts', "    const post = new Post(await readJson(req));\n    await post.save();\n    res.setHeader('Content-Type', 'application/json');\n    res.writeHead(201).end(JSON.stringify({ message: 'Post created' }));"),
      },
      {
        // A create through a service whose name says so, answered from a `.then` callback.
        code: route('POST', '/orders', "    orderService.createOrder(await readJson(req)).then((order) => {\n      res.writeHead(200, { 'Content-Type': 'application/json' });\n      res.end(JSON.stringify(order));\n    });"),
        at: 'res.writeHead(«200»',
        message: /`orderService\.createOrder`/,
        output: route('POST', '/orders', "    orderService.createOrder(await readJson(req)).then((order) => {\n      res.writeHead(201, { 'Content-Type': 'application/json' });\n      res.end(JSON.stringify(order));\n    });"),
      },
    ],
  },
  { adapter: 'node:http' },
);

describe('created-for-create (node:http): the fix that also adds Location', () => {
  it('adds it to writeHead\'s headers, with the whole path read from req.url', () => {
    const code = route('POST', '/users', "    const user = await User.create(await readJson(req));\n    res.writeHead(200, { 'Content-Type': 'application/json' });\n    res.end(JSON.stringify(user));");
    assert.equal(
      fixOutput('created-for-create', code, 'add Location'),
      route('POST', '/users', "    const user = await User.create(await readJson(req));\n    res.writeHead(201, { 'Content-Type': 'application/json', 'Location': `/users/${user.id}` });\n    res.end(JSON.stringify(user));"),
    );
  });

  it('sets the header before the writeHead that makes 201 explicit', () => {
    const code = route('POST', '/notes', "    const result = await db.collection('notes').insertOne(await readJson(req));\n    res.end(JSON.stringify({ id: result.insertedId }));");
    assert.equal(
      fixOutput('created-for-create', code, 'add Location'),
      route('POST', '/notes', "    const result = await db.collection('notes').insertOne(await readJson(req));\n    res.setHeader('Location', `/notes/${result.insertedId}`).writeHead(201).end(JSON.stringify({ id: result.insertedId }));"),
    );
  });
});
