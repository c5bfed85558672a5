// gateway-error-codes under NestJS: a failed call to another service answered with InternalServerErrorException.
import { ruleTests } from '../../ruleTester';
import { controller } from './controller';

const avatar = (thrown: string): string =>
  `  @Get(':id/avatar')\n  async avatar(@Param('id') id: string) {\n    try {\n      const response = await fetch(\`https://avatars.example.com/\${id}\`);\n      return await response.json();\n    } catch (error) {\n      throw ${thrown};\n    }\n  }`;

ruleTests(
  'gateway-error-codes',
  {
    valid: [
      controller(avatar("new BadGatewayException('Avatar service failed')")),
      controller(avatar("new HttpException('Avatar service failed', HttpStatus.BAD_GATEWAY)")),
      // The try block also does this service's own work: a 500 may be right.
      controller("  @Get(':id')\n  async findOne(@Param('id') id: string) {\n    try {\n      const user = await this.users.findOne(id);\n      const response = await fetch(user.avatarUrl);\n      return { ...user, avatar: await response.json() };\n    } catch (error) {\n      throw new InternalServerErrorException('Could not load the user');\n    }\n  }"),
    ],
    invalid: [
      {
        code: controller(avatar("new InternalServerErrorException('Avatar service failed')")),
        at: 'throw new «InternalServerErrorException»(',
        message: /502/,
        output: controller(avatar("new BadGatewayException('Avatar service failed')"), ['Controller', 'Get', 'InternalServerErrorException', 'Param', 'BadGatewayException']),
      },
      {
        code: controller(avatar("new HttpException('Avatar service failed', HttpStatus.INTERNAL_SERVER_ERROR)")),
        at: "«HttpStatus.INTERNAL_SERVER_ERROR»",
        output: controller(avatar("new HttpException('Avatar service failed', HttpStatus.BAD_GATEWAY)")),
      },
      {
        code: controller(avatar("new HttpException('Avatar service failed', 500)")),
        at: "'Avatar service failed', «500»",
        output: controller(avatar("new HttpException('Avatar service failed', 502)")),
      },
    ],
  },
  { adapter: 'nestjs' },
);
