// The rule under the Koa adapter: a 429 without Retry-After, set with ctx.set or in ctx.throw's props.
import { ruleTests } from '../../ruleTester';
import { koaRoute } from './koaCode';

ruleTests(
  'rate-limit-needs-retry-after',
  {
    valid: [
      koaRoute('post', '/messages', "  ctx.set('Retry-After', '60');\n  ctx.status = 429;\n  ctx.body = { error: 'Slow down' };"),
      koaRoute('post', '/messages', "  ctx.throw(429, 'Slow down', { headers: { 'Retry-After': '60' } });"),
      koaRoute('post', '/messages', "  ctx.set({ 'Retry-After': String(wait) });\n  ctx.status = 429;"),
    ],
    invalid: [
      {
        code: koaRoute('post', '/messages', "  ctx.status = 429;\n  ctx.body = { error: 'Slow down' };"),
        at: 'ctx.status = «429»',
        output: koaRoute('post', '/messages', "  ctx.status = 429;\n  ctx.set('Retry-After', '60');\n  ctx.body = { error: 'Slow down' };"),
      },
      {
        code: koaRoute('post', '/messages', "  const retryAfter = await limiter.wait(ctx.ip);\n  if (retryAfter > 0) ctx.throw(429, 'Slow down');\n  ctx.body = await Message.create(ctx.request.body);"),
        at: 'ctx.throw(«429»',
        output: koaRoute('post', '/messages', "  const retryAfter = await limiter.wait(ctx.ip);\n  if (retryAfter > 0) ctx.throw(429, 'Slow down', { headers: { 'Retry-After': String(retryAfter) } });\n  ctx.body = await Message.create(ctx.request.body);"),
      },
      {
        // A status set alone: the header goes before it.
        code: koaRoute('post', '/login', '  if (await tooManyAttempts(ctx.ip)) {\n    ctx.status = 429;\n    return;\n  }\n  ctx.body = await login(ctx.request.body);'),
        at: 'ctx.status = «429»',
        output: koaRoute('post', '/login', "  if (await tooManyAttempts(ctx.ip)) {\n    ctx.set('Retry-After', '60');\n    ctx.status = 429;\n    return;\n  }\n  ctx.body = await login(ctx.request.body);"),
      },
    ],
  },
  { adapter: 'koa' },
);
