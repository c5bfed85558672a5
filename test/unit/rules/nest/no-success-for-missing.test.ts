// no-success-for-missing under NestJS: a method that returns nothing (or null) where its lookup found nothing.
import { ruleTests } from '../../ruleTester';
import { controller } from './controller';

const findOne = (missing: string): string =>
  `  @Get(':id')\n  async findOne(@Param('id') id: string) {\n    const user = await this.users.findOne(id);\n    if (!user) ${missing}\n    return user;\n  }`;

ruleTests(
  'no-success-for-missing',
  {
    valid: [
      controller(findOne('throw new NotFoundException(`No user ${id}`);')),
      // The service decides: nothing in this file tests the lookup.
      controller("  @Get(':id')\n  findOne(@Param('id') id: string) {\n    return this.users.findOne(id);\n  }"),
      // A POST that finds no account may answer the same either way (no account enumeration).
      controller("  @Post('forgot-password')\n  @HttpCode(200)\n  async forgot(@Body() dto: ForgotDto) {\n    const user = await this.users.findOne(dto.email);\n    if (!user) return { sent: true };\n    await this.mail.sendReset(user);\n    return { sent: true };\n  }"),
    ],
    invalid: [
      {
        code: controller(findOne('return null;')),
        at: "@«Get(':id')»",
        message: /lookup found nothing \(`!user`\)/,
      },
      {
        code: controller(findOne('return;')),
        at: "@«Get(':id')»",
      },
      {
        code: controller("  @Get(':id')\n  @HttpCode(HttpStatus.OK)\n  async findOne(@Param('id') id: string) {\n    const user = await this.users.findOne(id);\n    if (!user) {\n      return { data: null };\n    }\n    return { data: user };\n  }"),
        at: '@HttpCode(«HttpStatus.OK»)',
      },
    ],
  },
  { adapter: 'nestjs' },
);
