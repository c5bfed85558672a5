// no-server-error-for-bad-input under NestJS: InternalServerErrorException for request input that fails a check.
import { ruleTests } from '../../ruleTester';
import { controller } from './controller';

const create = (thrown: string): string => `  @Post()\n  create(@Body() dto: CreateUserDto) {\n    if (!dto.email) throw ${thrown};\n    return this.users.create(dto);\n  }`;

ruleTests(
  'no-server-error-for-bad-input',
  {
    valid: [
      controller(create("new BadRequestException('email is required')")),
      // A failure of the server's own work.
      controller("  @Post('invites')\n  invite(@Body() dto: InviteDto) {\n    if (!this.config.smtpHost) throw new InternalServerErrorException('Mail is not configured');\n    return this.invites.send(dto);\n  }"),
      controller("  @Get()\n  findAll(@Query('page') page: string) {\n    return this.users.findAll(Number(page));\n  }"),
    ],
    invalid: [
      {
        code: controller(create("new InternalServerErrorException('email is required')")),
        at: 'throw new «InternalServerErrorException»(',
        message: /500 for bad input/,
        output: controller(create("new BadRequestException('email is required')"), ['Body', 'Controller', 'InternalServerErrorException', 'Post', 'BadRequestException']),
      },
      {
        code: controller("  @Get()\n  findAll(@Query('page') page: string) {\n    if (isNaN(Number(page))) throw new HttpException('page must be a number', 500);\n    return this.users.findAll(Number(page));\n  }"),
        at: "'page must be a number', «500»",
        output: controller("  @Get()\n  findAll(@Query('page') page: string) {\n    if (isNaN(Number(page))) throw new HttpException('page must be a number', 400);\n    return this.users.findAll(Number(page));\n  }"),
      },
      {
        code: controller(create("new HttpException('email is required', HttpStatus.INTERNAL_SERVER_ERROR)")),
        at: '«HttpStatus.INTERNAL_SERVER_ERROR»',
        output: controller(create("new HttpException('email is required', HttpStatus.BAD_REQUEST)")),
      },
    ],
  },
  { adapter: 'nestjs' },
);
