// no-not-found-for-validation under NestJS: NotFoundException for request input that fails a check.
import { ruleTests } from '../../ruleTester';
import { controller } from './controller';

const create = (thrown: string): string => `  @Post()\n  create(@Body() dto: CreateUserDto) {\n    if (!dto.email) throw ${thrown};\n    return this.users.create(dto);\n  }`;

ruleTests(
  'no-not-found-for-validation',
  {
    valid: [
      controller(create("new BadRequestException('email is required')")),
      // A lookup that found nothing is what 404 means.
      controller("  @Get(':id')\n  async findOne(@Param('id') id: string) {\n    const user = await this.users.findOne(id);\n    if (!user) throw new NotFoundException(`No user ${id}`);\n    return user;\n  }"),
      controller("  @Get(':id')\n  findOne(@Param('id') id: string) {\n    return this.users.findOne(id);\n  }"),
    ],
    invalid: [
      {
        code: controller(create("new NotFoundException('email is required')")),
        at: 'throw new «NotFoundException»(',
        message: /404 for a validation failure/,
        output: controller(create("new BadRequestException('email is required')"), ['Body', 'Controller', 'NotFoundException', 'Post', 'BadRequestException']),
      },
      {
        // A route parameter read through @Param.
        code: controller("  @Get(':id')\n  findOne(@Param('id') id: string) {\n    if (!isUuid(id)) throw new NotFoundException('id must be a UUID');\n    return this.users.findOne(id);\n  }"),
        at: 'throw new «NotFoundException»(',
      },
      {
        code: controller(create("new HttpException('email is required', HttpStatus.NOT_FOUND)")),
        at: '«HttpStatus.NOT_FOUND»',
        output: controller(create("new HttpException('email is required', HttpStatus.BAD_REQUEST)")),
      },
    ],
  },
  { adapter: 'nestjs' },
);
