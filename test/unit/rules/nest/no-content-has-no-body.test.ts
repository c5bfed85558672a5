// no-content-has-no-body under NestJS: @HttpCode(204) on a method that returns a value.
import { ruleTests } from '../../ruleTester';
import { controller } from './controller';

ruleTests(
  'no-content-has-no-body',
  {
    valid: [
      // A void method under 204.
      controller("  @Delete(':id')\n  @HttpCode(204)\n  async remove(@Param('id') id: string) {\n    await this.users.remove(id);\n  }"),
      // Declared void: the service's result is not a body.
      controller("  @Delete(':id')\n  @HttpCode(HttpStatus.NO_CONTENT)\n  remove(@Param('id') id: string): Promise<void> {\n    return this.users.remove(id);\n  }"),
      // Passing on a call's completion under 204.
      controller("  @Post('logout')\n  @HttpCode(204)\n  logout(@Req() req) {\n    return this.auth.logout(req.user);\n  }"),
      controller("  @Delete(':id')\n  remove(@Param('id') id: string) {\n    return { deleted: true };\n  }"),
    ],
    invalid: [
      {
        code: controller("  @Delete(':id')\n  @HttpCode(204)\n  async remove(@Param('id') id: string) {\n    await this.users.remove(id);\n    return { deleted: true };\n  }"),
        at: '@HttpCode(«204»)',
        message: /204 No Content cannot carry a body/,
        output: controller("  @Delete(':id')\n  @HttpCode(204)\n  async remove(@Param('id') id: string) {\n    await this.users.remove(id);\n    return;\n  }"),
      },
      {
        code: controller("  @Delete(':id')\n  @HttpCode(HttpStatus.NO_CONTENT)\n  async remove(@Param('id') id: string) {\n    const user = await this.users.remove(id);\n    return user;\n  }"),
        at: '@HttpCode(«HttpStatus.NO_CONTENT»)',
        output: controller("  @Delete(':id')\n  @HttpCode(HttpStatus.NO_CONTENT)\n  async remove(@Param('id') id: string) {\n    const user = await this.users.remove(id);\n    return;\n  }"),
      },
      {
        code: controller("  @Put(':id/read')\n  @HttpCode(204)\n  markRead(@Param('id') id: string) {\n    this.notifications.markRead(id);\n    return 'ok';\n  }"),
        at: '@HttpCode(«204»)',
        output: controller("  @Put(':id/read')\n  @HttpCode(204)\n  markRead(@Param('id') id: string) {\n    this.notifications.markRead(id);\n    return;\n  }"),
      },
    ],
  },
  { adapter: 'nestjs' },
);
