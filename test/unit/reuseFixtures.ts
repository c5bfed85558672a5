// Realistic files for the reuse property test (`reuse.test.ts`): each framework's shapes, with a local
// helper that sends, a project error class, constants, imports and several handlers with mistakes.

/** Status constants and a project error class, as Express and Koa files declare them. */
const CONSTANTS_AND_ERROR_CLASS = `const NOT_FOUND = 404;
const LIMIT = 429;

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}`;

export const EXPRESS = `import express from 'express';
import { StatusCodes } from 'http-status-codes';

const app = express();
${CONSTANTS_AND_ERROR_CLASS}

function sendError(res, code, msg) {
  return res.status(code).json({ error: msg });
}

app.post('/users', async (req, res) => {
  if (!req.body.email) {
    return res.status(500).json({ error: 'email is required' });
  }
  const user = await User.create(req.body);
  res.status(StatusCodes.OK).json(user);
});

app.get('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  if (!user) return res.status(200).json({ success: false, error: 'User not found' });
  res.status(204).json(user);
});

app.delete('/users/:id', async (req, res, next) => {
  const user = await User.findById(req.params.id);
  if (!user) return next(new ApiError(NOT_FOUND, 'no such user'));
  await user.remove();
  res.status(200).json({ deleted: true });
});

app.get('/limits', (req, res) => {
  if (tooMany(req)) return sendError(res, LIMIT, 'slow down');
  if (!req.query.name) return sendError(res, 404, 'name is required');
  res.json({ ok: true });
});

app.post('/login', (req, res) => {
  if (!valid(req.body)) return res.status(401).json({ error: 'bad credentials' });
  res.redirect(302, '/home');
});

app.get('/jobs', (req, res) => {
  queue.add(req.body);
  res.status(200).send();
});

app.use((err, req, res, next) => {
  res.status(err.status || 500).json({ error: err.message });
});
`;

/** Middleware and helpers declared as top-level functions, which routes name: an edit in one re-checks its callers. */
export const MIDDLEWARE = `import express from 'express';

const router = express.Router();

function requireAuth(req, res, next) {
  const token = req.get('Authorization');
  if (!token) return res.status(401).json({ error: 'Sign in first' });
  next();
}

const requireAdmin = (req, res, next) => {
  if (!req.user.admin) return res.status(401).json({ error: 'Admins only' });
  next();
};

function unauthorized(res) {
  return res.status(403).json({ error: 'not allowed' });
}

const notFound = (res, what) => res.status(404).json({ error: \`\${what} not found\` });

router.use((req, res, next) => {
  if (maintenance.active) return res.status(503).json({ error: 'Down for maintenance' });
  next();
});

function sendError(res, code, message) {
  res.status(code).json({ error: message });
}

router.get('/items', requireAuth, async (req, res) => {
  const items = await db.items.find();
  res.status(200).json(items);
});

router.get('/items/:id', requireAuth, async (req, res) => {
  const item = await db.items.findById(req.params.id);
  if (!item) return notFound(res, 'item');
  res.json(item);
});

router.post('/items', requireAuth, requireAdmin, async (req, res) => {
  if (!req.body.name) return sendError(res, 404, 'name is required');
  if (!req.user.canCreate) return unauthorized(res);
  const item = await db.items.create(req.body);
  res.status(200).json(item);
});

router.delete('/items/:id', requireAdmin, async (req, res) => {
  await db.items.remove(req.params.id);
  res.status(204).json({ removed: true });
});

export default router;
`;

export const FASTIFY = `import Fastify from 'fastify';

const fastify = Fastify();
const CREATED = 200;

fastify.post('/items', async (request, reply) => {
  const item = await Item.create(request.body);
  reply.code(CREATED).send(item);
});

fastify.get('/items/:id', async (request, reply) => {
  const item = await Item.findById(request.params.id);
  if (!item) {
    return reply.code(200).send({ success: false, message: 'missing' });
  }
  return item;
});

fastify.delete('/items/:id', async (request, reply) => {
  if (!request.params.id) return reply.code(500).send({ error: 'id is required' });
  await Item.delete(request.params.id);
  reply.code(204).send({ deleted: true });
});

fastify.get('/health', async (request, reply) => {
  reply.code(503).send({ status: 'down' });
});
`;

export const NEST = `import { Controller, Get, Post, Body, Param, HttpCode, NotFoundException, HttpException, HttpStatus } from '@nestjs/common';

@Controller('cats')
export class CatsController {
  @Post()
  @HttpCode(200)
  create(@Body() dto) {
    return this.cats.create(dto);
  }

  @Get(':id')
  async findOne(@Param('id') id) {
    const cat = await this.cats.find(id);
    if (!cat) throw new HttpException('bad input', HttpStatus.INTERNAL_SERVER_ERROR);
    return cat;
  }

  @Get()
  list() {
    throw new HttpException('slow', 429);
  }
}
`;

