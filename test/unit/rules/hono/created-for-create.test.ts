// created-for-create under the Hono adapter: a POST that stores a record answers c.json's default 200.
import { ruleTests } from '../../ruleTester';
import { app, stokerApp } from './app';

ruleTests(
  'created-for-create',
  {
    valid: [
      app("app.post('/books', async (c) => {\n  const book = await Book.create(await c.req.json());\n  return c.json(book, 201);\n});"),
      app("app.post('/books/search', async (c) => {\n  const { title } = await c.req.json();\n  return c.json(await Book.find({ title }));\n});"),
      stokerApp("export const create: AppRouteHandler<CreateRoute> = async (c) => {\n  const task = c.req.valid('json');\n  const [inserted] = await db.insert(tasks).values(task).returning();\n  return c.json(inserted, HttpStatusCodes.CREATED);\n};"),
    ],
    invalid: [
      {
        code: app("app.post('/books', async (c) => {\n  const book = await Book.create(await c.req.json());\n  return c.json(book);\n});"),
        at: 'return «c.json(book)»',
        output: app("app.post('/books', async (c) => {\n  const book = await Book.create(await c.req.json());\n  return c.json(book, 201);\n});"),
      },
      {
        code: stokerApp("export const create: AppRouteHandler<CreateRoute> = async (c) => {\n  const task = c.req.valid('json');\n  const [inserted] = await db.insert(tasks).values(task).returning();\n  return c.json(inserted, HttpStatusCodes.OK);\n};"),
        at: 'c.json(inserted, «HttpStatusCodes.OK»',
        output: stokerApp("export const create: AppRouteHandler<CreateRoute> = async (c) => {\n  const task = c.req.valid('json');\n  const [inserted] = await db.insert(tasks).values(task).returning();\n  return c.json(inserted, HttpStatusCodes.CREATED);\n};"),
      },
      {
        code: "import { createRoute, OpenAPIHono } from '@hono/zod-openapi';\n\nconst app = new OpenAPIHono();\nconst createNote = createRoute({ method: 'post', path: '/notes', responses: {} });\n\napp.openapi(createNote, async (c) => c.json(await Note.create(c.req.valid('json'))));",
        at: 'async (c) => «c.json(await Note.create(c.req.valid(\'json\')))»',
        output: "import { createRoute, OpenAPIHono } from '@hono/zod-openapi';\n\nconst app = new OpenAPIHono();\nconst createNote = createRoute({ method: 'post', path: '/notes', responses: {} });\n\napp.openapi(createNote, async (c) => c.json(await Note.create(c.req.valid('json')), 201));",
      },
    ],
  },
  { adapter: 'hono' },
);
