// The rule under the Koa adapter: a status or a default 200 after only queueing work.
import { ruleTests } from '../../ruleTester';
import { koaRoute } from './koaCode';

ruleTests(
  'accepted-for-async',
  {
    valid: [
      koaRoute('post', '/reports', "  const job = await reportQueue.add('generate', ctx.request.body);\n  ctx.status = 202;\n  ctx.body = { message: 'Report queued', jobId: job.id };"),
      // The handler creates the user; the queued email is a side effect.
      koaRoute('post', '/users', "  const user = await User.create(ctx.request.body);\n  await emailQueue.add('welcome', { userId: user.id });\n  ctx.status = 201;\n  ctx.body = user;"),
      koaRoute('get', '/articles/:id', "  await eventQueue.add('viewed', { id: ctx.params.id });\n  ctx.body = { id: ctx.params.id };"),
    ],
    invalid: [
      {
        code: koaRoute('post', '/reports/generate', "  const job = await queue.add('generate-report', ctx.request.body);\n  ctx.status = 201;\n  ctx.body = { message: 'Report queued', jobId: job.id };"),
        at: 'ctx.status = «201»',
        output: koaRoute('post', '/reports/generate', "  const job = await queue.add('generate-report', ctx.request.body);\n  ctx.status = 202;\n  ctx.body = { message: 'Report queued', jobId: job.id };"),
      },
      {
        // The default 200 is made explicit as a statement before the body.
        code: koaRoute('post', '/emails', "  await mailQueue.add('send', ctx.request.body);\n  ctx.body = { queued: true };"),
        at: '«ctx.body» = { queued',
        output: koaRoute('post', '/emails', "  await mailQueue.add('send', ctx.request.body);\n  ctx.status = 202;\n  ctx.body = { queued: true };"),
      },
      {
        // The status set after the body is that response's.
        code: koaRoute('post', '/exports', "  const job = await exportQueue.add('csv', { user: ctx.state.user.id });\n  ctx.body = { jobId: job.id };\n  ctx.status = 200;"),
        at: 'ctx.status = «200»',
        output: koaRoute('post', '/exports', "  const job = await exportQueue.add('csv', { user: ctx.state.user.id });\n  ctx.body = { jobId: job.id };\n  ctx.status = 202;"),
      },
    ],
  },
  { adapter: 'koa' },
);
