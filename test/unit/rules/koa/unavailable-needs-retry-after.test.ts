// The rule under the Koa adapter: a 503 without Retry-After.
import { ruleTests } from '../../ruleTester';

const middleware = (body: string): string => `const Koa = require('koa');\nconst app = new Koa();\napp.use(async (ctx, next) => {\n${body}\n});`;

ruleTests(
  'unavailable-needs-retry-after',
  {
    valid: [
      middleware("  if (maintenance) {\n    ctx.set('Retry-After', '120');\n    ctx.status = 503;\n    ctx.body = { error: 'Back soon' };\n    return;\n  }\n  await next();"),
      middleware("  if (maintenance) ctx.throw(503, 'Back soon', { headers: { 'Retry-After': '120' } });\n  await next();"),
      middleware("  if (maintenance) {\n    ctx.status = 500;\n    ctx.body = { error: 'Down' };\n    return;\n  }\n  await next();"),
    ],
    invalid: [
      {
        code: middleware("  if (maintenance) {\n    ctx.status = 503;\n    ctx.body = { error: 'Back soon' };\n    return;\n  }\n  await next();"),
        at: 'ctx.status = «503»',
        output: middleware("  if (maintenance) {\n    ctx.status = 503;\n    ctx.set('Retry-After', '60');\n    ctx.body = { error: 'Back soon' };\n    return;\n  }\n  await next();"),
      },
      {
        code: middleware("  if (maintenance) ctx.throw(503, 'Back soon');\n  await next();"),
        at: 'ctx.throw(«503»',
        output: middleware("  if (maintenance) ctx.throw(503, 'Back soon', { headers: { 'Retry-After': '60' } });\n  await next();"),
      },
      {
        code: middleware('  if (!db.connected) {\n    ctx.status = 503;\n    return;\n  }\n  await next();'),
        at: 'ctx.status = «503»',
        output: middleware("  if (!db.connected) {\n    ctx.set('Retry-After', '60');\n    ctx.status = 503;\n    return;\n  }\n  await next();"),
      },
    ],
  },
  { adapter: 'koa' },
);
