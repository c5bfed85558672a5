// error-needs-detail under NestJS: an exception without a message sends only the reason phrase.
import { ruleTests } from '../../ruleTester';
import { controller } from './controller';

const findOne = (thrown: string): string => `  @Get(':id')\n  findOne(@Param('id') id: string) {\n    if (!isUuid(id)) throw ${thrown};\n    return this.users.findOne(id);\n  }`;

const signUp = (thrown: string): string => `  @Post()\n  create(@Body() dto: CreateUserDto) {\n    if (!dto.email) throw ${thrown};\n    return this.users.create(dto);\n  }`;

ruleTests(
  'error-needs-detail',
  {
    valid: [
      controller(findOne("new BadRequestException('id must be a UUID')")),
      controller(findOne("new BadRequestException({ message: 'id must be a UUID', field: 'id' })")),
      // 404 says enough on its own.
      controller(findOne('new NotFoundException()')),
    ],
    invalid: [
      {
        // The field the branch tests names the problem.
        code: controller(signUp('new BadRequestException()')),
        at: 'throw new «BadRequestException»()',
        message: /400 Bad Request has no body/,
        output: controller(signUp("new BadRequestException({ error: 'email is required', fields: { email: 'required' } })")),
      },
      {
        code: controller(findOne("new BadRequestException('Bad Request')")),
        at: 'throw new «BadRequestException»(',
        keeps: ['Send an { error, fields } body to fill in'],
      },
      {
        code: controller(findOne("new HttpException('Validation failed', HttpStatus.UNPROCESSABLE_ENTITY)")),
        at: "HttpException('Validation failed', «HttpStatus.UNPROCESSABLE_ENTITY»)",
        keeps: ['Send an { error, fields } body to fill in'],
      },
    ],
  },
  { adapter: 'nestjs' },
);
