// The project's routes from its files: mounts and prefixes followed across relative imports, per
// framework, with the statuses each route can send wherever its handler is written.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { candidateFiles } from '../../server/src/analysis/facts/modules';
import { projectRoutes, routesOfFile, type FileRoutes, type ProjectRoute } from '../../server/src/analysis/routes';

/** Routes of an in-memory project: `path → text`. */
function routesOf(project: Record<string, string>): ProjectRoute[] {
  const files = new Map<string, FileRoutes>();
  for (const [fileName, text] of Object.entries(project)) files.set(fileName, routesOfFile(text, fileName, analyze(text, fileName)));
  const resolve = (importer: string, specifier: string): string | undefined => candidateFiles(importer, specifier).map((candidate) => candidate.fileName).find((fileName) => files.has(fileName));
  return projectRoutes(files, resolve);
}

function summary(routes: readonly ProjectRoute[]): string[] {
  return routes.map((route) => `${route.method.toUpperCase()} ${route.path} [${[...new Set(route.statuses.map((status) => status.code))].sort().join(',')}]${route.rooted ? '' : ' (unmounted)'}`);
}

function textAt(project: Record<string, string>, fileName: string, range: { start: number; end: number }): string {
  return project[fileName].slice(range.start, range.end);
}

describe('project routes', () => {
  it('Express: routers mounted under prefixes, handlers in controller modules, app.route chains', () => {
    const project = {
      'src/app.js': `const express = require('express');
const users = require('./routes/users');
const app = express();
app.use('/api', require('./routes'));
app.get('/health', (req, res) => res.sendStatus(204));
module.exports = app;`,
      'src/routes/index.js': `const { Router } = require('express');
const users = require('./users');
const router = Router();
router.use('/users', users);
module.exports = router;`,
      'src/routes/users.js': `const express = require('express');
const controller = require('../controllers/users');
const { validate } = require('../middlewares/validate');
const router = express.Router();
router.get('/:id', validate, controller.getUser);
router.route('/').post(controller.createUser);
module.exports = router;`,
      'src/controllers/users.js': `exports.getUser = async (req, res) => {
  const user = await User.findById(req.params.id);
  if (!user) return res.status(404).json({ message: 'No such user' });
  res.json(user);
};
exports.createUser = async (req, res) => {
  const user = await User.create(req.body);
  res.status(201).json(user);
};`,
    };
    const routes = routesOf(project);
    assert.deepEqual(summary(routes), ['POST /api/users [201]', 'GET /api/users/:id [200,404]', 'GET /health [204]']);
    const getUser = routes.find((route) => route.path === '/api/users/:id')!;
    assert.equal(getUser.fileName, 'src/routes/users.js');
    assert.equal(textAt(project, getUser.fileName, getUser.range), "'/:id'");
    const notFound = getUser.statuses.find((status) => status.code === 404)!;
    assert.equal(notFound.fileName, 'src/controllers/users.js');
    assert.equal(textAt(project, notFound.fileName, notFound.range), '404');
    assert.ok(notFound.literal);
  });

  it('Express ESM: a named router export, and a router no app mounts keeps its own path, marked', () => {
    const routes = routesOf({
      'server.ts': `import express from 'express';
import { usersRouter } from './users';
const app = express();
app.use('/v1/users', usersRouter);`,
      'users.ts': `import { Router } from 'express';
export const usersRouter = Router();
usersRouter.delete('/:id', (req, res) => { res.status(204).end(); });`,
      'orphan.ts': `import { Router } from 'express';
const router = Router();
router.get('/lost', (req, res) => res.json([]));
export default router;`,
    });
    assert.deepEqual(summary(routes), ['GET /lost [200] (unmounted)', 'DELETE /v1/users/:id [204]']);
  });

  it('counts the findings of each route’s handlers, wherever they are written', () => {
    const routes = routesOf({
      'app.js': `const express = require('express');
const c = require('./c');
const app = express();
app.post('/items', c.create);`,
      'c.js': `exports.create = async (req, res) => {
  const item = await Item.create(req.body);
  res.status(200).json(item);
};`,
    });
    assert.equal(routes.length, 1);
    assert.equal(routes[0].problems, 1, 'created-for-create on the 200');
  });

  it('Koa: a router with its own prefix, used by the app', () => {
    assert.deepEqual(
      summary(routesOf({
        'app.js': `const Koa = require('koa');
const router = require('./router');
const app = new Koa();
app.use(router.routes());`,
        'router.js': `const Router = require('@koa/router');
const router = new Router({ prefix: '/articles' });
router.get('/:slug', async (ctx) => { ctx.status = 404; ctx.body = { error: 'No such article' }; });
module.exports = router;`,
      })),
      ['GET /articles/:slug [404]'],
    );
  });

  it('Hono: app.route and basePath', () => {
    assert.deepEqual(
      summary(routesOf({
        'index.ts': `import { Hono } from 'hono';
import books from './books';
const app = new Hono().basePath('/api');
app.route('/books', books);
export default app;`,
        'books.ts': `import { Hono } from 'hono';
const books = new Hono();
books.get('/:id', (c) => c.json({ error: 'Not found' }, 404));
export default books;`,
      })),
      ['GET /api/books/:id [404]'],
    );
  });

  it('Fastify: a plugin registered with a prefix', () => {
    assert.deepEqual(
      summary(routesOf({
        'app.js': `const fastify = require('fastify')();
fastify.register(require('./routes/users'), { prefix: '/users' });`,
        'routes/users.js': `module.exports = async function (fastify) {
  fastify.get('/:id', async (request, reply) => { reply.code(404).send({ message: 'No such user' }); });
};`,
      })),
      ['GET /users/:id [404]'],
    );
  });

  it('NestJS: controller and method paths, with the global prefix main.ts sets', () => {
    const project = {
      'src/main.ts': `import { NestFactory } from '@nestjs/core';
async function bootstrap() { const app = await NestFactory.create(AppModule); app.setGlobalPrefix('api'); await app.listen(3000); }`,
      'src/users/users.controller.ts': `import { Controller, Get, Post, Param, NotFoundException } from '@nestjs/common';
@Controller('users')
export class UsersController {
  @Get(':id')
  find(@Param('id') id: string) {
    const user = this.users.find(id);
    if (!user) throw new NotFoundException('No such user');
    return user;
  }
  @Post()
  create() { return this.users.create(); }
}`,
    };
    const routes = routesOf(project);
    assert.deepEqual(summary(routes), ['POST /api/users [201]', 'GET /api/users/:id [200,404]']);
    assert.equal(textAt(project, routes[1].fileName, routes[1].range), "@Get(':id')");
  });

  it('Next.js: App Router route files and Pages API routes take their paths from their place', () => {
    const project = {
      'app/api/users/[id]/route.ts': `import { NextResponse } from 'next/server';
export async function GET(request: Request) { return NextResponse.json({ error: 'Not found' }, { status: 404 }); }
export const DELETE = async () => new Response(null, { status: 204 });`,
      'pages/api/hello.ts': `export default function handler(req, res) { res.status(200).json({ hello: 'world' }); }`,
    };
    const routes = routesOf(project);
    assert.deepEqual(summary(routes), ['ALL /api/hello [200]', 'DELETE /api/users/:id [204]', 'GET /api/users/:id [404]']);
    const get = routes.find((route) => route.method === 'get')!;
    assert.equal(textAt(project, get.fileName, get.range), 'GET');
  });

  it('does not loop on routers that mount each other, and skips imports it cannot resolve', () => {
    const routes = routesOf({
      'a.js': `const { Router } = require('express'); const b = require('./b'); const a = Router(); a.use('/b', b); a.get('/x', (req, res) => res.sendStatus(200)); module.exports = a;`,
      'b.js': `const { Router } = require('express'); const a = require('./a'); const b = Router(); b.use('/a', a); module.exports = b;`,
      'c.js': `const express = require('express'); const app = express(); app.use('/m', require('./missing')); app.use('/pkg', require('some-package'));`,
    });
    assert.ok(routes.every((route) => route.path.startsWith('/')));
    assert.ok(routes.some((route) => route.path.endsWith('/x')));
  });
});
