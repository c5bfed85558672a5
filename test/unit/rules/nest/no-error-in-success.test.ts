// no-error-in-success under NestJS: a method that returns a failure body with its 200/201.
import { ruleTests } from '../../ruleTester';
import { controller } from './controller';

ruleTests(
  'no-error-in-success',
  {
    valid: [
      controller("  @Post('coupons')\n  redeem(@Body() dto: RedeemDto) {\n    if (this.coupons.isExpired(dto.code)) throw new BadRequestException('Coupon expired');\n    return this.coupons.redeem(dto.code);\n  }"),
      controller("  @Get('health')\n  health() {\n    return { ok: true, error: null };\n  }"),
      controller("  @Get('status')\n  @HttpCode(503)\n  status() {\n    return { ok: false, error: 'Down for maintenance' };\n  }"),
    ],
    invalid: [
      {
        code: controller("  @Post('coupons')\n  @HttpCode(200)\n  redeem(@Body() dto: RedeemDto) {\n    return { success: false, error: 'Coupon expired' };\n  }"),
        at: '@HttpCode(«200»)',
        message: /failure body/,
        output: controller("  @Post('coupons')\n  @HttpCode(400)\n  redeem(@Body() dto: RedeemDto) {\n    return { success: false, error: 'Coupon expired' };\n  }"),
      },
      {
        // Nest's default 200, made explicit by the fix.
        code: controller("  @Get('report')\n  report() {\n    return { ok: false, error: 'Report not ready' };\n  }"),
        at: "@«Get('report')»",
        output: controller("  @Get('report')\n  @HttpCode(400)\n  report() {\n    return { ok: false, error: 'Report not ready' };\n  }", ['Controller', 'Get', 'HttpCode']),
      },
      {
        // With several returns one decorator cannot change one of them: reported, no status fix.
        code: controller("  @Get(':id')\n  async findOne(@Param('id') id: string) {\n    const user = await this.users.findOne(id);\n    if (user.banned) {\n      return { success: false, error: 'User is banned' };\n    }\n    return user;\n  }"),
        at: "@«Get(':id')»",
      },
    ],
  },
  { adapter: 'nestjs' },
);
