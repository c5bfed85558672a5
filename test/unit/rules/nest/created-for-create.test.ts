// created-for-create under NestJS: a POST already answers 201, so only an @HttpCode(200) on a create is reported.
import { ruleTests } from '../../ruleTester';
import { controller } from './controller';

const create200 = "  @Post()\n  @HttpCode(200)\n  create(@Body() dto: CreateUserDto) {\n    return this.users.create(dto);\n  }";

ruleTests(
  'created-for-create',
  {
    valid: [
      // Nest's default for @Post is already 201.
      controller("  @Post()\n  create(@Body() dto: CreateUserDto) {\n    return this.users.create(dto);\n  }"),
      controller("  @Post()\n  @HttpCode(HttpStatus.CREATED)\n  create(@Body() dto: CreateUserDto) {\n    return this.users.create(dto);\n  }"),
      // A login answers, it does not create.
      controller("  @Post('login')\n  @HttpCode(200)\n  login(@Body() dto: LoginDto) {\n    return this.auth.createSession(dto);\n  }"),
      // Reading is not creating.
      controller("  @Get(':id')\n  findOne(@Param('id') id: string) {\n    return this.users.findOne(id);\n  }"),
    ],
    invalid: [
      {
        code: controller(create200),
        at: '@HttpCode(«200»)',
        message: /creates a record \(`users\.create`\)/,
        output: controller(create200.replace('200', '201')),
      },
      {
        // The file names statuses with HttpStatus: the fix does too.
        code: controller("  @Post()\n  @HttpCode(HttpStatus.OK)\n  async create(@Body() dto: CreateUserDto) {\n    const user = await this.users.create(dto);\n    return user;\n  }"),
        at: '@HttpCode(«HttpStatus.OK»)',
        output: controller("  @Post()\n  @HttpCode(HttpStatus.CREATED)\n  async create(@Body() dto: CreateUserDto) {\n    const user = await this.users.create(dto);\n    return user;\n  }"),
      },
      {
        // A Prisma create in the controller itself.
        code: controller("  @Post('posts')\n  @HttpCode(200)\n  async publish(@Body() dto: CreatePostDto) {\n    const post = await this.prisma.post.create({ data: dto });\n    return { post };\n  }"),
        at: '@HttpCode(«200»)',
        output: controller("  @Post('posts')\n  @HttpCode(201)\n  async publish(@Body() dto: CreatePostDto) {\n    const post = await this.prisma.post.create({ data: dto });\n    return { post };\n  }"),
      },
    ],
  },
  { adapter: 'nestjs' },
);
