// conflict-for-duplicate under NestJS: a duplicate-key error answered with BadRequestException; the fix names ConflictException.
import { ruleTests } from '../../ruleTester';
import { controller, service } from './controller';

const create = (thrown: string): string =>
  `  @Post()\n  async create(@Body() dto: CreateUserDto) {\n    try {\n      return await this.users.create(dto);\n    } catch (error) {\n      if (error.code === 'P2002') throw ${thrown};\n      throw error;\n    }\n  }`;

ruleTests(
  'conflict-for-duplicate',
  {
    valid: [
      controller(create("new ConflictException('Email already registered')")),
      controller(create("new HttpException('Email already registered', HttpStatus.CONFLICT)")),
      // A 400 for input that is wrong, not for a duplicate.
      controller("  @Post()\n  create(@Body() dto: CreateUserDto) {\n    if (!dto.email) throw new BadRequestException('email is required');\n    return this.users.create(dto);\n  }"),
    ],
    invalid: [
      {
        code: controller(create("new BadRequestException('Email already registered')")),
        at: 'throw new «BadRequestException»(',
        message: /duplicate-key error/,
        output: controller(create("new ConflictException('Email already registered')"), ['BadRequestException', 'Body', 'Controller', 'Post', 'ConflictException']),
      },
      {
        code: controller(create("new HttpException('Email already registered', HttpStatus.BAD_REQUEST)")),
        at: "HttpException('Email already registered', «HttpStatus.BAD_REQUEST»)",
        output: controller(create("new HttpException('Email already registered', HttpStatus.CONFLICT)")),
      },
      {
        // In a service: Nest's exception filter answers the request all the same.
        code: service(
          "  async register(dto: CreateUserDto) {\n    try {\n      return await this.prisma.user.create({ data: dto });\n    } catch (error) {\n      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {\n        throw new BadRequestException('This email is taken');\n      }\n      throw error;\n    }\n  }",
        ),
        at: 'throw new «BadRequestException»(',
      },
    ],
  },
  { adapter: 'nestjs' },
);
