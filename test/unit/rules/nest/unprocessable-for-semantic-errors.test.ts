// unprocessable-for-semantic-errors under NestJS (off by default): a 400 for a well-formed request that breaks a business rule.
import { ruleTests } from '../../ruleTester';
import { controller } from './controller';

const book = (thrown: string): string =>
  `  @Post('bookings')\n  book(@Body() dto: BookingDto) {\n    if (dto.endDate < dto.startDate) throw ${thrown};\n    return this.bookings.create(dto);\n  }`;

ruleTests(
  'unprocessable-for-semantic-errors',
  {
    valid: [
      controller(book("new UnprocessableEntityException('endDate must be after startDate')")),
      // A missing field is a malformed request: 400 is right.
      controller("  @Post('bookings')\n  book(@Body() dto: BookingDto) {\n    if (!dto.startDate) throw new BadRequestException('startDate is required');\n    return this.bookings.create(dto);\n  }"),
      controller(book("new HttpException('endDate must be after startDate', HttpStatus.UNPROCESSABLE_ENTITY)")),
    ],
    invalid: [
      {
        code: controller(book("new BadRequestException('endDate must be after startDate')")),
        at: 'throw new «BadRequestException»(',
        message: /business-rule failure/,
        output: controller(book("new UnprocessableEntityException('endDate must be after startDate')"), ['BadRequestException', 'Body', 'Controller', 'Post', 'UnprocessableEntityException']),
      },
      {
        code: controller(book("new HttpException('endDate must be after startDate', HttpStatus.BAD_REQUEST)")),
        at: '«HttpStatus.BAD_REQUEST»',
        output: controller(book("new HttpException('endDate must be after startDate', HttpStatus.UNPROCESSABLE_ENTITY)")),
      },
      {
        code: controller(book("new HttpException('endDate must be after startDate', 400)")),
        at: "startDate', «400»",
        output: controller(book("new HttpException('endDate must be after startDate', 422)")),
      },
    ],
  },
  { adapter: 'nestjs' },
);
