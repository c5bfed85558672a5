// The rule under the Koa adapter: a 204 given a body. A 204 set alone is the trap that stays quiet.
import { ruleTests } from '../../ruleTester';
import { koaRoute } from './koaCode';

ruleTests(
  'no-content-has-no-body',
  {
    valid: [
      koaRoute('delete', '/books/:id', '  await Book.deleteOne({ _id: ctx.params.id });\n  ctx.status = 204;'),
      // A null body is Koa's way of sending nothing (and makes a 204 by itself).
      koaRoute('delete', '/books/:id', '  await Book.deleteOne({ _id: ctx.params.id });\n  ctx.body = null;'),
      koaRoute('delete', '/books/:id', '  await Book.deleteOne({ _id: ctx.params.id });\n  ctx.status = 204;\n  ctx.body = null;'),
    ],
    invalid: [
      {
        code: koaRoute('delete', '/books/:id', '  await Book.deleteOne({ _id: ctx.params.id });\n  ctx.status = 204;\n  ctx.body = { deleted: true };'),
        at: 'ctx.status = «204»',
        output: koaRoute('delete', '/books/:id', '  await Book.deleteOne({ _id: ctx.params.id });\n  ctx.status = 204;'),
      },
      {
        code: koaRoute('delete', '/books/:id', "  await Book.deleteOne({ _id: ctx.params.id });\n  ctx.body = { message: 'Deleted' };\n  ctx.status = 204;"),
        at: 'ctx.status = «204»',
        output: koaRoute('delete', '/books/:id', '  await Book.deleteOne({ _id: ctx.params.id });\n  ctx.status = 204;'),
      },
      {
        code: koaRoute('get', '/feed', "  if (ctx.fresh) {\n    ctx.status = 304;\n    ctx.body = 'Not modified';\n    return;\n  }\n  ctx.body = await feed();"),
        at: 'ctx.status = «304»',
        output: koaRoute('get', '/feed', '  if (ctx.fresh) {\n    ctx.status = 304;\n    return;\n  }\n  ctx.body = await feed();'),
      },
    ],
  },
  { adapter: 'koa' },
);
