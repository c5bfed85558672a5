// valid-status-code under NestJS: a status outside 100–599 in @HttpCode, @Redirect or an HttpException.
import { ruleTests } from '../../ruleTester';
import { controller } from './controller';

ruleTests(
  'valid-status-code',
  {
    valid: [
      controller("  @Post()\n  @HttpCode(201)\n  create(@Body() dto: CreateUserDto) {\n    return this.users.create(dto);\n  }"),
      controller("  @Get('docs')\n  @Redirect('https://docs.example.com', HttpStatus.MOVED_PERMANENTLY)\n  docs() {}"),
      // An exception filter: its status is dynamic and its response a local of `catch`, not a handler's.
      {
        code: "import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';\nimport { Response } from 'express';\n\n@Catch(HttpException)\nexport class HttpErrorFilter implements ExceptionFilter {\n  catch(exception: HttpException, host: ArgumentsHost) {\n    const response = host.switchToHttp().getResponse<Response>();\n    const status = exception.getStatus();\n    response.status(status).json({ statusCode: status, message: exception.message });\n  }\n}\n",
        adapter: undefined,
      },
    ],
    invalid: [
      {
        code: controller("  @Post()\n  @HttpCode(2010)\n  create(@Body() dto: CreateUserDto) {\n    return this.users.create(dto);\n  }"),
        at: '@HttpCode(«2010»)',
        message: /2010 is not a valid HTTP status/,
      },
      {
        code: controller("  @Get(':id')\n  findOne(@Param('id') id: string) {\n    throw new HttpException('Gone', 4100);\n  }"),
        at: "'Gone', «4100»",
      },
      {
        code: controller("  @Get('docs')\n  @Redirect('https://docs.example.com', 3010)\n  docs() {}"),
        at: "'https://docs.example.com', «3010»",
      },
    ],
  },
  { adapter: 'nestjs' },
);
