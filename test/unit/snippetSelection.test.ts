// Which snippets a file gets: the idiom of the framework its analysis reads, the whole `http-…`
// word replaced, and nothing offered where no such word is typed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver';
import { frameworksOf, type Framework } from '../../server/src/analysis/adapters/frameworks';
import { parse } from '../../server/src/analysis/engine/parse';
import { snippetCompletions } from '../../server/src/features/completion';
import { snippetFramework, snippetWordBefore, snippetsFor } from '../../server/src/snippets';

const bodyOf = (frameworks: Framework[], fileName: string, prefix: string): string =>
  snippetsFor(frameworks, fileName).find((snippet) => snippet.prefix === prefix)?.body ?? '';

/** The framework a file's imports or place select for its snippets. */
const frameworkOfFile = (text: string, fileName: string): Framework => snippetFramework(frameworksOf(parse(text, fileName), []), fileName);

describe('snippets follow the file', () => {
  const cases: [string, string, string, Framework][] = [
    ['an Express app', "import express from 'express';\n", 'app.ts', 'express'],
    ['an Express app served by node:http', "const express = require('express');\nconst http = require('node:http');\n", 'server.js', 'express'],
    ['a node:http server', "import http from 'node:http';\n", 'server.js', 'node:http'],
    ['a Fastify app', "import Fastify from 'fastify';\n", 'app.js', 'fastify'],
    ['a Koa app', "const Koa = require('koa');\n", 'app.js', 'koa'],
    ['a Hono app', "import { Hono } from 'hono';\n", 'app.ts', 'hono'],
    ['a Nest controller that imports Express types', "import { Controller } from '@nestjs/common';\nimport type { Response } from 'express';\n", 'users.controller.ts', 'nestjs'],
    ['a Next.js route file without imports', 'export async function GET() {}\n', 'app/api/users/route.ts', 'next'],
    ['a Next.js Pages API route (Node’s response, not NextResponse)', 'export default function handler(req, res) {}\n', 'pages/api/users.js', 'node:http'],
    ['a file that names no framework', 'export const answer = 42;\n', 'lib.js', 'express'],
  ];
  for (const [what, text, fileName, framework] of cases) {
    test(`${what} gets ${framework} snippets`, () => assert.equal(frameworkOfFile(text, fileName), framework));
  }

  test('http-404 is written in each framework’s idiom', () => {
    const expected: Record<Framework, string> = {
      express: 'return res.status(404).json(',
      'node:http': "res.writeHead(404, { 'Content-Type': 'application/json' })",
      fastify: 'return reply.code(404).send(',
      koa: 'ctx.throw(404, ',
      hono: 'return c.json(',
      nestjs: 'throw new NotFoundException(',
      next: 'return NextResponse.json(',
    };
    for (const [framework, start] of Object.entries(expected) as [Framework, string][]) {
      assert.ok(bodyOf([framework], 'file.ts', 'http-404').startsWith(start), `${framework}: ${bodyOf([framework], 'file.ts', 'http-404')}`);
    }
  });

  test('TypeScript files get typed bodies where they differ, JavaScript files plain ones', () => {
    assert.match(bodyOf(['express'], 'app.ts', 'http-bearer-auth'), /req: Request, res: Response, next: NextFunction/);
    assert.match(bodyOf(['express'], 'app.js', 'http-bearer-auth'), /\(req, res, next\)/);
  });

  test('a pattern with no meaning in a framework is not offered there', () => {
    const next = snippetsFor(['next'], 'app/api/users/route.ts').map((snippet) => snippet.prefix);
    assert.ok(!next.includes('http-error-handler') && !next.includes('http-graceful-shutdown'));
    assert.ok(next.includes('http-404'));
  });

  test('a NestJS status decided by a decorator is a whole route method', () => {
    const [created] = snippetsFor(['nestjs'], 'users.controller.ts').filter((snippet) => snippet.prefix === 'http-201');
    assert.equal(created?.place, 'class member');
    assert.equal(created?.where, 'in a controller class');
  });
});

describe('the http- word before the cursor', () => {
  const cases: [string, string | undefined][] = [
    ['  h', 'h'],
    ['  http', 'http'],
    ['  http-', 'http-'],
    ['\thttp-4', 'http-4'],
    ['http-find-or-404', 'http-find-or-404'],
    ['const limit = ', undefined],
    ['  hello', undefined],
    ['  res.http-4', undefined],
    ['  xhttp-4', undefined],
    ['  a-http-4', undefined],
  ];
  for (const [line, word] of cases) {
    test(JSON.stringify(line), () => assert.equal(snippetWordBefore(line)?.word, word));
  }
});

describe('snippet completion items', () => {
  const text = "import Fastify from 'fastify';\nconst app = Fastify();\napp.get('/x', async (request, reply) => {\n  http-4\n});\n";
  const document = TextDocument.create('file:///app.js', 'javascript', 1, text);

  test('replace the whole prefix with the body, as a snippet', () => {
    const items = snippetCompletions(document, { line: 3, character: 8 }, ['fastify'], 'app.js');
    const item = items.find((candidate) => candidate.label === 'http-404');
    assert.ok(item);
    assert.equal(item.filterText, 'http-404');
    assert.deepEqual((item.textEdit as TextEdit).range, { start: { line: 3, character: 2 }, end: { line: 3, character: 8 } });
    assert.match((item.textEdit as TextEdit).newText, /^return reply\.code\(404\)/);
    assert.equal(item.detail, '404 Not Found (Fastify, in a GET handler)');
  });

  test('keep the patterns’ order', () => {
    const labels = snippetCompletions(document, { line: 3, character: 8 }, ['fastify'], 'app.js').map((item) => item.label);
    assert.deepEqual(labels.slice(0, 3), ['http-200', 'http-201', 'http-202']);
  });

  test('none away from a prefix', () => {
    assert.deepEqual(snippetCompletions(document, { line: 1, character: 10 }, ['fastify'], 'app.js'), []);
  });
});
