// no-leaked-error-details under NestJS: a 500 exception carrying the caught error.
import { ruleTests } from '../../ruleTester';
import { controller } from './controller';

const findAll = (thrown: string): string => `  @Get()\n  async findAll() {\n    try {\n      return await this.users.findAll();\n    } catch (error) {\n      throw ${thrown};\n    }\n  }`;

ruleTests(
  'no-leaked-error-details',
  {
    valid: [
      controller(findAll("new InternalServerErrorException('Could not load users')")),
      controller("  @Get()\n  async findAll() {\n    try {\n      return await this.users.findAll();\n    } catch (error) {\n      this.logger.error(error);\n      throw new InternalServerErrorException();\n    }\n  }"),
      // A 4xx may say what the client got wrong.
      controller(findAll('new BadRequestException(error.message)')),
      // An exception filter: the status is dynamic and the response a local of `catch`, not a handler's.
      {
        code: "import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';\nimport { Response } from 'express';\n\n@Catch()\nexport class AllExceptionsFilter implements ExceptionFilter {\n  catch(exception: unknown, host: ArgumentsHost) {\n    const response = host.switchToHttp().getResponse<Response>();\n    const status = exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;\n    response.status(status).json({ statusCode: status, message: 'Something went wrong' });\n  }\n}\n",
        adapter: undefined,
      },
    ],
    invalid: [
      {
        code: controller(findAll('new InternalServerErrorException(error.message)')),
        at: 'throw new «InternalServerErrorException»(',
        message: /sends `error\.message`/,
        output: controller(
          "  @Get()\n  async findAll() {\n    try {\n      return await this.users.findAll();\n    } catch (error) {\n      console.error(error);\n      throw new InternalServerErrorException({ error: 'Internal server error' });\n    }\n  }",
        ),
      },
      {
        // The caught error itself becomes the body.
        code: controller(findAll('new InternalServerErrorException(error)')),
        at: 'throw new «InternalServerErrorException»(',
      },
      {
        code: controller(findAll('new HttpException({ message: error.message, stack: error.stack }, HttpStatus.INTERNAL_SERVER_ERROR)')),
        at: '«HttpStatus.INTERNAL_SERVER_ERROR»',
      },
    ],
  },
  { adapter: 'nestjs' },
);
