// The rule under the Koa adapter: a 201 without `ctx.set('Location', …)`.
import { ruleTests } from '../../ruleTester';
import { koaRoute } from './koaCode';

const app = (body: string): string => `const Koa = require('koa');\nconst app = new Koa();\napp.use(async (ctx) => {\n${body}\n});`;

ruleTests(
  'created-needs-location',
  {
    valid: [
      koaRoute('post', '/books', "  const book = await Book.create(ctx.request.body);\n  ctx.set('Location', `/books/${book.id}`);\n  ctx.status = 201;\n  ctx.body = book;"),
      // A PUT creates at the URL the client used.
      koaRoute('put', '/books/:id', '  const book = await Book.upsert(ctx.params.id, ctx.request.body);\n  ctx.status = 201;\n  ctx.body = book;'),
      // Headers whose names the file does not spell out.
      koaRoute('post', '/books', '  const book = await Book.create(ctx.request.body);\n  ctx.set(headersFor(book));\n  ctx.status = 201;\n  ctx.body = book;'),
    ],
    invalid: [
      {
        // No router path is on the context (Koa has no baseUrl): reported, with no fix.
        code: koaRoute('post', '/books', '  const book = await Book.create(ctx.request.body);\n  ctx.status = 201;\n  ctx.body = book;'),
        at: 'ctx.status = «201»',
      },
      {
        // On the app itself the path is the whole path.
        code: app("  if (ctx.method === 'POST' && ctx.path === '/notes') {\n    const note = await Note.create(ctx.request.body);\n    ctx.status = 201;\n    ctx.body = note;\n  }"),
        at: 'ctx.status = «201»',
      },
      {
        code: "class Users {\n  @request('post', '/users')\n  static async createUser(ctx: Context) {\n    const user = await repository.save(new User(ctx.request.body));\n    ctx.status = 201;\n    ctx.body = user;\n  }\n}",
        at: 'ctx.status = «201»',
        only: 'ts',
      },
    ],
  },
  { adapter: 'koa' },
);
