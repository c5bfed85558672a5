// The rule under the Koa adapter (off by default): a 400 for a business-rule failure.
import { ruleTests } from '../../ruleTester';
import { koaRoute } from './koaCode';

ruleTests(
  'unprocessable-for-semantic-errors',
  {
    valid: [
      koaRoute('post', '/bookings', "  if (ctx.request.body.endDate <= ctx.request.body.startDate) ctx.throw(422, 'endDate must be after startDate');\n  ctx.body = await Booking.create(ctx.request.body);"),
      // A missing field is a format error: 400 is right.
      koaRoute('post', '/bookings', "  if (!ctx.request.body.startDate) ctx.throw(400, 'startDate is required');\n  ctx.body = await Booking.create(ctx.request.body);"),
      koaRoute('post', '/bookings', "  ctx.assert(ctx.request.body.startDate, 400, 'startDate is required');\n  ctx.body = await Booking.create(ctx.request.body);"),
    ],
    invalid: [
      {
        code: koaRoute('post', '/bookings', "  if (ctx.request.body.endDate <= ctx.request.body.startDate) {\n    ctx.status = 400;\n    ctx.body = { error: 'endDate must be after startDate' };\n    return;\n  }\n  ctx.body = await Booking.create(ctx.request.body);"),
        at: 'ctx.status = «400»',
        output: koaRoute('post', '/bookings', "  if (ctx.request.body.endDate <= ctx.request.body.startDate) {\n    ctx.status = 422;\n    ctx.body = { error: 'endDate must be after startDate' };\n    return;\n  }\n  ctx.body = await Booking.create(ctx.request.body);"),
      },
      {
        code: koaRoute('post', '/bookings', "  if (ctx.request.body.endDate <= ctx.request.body.startDate) ctx.throw(400, 'endDate must be after startDate');\n  ctx.body = await Booking.create(ctx.request.body);"),
        at: 'ctx.throw(«400»',
        output: koaRoute('post', '/bookings', "  if (ctx.request.body.endDate <= ctx.request.body.startDate) ctx.throw(422, 'endDate must be after startDate');\n  ctx.body = await Booking.create(ctx.request.body);"),
      },
      {
        code: koaRoute('post', '/transfers', "  const { amount } = ctx.request.body;\n  const account = await Account.findById(ctx.state.user.accountId);\n  if (account.balance < amount) {\n    ctx.status = 400;\n    ctx.body = { error: 'Insufficient funds' };\n  }"),
        at: 'ctx.status = «400»',
        output: koaRoute('post', '/transfers', "  const { amount } = ctx.request.body;\n  const account = await Account.findById(ctx.state.user.accountId);\n  if (account.balance < amount) {\n    ctx.status = 422;\n    ctx.body = { error: 'Insufficient funds' };\n  }"),
      },
    ],
  },
  { adapter: 'koa' },
);
