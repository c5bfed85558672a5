import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleTests } from '../ruleTester';
import { fixOutput } from './fixOutput';

ruleTests('no-content-has-no-body', {
  valid: [
    "app.delete('/users/:id', async (req, res) => {\n  await User.deleteOne({ _id: req.params.id });\n  res.status(204).end();\n});",
    "app.delete('/users/:id', (req, res) => {\n  res.status(204).send();\n});",
    "app.delete('/users/:id', (req, res) => {\n  res.sendStatus(204);\n});",
    // A conditional GET answered from the cache.
    "app.get('/feed', (req, res) => {\n  if (req.headers['if-none-match'] === etag) {\n    return res.status(304).send();\n  }\n  res.set('ETag', etag).json(feed);\n});",
    // An empty string, null or undefined send nothing.
    "app.put('/users/:id', (req, res) => {\n  res.status(204).send('');\n});",
    "app.put('/users/:id', (req, res) => {\n  res.status(204).json(null);\n});",
    // A body with 200 is fine.
    "app.delete('/users/:id', (req, res) => {\n  res.status(200).json({ deleted: true });\n});",
    // The status is not pinned down.
    "app.delete('/users/:id', (req, res) => {\n  res.status(status).json(result);\n});",
    // Set on one line, sent on the next, without a body.
    "app.delete('/users/:id', (req, res) => {\n  res.status(204);\n  res.end();\n});",
  ],
  invalid: [
    {
      code: "app.delete('/users/:id', (req, res) => {\n  res.status(204).json({ ok: true });\n});",
      at: 'status(«204»)',
      message: /204 No Content cannot carry a body/,
      output: "app.delete('/users/:id', (req, res) => {\n  res.status(204).end();\n});",
    },
    {
      code: "app.delete('/users/:id', (req, res) => {\n  return res.status(204).send({ deleted: true });\n});",
      at: 'status(«204»)',
      output: "app.delete('/users/:id', (req, res) => {\n  return res.status(204).end();\n});",
    },
    {
      code: "app.get('/feed', (req, res) => {\n  if (fresh) {\n    return res.status(304).send(feed);\n  }\n  res.json(feed);\n});",
      at: 'status(«304»)',
      message: /304 Not Modified/,
      output: "app.get('/feed', (req, res) => {\n  if (fresh) {\n    return res.status(304).end();\n  }\n  res.json(feed);\n});",
    },
    {
      // The status set on one line, the body sent on the next.
      code: "app.delete('/users/:id', (req, res) => {\n  res.status(204);\n  res.json(result);\n});",
      at: 'status(«204»)',
      output: "app.delete('/users/:id', (req, res) => {\n  res.status(204);\n  res.end();\n});",
    },
    {
      // node:http drops the body too.
      code: "function handle(req, res) {\n  res.writeHead(204, { 'Content-Type': 'application/json' });\n  res.end(JSON.stringify({ ok: true }));\n}",
      at: 'writeHead(«204»',
      output: "function handle(req, res) {\n  res.writeHead(204, { 'Content-Type': 'application/json' });\n  res.end();\n}",
    },
    {
      // Named constants; a body over several lines.
      code: "import { StatusCodes } from 'http-status-codes';\napp.patch('/users/:id', (req, res) => {\n  res.status(StatusCodes.NO_CONTENT).json({\n    updated: true,\n  });\n});",
      at: 'status(«StatusCodes.NO_CONTENT»)',
      output: "import { StatusCodes } from 'http-status-codes';\napp.patch('/users/:id', (req, res) => {\n  res.status(StatusCodes.NO_CONTENT).end();\n});",
    },
    {
      code: "app.delete('/users/:id', (req, res) => {\n  res.statusCode = 204;\n  res.send('Deleted');\n});",
      at: '= «204»',
      output: "app.delete('/users/:id', (req, res) => {\n  res.statusCode = 204;\n  res.end();\n});",
    },
    {
      // One branch of a conditional status: dropping the body would drop it from the other branch too, so only the status change is offered.
      code: "app.delete('/users/:id', async (req, res) => {\n  const removed = await User.deleteOne({ _id: req.params.id });\n  res.status(removed ? 204 : 404).json({ removed });\n});",
      at: "removed ? \u00ab204\u00bb : 404",
    },
  ],
});

describe('no-content-has-no-body: keeping the body', () => {
  it('changes the status to 200 and keeps constants named', () => {
    const code = "import { StatusCodes } from 'http-status-codes';\napp.patch('/users/:id', (req, res) => {\n  res.status(StatusCodes.NO_CONTENT).json(user);\n});";
    assert.equal(
      fixOutput('no-content-has-no-body', code, 'Change 204 to 200 OK and keep the body'),
      "import { StatusCodes } from 'http-status-codes';\napp.patch('/users/:id', (req, res) => {\n  res.status(StatusCodes.OK).json(user);\n});",
    );
  });
});
