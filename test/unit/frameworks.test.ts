// Which adapter reads a file: its imports say, else the project's setting, else Express.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_OPTIONS } from '../../server/src/analysis';
import type { Framework } from '../../server/src/analysis/adapters/frameworks';

const handler = "function handle(req, res) {\n  res.statusCode = 404;\n  res.end('No such page');\n}";

function adaptersOf(code: string, frameworks: Framework[] = []): string[] {
  return analyze(code, 'case.ts', { ...DEFAULT_OPTIONS, frameworks }).sites.map((site) => site.adapter.framework);
}

describe('a file matched to its frameworks', () => {
  it('a file that requires node:http (or http, https) alone is read as node:http', () => {
    for (const module of ['node:http', 'http', 'https']) assert.deepEqual(adaptersOf(`const http = require('${module}');\n${handler}`), ['node:http'], module);
    assert.deepEqual(adaptersOf(`import { createServer } from 'node:http';\n${handler}`), ['node:http']);
  });
  it('an Express app that also requires http (to createServer(app)) is Express', () => {
    assert.deepEqual(adaptersOf(`const http = require('http');\nconst express = require('express');\n${handler}`), ['express']);
  });
  it('a handler that calls Express methods is Express whatever the file imports', () => {
    assert.deepEqual(adaptersOf("const http = require('http');\nfunction handle(req, res) {\n  res.status(404).json({ error: 'No such page' });\n}"), ['express']);
  });
  it('a file that imports no framework is Express, unless the setting names the project\'s frameworks', () => {
    assert.deepEqual(adaptersOf(handler), ['express']);
    assert.deepEqual(adaptersOf(handler, ['node:http']), ['node:http']);
    // The file's imports win over the setting.
    assert.deepEqual(adaptersOf(`import express from 'express';\n${handler}`, ['node:http']), ['express']);
  });
  it('createServer and on("request") register handlers whatever their parameters are called', () => {
    const code = "const http = require('http');\nhttp.createServer((request, response) => {\n  response.writeHead(500);\n  response.end();\n});\nserver.on('request', (q, s) => {\n  s.statusCode = 204;\n  s.end();\n});";
    assert.deepEqual(adaptersOf(code), ['node:http', 'node:http']);
  });
  it('node:http routes are read from the checks around a response', () => {
    const code =
      "const http = require('http');\nhttp.createServer((req, res) => {\n  if (req.method === 'POST' && req.url === '/users') {\n    res.writeHead(201);\n    return res.end();\n  }\n  switch (req.method) {\n    case 'DELETE':\n      res.writeHead(204);\n      return res.end();\n  }\n  res.writeHead(404);\n  res.end();\n});";
    const routes = analyze(code, 'case.js').sites.map((site) => `${site.status.code} ${site.route?.method ?? '-'} ${site.route?.path ?? '-'}`);
    assert.deepEqual(routes, ['201 post /users', '204 delete -', '404 - -']);
  });
});
