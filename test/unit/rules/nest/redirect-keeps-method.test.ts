// redirect-keeps-method under NestJS: @Redirect on a POST that forwards to where the endpoint now lives.
import { ruleTests } from '../../ruleTester';
import { controller } from './controller';

const v1 = (methods: string): string => controller(methods, undefined, "'api/v1/payments'");

ruleTests(
  'redirect-keeps-method',
  {
    valid: [
      v1("  @Post()\n  @Redirect('/api/v2/payments', 307)\n  legacy() {}"),
      // A GET may be redirected with 302.
      v1("  @Get()\n  @Redirect('/api/v2/payments')\n  legacy() {}"),
      // Post/Redirect/Get: the form is processed, then the browser is sent to a page.
      v1("  @Post('checkout')\n  @Redirect('/orders/thanks')\n  async checkout(@Body() dto: CheckoutDto) {\n    await this.payments.charge(dto);\n  }"),
    ],
    invalid: [
      {
        code: v1("  @Post()\n  @Redirect('/api/v2/payments')\n  legacy() {}"),
        at: "@«Redirect('/api/v2/payments')»",
        message: /use 307 Temporary Redirect/,
        output: v1("  @Post()\n  @Redirect('/api/v2/payments', 307)\n  legacy() {}"),
      },
      {
        code: v1("  @Post()\n  @Redirect('/api/v2/payments', 302)\n  legacy() {}"),
        at: "'/api/v2/payments', «302»",
        output: v1("  @Post()\n  @Redirect('/api/v2/payments', 307)\n  legacy() {}"),
      },
      {
        code: v1("  @Put(':id')\n  @Redirect('/api/v2/payments/:id', HttpStatus.FOUND)\n  legacy() {}"),
        at: '«HttpStatus.FOUND»',
        output: v1("  @Put(':id')\n  @Redirect('/api/v2/payments/:id', HttpStatus.TEMPORARY_REDIRECT)\n  legacy() {}"),
      },
    ],
  },
  { adapter: 'nestjs' },
);
