// The rule under the Koa adapter: a POST that creates a record and answers the default 200.
import { ruleTests } from '../../ruleTester';
import { koaRoute } from './koaCode';

ruleTests(
  'created-for-create',
  {
    valid: [
      koaRoute('post', '/books', '  const book = await Book.create(ctx.request.body);\n  ctx.status = 201;\n  ctx.body = book;'),
      // The status set after the body is the response's.
      koaRoute('post', '/books', '  const book = await Book.create(ctx.request.body);\n  ctx.body = book;\n  ctx.status = 201;'),
      // A login route answers, it does not create.
      koaRoute('post', '/login', '  const session = await Session.create({ user: ctx.state.user.id });\n  ctx.body = { token: session.token };'),
      // knex: a side record the body does not send.
      koaRoute('post', '/articles/:slug/favorite', "  await db('favorites').insert({ user: ctx.state.user.id, article: ctx.params.slug });\n  ctx.body = { article: await loadArticle(ctx.params.slug) };"),
      // A stream is not about the record.
      koaRoute('post', '/exports', "  await Export.create({ user: ctx.state.user.id });\n  ctx.body = fs.createReadStream('export.csv');"),
    ],
    invalid: [
      {
        code: koaRoute('post', '/books', '  const book = await Book.create(ctx.request.body);\n  ctx.body = book;'),
        at: '«ctx.body» = book',
        output: koaRoute('post', '/books', '  const book = await Book.create(ctx.request.body);\n  ctx.status = 201;\n  ctx.body = book;'),
      },
      {
        code: koaRoute('post', '/users', '  const user = await User.create(ctx.request.body);\n  ctx.status = 200;\n  ctx.body = { user };'),
        at: 'ctx.status = «200»',
        output: koaRoute('post', '/users', '  const user = await User.create(ctx.request.body);\n  ctx.status = 201;\n  ctx.body = { user };'),
      },
      {
        // A controller method named for its verb, registered in another file.
        code: 'module.exports = {\n  async post(ctx) {\n    const comment = await Comment.create(ctx.request.body);\n    ctx.body = { comment };\n  },\n};',
        at: '«ctx.body» = { comment }',
        output: 'module.exports = {\n  async post(ctx) {\n    const comment = await Comment.create(ctx.request.body);\n    ctx.status = 201;\n    ctx.body = { comment };\n  },\n};',
      },
      {
        // knex: the record given to insert, reshaped on the way, is the one the body sends.
        code: koaRoute('post', '/articles/:slug/comments', "  const comment = { id: uuid(), body: ctx.request.body.comment.body, article: ctx.params.slug };\n  await db('comments').insert(humps.decamelizeKeys(comment));\n  ctx.body = { comment };"),
        at: '«ctx.body» = { comment }',
        output: koaRoute('post', '/articles/:slug/comments', "  const comment = { id: uuid(), body: ctx.request.body.comment.body, article: ctx.params.slug };\n  await db('comments').insert(humps.decamelizeKeys(comment));\n  ctx.status = 201;\n  ctx.body = { comment };"),
      },
    ],
  },
  { adapter: 'koa' },
);
