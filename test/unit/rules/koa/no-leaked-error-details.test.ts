// The rule under the Koa adapter: error middleware and catch blocks that send the caught error.
import { ruleTests } from '../../ruleTester';
import { koaRoute } from './koaCode';

const middleware = (body: string): string => `const Koa = require('koa');\nconst app = new Koa();\napp.use(async (ctx, next) => {\n  try {\n    await next();\n  } catch (err) {\n${body}\n  }\n});`;

ruleTests(
  'no-leaked-error-details',
  {
    valid: [
      middleware("    console.error(err);\n    ctx.status = 500;\n    ctx.body = { error: 'Internal server error' };"),
      // The code chose which errors a client may read.
      middleware('    ctx.status = err.status || 500;\n    ctx.body = { error: err.expose ? err.message : \'Internal server error\' };'),
      koaRoute('get', '/report', "  try {\n    ctx.body = await buildReport();\n  } catch (err) {\n    ctx.status = 500;\n    ctx.body = { error: 'Report failed', code: err.code };\n  }"),
    ],
    invalid: [
      {
        code: middleware('    ctx.status = 500;\n    ctx.body = { error: err.message, stack: err.stack };'),
        at: 'ctx.status = «500»',
        output: middleware("    console.error(err);\n    ctx.status = 500;\n    ctx.body = { error: 'Internal server error' };"),
      },
      {
        code: middleware('    ctx.status = err.status || 500;\n    ctx.body = { message: err.message };'),
        at: 'ctx.status = «err.status || 500»',
      },
      {
        code: koaRoute('get', '/report', '  try {\n    ctx.body = await buildReport();\n  } catch (err) {\n    ctx.body = err;\n    ctx.status = 500;\n  }'),
        at: 'ctx.status = «500»',
        output: koaRoute('get', '/report', "  try {\n    ctx.body = await buildReport();\n  } catch (err) {\n    ctx.body = { error: 'Internal server error' };\n    console.error(err);\n    ctx.status = 500;\n  }"),
      },
    ],
  },
  { adapter: 'koa' },
);
