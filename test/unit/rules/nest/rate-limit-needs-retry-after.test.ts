// rate-limit-needs-retry-after under NestJS: a 429 from @HttpCode or a thrown HttpException without Retry-After.
import { ruleTests } from '../../ruleTester';
import { controller } from './controller';

ruleTests(
  'rate-limit-needs-retry-after',
  {
    valid: [
      controller("  @Get('quota')\n  @HttpCode(429)\n  @Header('Retry-After', '3600')\n  quota() {\n    return { error: 'Daily quota used up' };\n  }"),
      // The route's @Header reaches the exception it throws.
      controller("  @Post('otp')\n  @Header('Retry-After', '60')\n  async sendOtp(@Body() dto: OtpDto) {\n    if (await this.limiter.isLimited(dto.phone)) throw new HttpException('Too many codes requested', HttpStatus.TOO_MANY_REQUESTS);\n    return this.otp.send(dto.phone);\n  }"),
      controller("  @Get('quota')\n  quota() {\n    return this.limits.remaining();\n  }"),
    ],
    invalid: [
      {
        code: controller("  @Get('quota')\n  @HttpCode(429)\n  quota() {\n    return { error: 'Daily quota used up' };\n  }"),
        at: '@HttpCode(«429»)',
        message: /429 Too Many Requests without a Retry-After header/,
        output: controller("  @Get('quota')\n  @Header('Retry-After', '60')\n  @HttpCode(429)\n  quota() {\n    return { error: 'Daily quota used up' };\n  }", ['Controller', 'Get', 'HttpCode', 'Header']),
      },
      {
        code: controller("  @Post('otp')\n  async sendOtp(@Body() dto: OtpDto) {\n    if (await this.limiter.isLimited(dto.phone)) throw new HttpException('Too many codes requested', HttpStatus.TOO_MANY_REQUESTS);\n    return this.otp.send(dto.phone);\n  }"),
        at: '«HttpStatus.TOO_MANY_REQUESTS»',
        message: /error handler/,
      },
      {
        code: controller("  @Post('otp')\n  async sendOtp(@Body() dto: OtpDto) {\n    if (await this.limiter.isLimited(dto.phone)) throw new HttpException('Slow down', 429);\n    return this.otp.send(dto.phone);\n  }"),
        at: "'Slow down', «429»",
      },
    ],
  },
  { adapter: 'nestjs' },
);
