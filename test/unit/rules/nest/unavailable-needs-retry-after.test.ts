// unavailable-needs-retry-after under NestJS: a 503 (ServiceUnavailableException, @HttpCode(503)) without Retry-After.
import { ruleTests } from '../../ruleTester';
import { controller } from './controller';

ruleTests(
  'unavailable-needs-retry-after',
  {
    valid: [
      controller("  @Get('reports')\n  @HttpCode(503)\n  @Header('Retry-After', '120')\n  reports() {\n    return { error: 'Down for maintenance' };\n  }"),
      controller("  @Get('reports')\n  @Header('Retry-After', '120')\n  reports() {\n    if (this.maintenance.active) throw new ServiceUnavailableException('Down for maintenance');\n    return this.reports.list();\n  }"),
      controller("  @Get('reports')\n  reports() {\n    return this.reports.list();\n  }"),
    ],
    invalid: [
      {
        code: controller("  @Get('reports')\n  @HttpCode(503)\n  reports() {\n    return { error: 'Down for maintenance' };\n  }"),
        at: '@HttpCode(«503»)',
        message: /503 Service Unavailable without a Retry-After header/,
        output: controller("  @Get('reports')\n  @Header('Retry-After', '60')\n  @HttpCode(503)\n  reports() {\n    return { error: 'Down for maintenance' };\n  }", ['Controller', 'Get', 'HttpCode', 'Header']),
      },
      {
        code: controller("  @Get('reports')\n  reports() {\n    if (this.maintenance.active) throw new ServiceUnavailableException('Down for maintenance');\n    return this.reports.list();\n  }"),
        at: 'throw new «ServiceUnavailableException»(',
      },
      {
        code: controller("  @Get('reports')\n  reports() {\n    if (this.maintenance.active) throw new HttpException('Down for maintenance', HttpStatus.SERVICE_UNAVAILABLE);\n    return this.reports.list();\n  }"),
        at: '«HttpStatus.SERVICE_UNAVAILABLE»',
      },
    ],
  },
  { adapter: 'nestjs' },
);
