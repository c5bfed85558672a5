// created-needs-location under NestJS: a POST's default 201 counts where the method creates something.
import { ruleTests } from '../../ruleTester';
import { controller } from './controller';

ruleTests(
  'created-needs-location',
  {
    valid: [
      // A POST that creates nothing (a toggle) answers Nest's default 201 without claiming a resource.
      controller("  @Post(':slug/favorite')\n  favorite(@Param('slug') slug: string) {\n    return this.articles.favorite(slug);\n  }"),
      // Work put on a queue is accepted, not created: a named create of jobs is no resource.
      controller("  @Post('gather')\n  async gather(): Promise<void> {\n    await this.gathering.addJobsToQueue(this.symbols());\n  }"),
      // The header is set by a decorator.
      controller("  @Post('me/avatar')\n  @Header('Location', '/users/me/avatar')\n  upload(@Body() dto: AvatarDto) {\n    return this.avatars.create(dto);\n  }"),
      // PUT creates at the URL the client used.
      controller("  @Put(':id')\n  @HttpCode(201)\n  replace(@Param('id') id: string, @Body() dto: UserDto) {\n    return this.users.create({ id, ...dto });\n  }"),
      // Login routes are not creates.
      controller("  @Post('auth/login')\n  login(@Body() dto: LoginDto) {\n    return this.auth.create(dto);\n  }"),
    ],
    invalid: [
      {
        code: controller("  @Post()\n  create(@Body() dto: CreateUserDto) {\n    return this.users.create(dto);\n  }"),
        at: '@«Post()»',
        message: /201 Created without a Location header/,
      },
      {
        code: controller("  @Post(':id/comments')\n  async comment(@Param('id') id: string, @Body() dto: CommentDto) {\n    const comment = await this.comments.create({ postId: id, ...dto });\n    return comment;\n  }"),
        at: "@«Post(':id/comments')»",
      },
      {
        code: controller("  @Post()\n  @HttpCode(HttpStatus.CREATED)\n  async create(@Body() dto: CreateUserDto) {\n    return { user: await this.users.create(dto) };\n  }"),
        at: '@HttpCode(«HttpStatus.CREATED»)',
      },
      {
        // Two returns share the one default status: reported once.
        code: controller("  @Post()\n  async create(@Body() dto: CreateUserDto) {\n    const user = await this.users.create(dto);\n    if (dto.notify) {\n      return { user, notified: true };\n    }\n    return user;\n  }"),
        at: '@«Post()»',
      },
    ],
  },
  { adapter: 'nestjs' },
);
