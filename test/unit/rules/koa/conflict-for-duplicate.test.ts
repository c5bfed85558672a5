// The rule under the Koa adapter: a duplicate-key error answered with ctx.status or ctx.throw.
import { ruleTests } from '../../ruleTester';
import { koaRoute } from './koaCode';

ruleTests(
  'conflict-for-duplicate',
  {
    valid: [
      koaRoute('post', '/users', "  try {\n    ctx.body = await User.create(ctx.request.body);\n  } catch (err) {\n    if (err.code === 11000) ctx.throw(409, 'Email already registered');\n    throw err;\n  }"),
      koaRoute('post', '/users', "  try {\n    ctx.body = await User.create(ctx.request.body);\n  } catch (err) {\n    if (err.code === 11000) {\n      ctx.status = 409;\n      ctx.body = { error: 'Email already registered' };\n      return;\n    }\n    ctx.status = 500;\n    ctx.body = { error: 'Internal server error' };\n  }"),
      // A dynamic status: nothing to compare.
      koaRoute('post', '/users', "  try {\n    ctx.body = await User.create(ctx.request.body);\n  } catch (err) {\n    if (err.code === 11000) ctx.throw(err.status, 'Taken');\n  }"),
    ],
    invalid: [
      {
        // A look-up before the insert under Koa.
        code: koaRoute('post', '/users', "  if (await User.findOne({ username: ctx.request.body.username })) {\n    ctx.status = 400;\n    ctx.body = { error: 'Username already exists' };\n    return;\n  }\n  ctx.body = await User.create(ctx.request.body);"),
        at: 'ctx.status = «400»',
        output: koaRoute('post', '/users', "  if (await User.findOne({ username: ctx.request.body.username })) {\n    ctx.status = 409;\n    ctx.body = { error: 'Username already exists' };\n    return;\n  }\n  ctx.body = await User.create(ctx.request.body);"),
      },
      {
        code: koaRoute('post', '/users', "  try {\n    ctx.body = await User.create(ctx.request.body);\n  } catch (err) {\n    if (err.code === 11000) {\n      ctx.status = 400;\n      ctx.body = { error: 'Email already registered' };\n      return;\n    }\n    throw err;\n  }"),
        at: 'ctx.status = «400»',
        output: koaRoute('post', '/users', "  try {\n    ctx.body = await User.create(ctx.request.body);\n  } catch (err) {\n    if (err.code === 11000) {\n      ctx.status = 409;\n      ctx.body = { error: 'Email already registered' };\n      return;\n    }\n    throw err;\n  }"),
      },
      {
        code: koaRoute('post', '/users', "  try {\n    ctx.body = await prisma.user.create({ data: ctx.request.body });\n  } catch (e) {\n    if (e.code === 'P2002') ctx.throw(400, 'Email already registered');\n    throw e;\n  }"),
        at: 'ctx.throw(«400»',
        output: koaRoute('post', '/users', "  try {\n    ctx.body = await prisma.user.create({ data: ctx.request.body });\n  } catch (e) {\n    if (e.code === 'P2002') ctx.throw(409, 'Email already registered');\n    throw e;\n  }"),
      },
      {
        code: koaRoute('post', '/tags', "  try {\n    await db('tags').insert(ctx.request.body);\n    ctx.status = 201;\n  } catch (err) {\n    if (err.code === '23505') {\n      ctx.status = 500;\n      ctx.body = { error: 'Tag exists' };\n    }\n  }"),
        at: 'ctx.status = «500»',
        output: koaRoute('post', '/tags', "  try {\n    await db('tags').insert(ctx.request.body);\n    ctx.status = 201;\n  } catch (err) {\n    if (err.code === '23505') {\n      ctx.status = 409;\n      ctx.body = { error: 'Tag exists' };\n    }\n  }"),
      },
    ],
  },
  { adapter: 'koa' },
);
