// The rule under the Koa adapter: a 2xx where a lookup found nothing, or a GET that sends null data.
import { ruleTests } from '../../ruleTester';
import { koaRoute } from './koaCode';

ruleTests(
  'no-success-for-missing',
  {
    valid: [
      koaRoute('get', '/users/:id', "  const user = await User.findById(ctx.params.id);\n  ctx.assert(user, 404, 'User not found');\n  ctx.body = user;"),
      // A null body is a 204: nothing is claimed to be there.
      koaRoute('get', '/users/:id', '  const user = await User.findById(ctx.params.id);\n  ctx.body = user ? user : null;'),
      koaRoute('get', '/users', '  ctx.body = await User.find();'),
    ],
    invalid: [
      {
        code: koaRoute('get', '/users/:id', '  const user = await User.findById(ctx.params.id);\n  if (!user) {\n    ctx.body = { data: null };\n    return;\n  }\n  ctx.body = user;'),
        at: '«ctx.body» = { data: null }',
        output: koaRoute('get', '/users/:id', "  const user = await User.findById(ctx.params.id);\n  if (!user) {\n    ctx.status = 404;\n    ctx.body = { error: 'User not found' };\n    return;\n  }\n  ctx.body = user;"),
      },
      {
        code: koaRoute('get', '/books/:id', '  const book = await Book.findOne({ id: ctx.params.id });\n  if (!book) {\n    ctx.status = 200;\n    return;\n  }\n  ctx.body = book;'),
        at: 'ctx.status = «200»',
        output: koaRoute('get', '/books/:id', "  const book = await Book.findOne({ id: ctx.params.id });\n  if (!book) {\n    ctx.status = 404;\n    ctx.body = { error: 'Book not found' };\n    return;\n  }\n  ctx.body = book;"),
      },
      {
        code: koaRoute('get', '/profile', '  ctx.body = { profile: null };'),
        at: '«ctx.body»',
        output: koaRoute('get', '/profile', "  ctx.status = 404;\n  ctx.body = { error: 'Profile not found' };"),
      },
    ],
  },
  { adapter: 'koa' },
);