export const NEXT = `import { NextResponse } from 'next/server';

const GONE = 410;

export async function GET(request) {
  const item = await db.find(request.url);
  if (!item) return NextResponse.json({ success: false }, { status: 200 });
  return NextResponse.json(item);
}

export async function POST(request) {
  const body = await request.json();
  if (!body.name) return NextResponse.json({ error: 'name is required' }, { status: 500 });
  const created = await db.create(body);
  return NextResponse.json(created, { status: 200 });
}

export async function DELETE(request) {
  return NextResponse.json({ gone: true }, { status: GONE });
}
`;

/** A project module whose exported helpers send responses (imported as `./replies`). */
export const REPLIES = `exports.notFound = (res, msg) => res.status(404).json({ error: msg });
exports.fail = function (res, code, msg) {
  res.status(code).json({ error: msg });
};
`;

/** Whole handlers to insert, per file kind. */
export const HANDLERS: Record<'express' | 'fastify' | 'next' | 'koa' | 'hono', readonly string[]> = {
  express: [
    "\napp.put('/things/:id', async (req, res) => {\n  if (!req.body.name) return res.status(500).json({ error: 'name is required' });\n  res.status(201).json(await Thing.update(req.body));\n});\n",
    "\napp.get('/ping', (req, res) => {\n  res.status(401).send('no');\n});\n",
    "\napp.post('/orders', (req, res) => {\n  const order = Order.create(req.body);\n  res.status(200).json(order);\n});\n",
  ],
  fastify: ["\nfastify.put('/items/:id', async (request, reply) => {\n  reply.code(401).send({ error: 'no' });\n});\n", "\nfastify.post('/things', async (request, reply) => {\n  reply.code(200).send(await Thing.create(request.body));\n});\n"],
  koa: ["\nrouter.put('/things/:id', async (ctx) => {\n  if (!ctx.request.body.name) ctx.throw(500, 'name is required');\n  ctx.status = 201;\n  ctx.body = await Thing.update(ctx.request.body);\n});\n", "\nrouter.get('/ping', (ctx) => {\n  ctx.status = 401;\n  ctx.body = 'no';\n});\n"],
  hono: ["\napp.put('/things/:id', async (c) => {\n  return c.json({ error: 'no' }, 401);\n});\n", "\napp.post('/orders', async (c) => {\n  return c.json(await Order.create(await c.req.json()), 200);\n});\n"],
  next: ['\nexport async function PUT(request) {\n  return NextResponse.json({ error: "nope" }, { status: 401 });\n}\n', "\nexport async function PATCH(request) {\n  return NextResponse.json({ success: false, error: 'missing' }, { status: 200 });\n}\n"],
};

export const KOA = `import Router from '@koa/router';
import { StatusCodes } from 'http-status-codes';

const router = new Router();
${CONSTANTS_AND_ERROR_CLASS}

router.post('/users', async (ctx) => {
  if (!ctx.request.body.email) {
    ctx.throw(500, 'email is required');
  }
  const user = await User.create(ctx.request.body);
  ctx.status = StatusCodes.OK;
  ctx.body = user;
});

router.get('/users/:id', async (ctx) => {
  const user = await User.findById(ctx.params.id);
  if (!user) throw new ApiError(NOT_FOUND, 'no such user');
  ctx.body = user;
});

router.delete('/users/:id', async (ctx) => {
  await User.remove(ctx.params.id);
  ctx.status = 204;
  ctx.body = { deleted: true };
});

router.get('/jobs', async (ctx) => {
  if (busy()) {
    ctx.status = LIMIT;
    ctx.body = { error: 'slow down' };
    return;
  }
  ctx.status = 200;
  ctx.body = { success: false, error: 'not found' };
});

export default router;
`;

export const HONO = `import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';

const app = new Hono();
const NOT_FOUND = 404;
const LIMIT = 429;

app.post('/users', async (c) => {
  const body = await c.req.json();
  if (!body.email) return c.json({ error: 'email is required' }, 500);
  const user = await User.create(body);
  return c.json(user, 200);
});

app.get('/users/:id', async (c) => {
  const user = await User.findById(c.req.param('id'));
  if (!user) throw new HTTPException(NOT_FOUND, { message: 'no such user' });
  return c.json(user);
});

app.delete('/users/:id', async (c) => {
  await User.remove(c.req.param('id'));
  return c.json({ deleted: true }, 204);
});

app.get('/jobs', (c) => {
  if (busy()) return c.json({ error: 'slow down' }, LIMIT);
  return c.json({ success: false, error: 'not found' }, 200);
});

export default app;
`;
