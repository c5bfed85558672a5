// NestJS code for the rule tables: a controller class around the given methods, importing from
// `@nestjs/common` the names the methods use, in the order Nest projects usually list them.
const NEST_NAMES = [
  'BadGatewayException', 'BadRequestException', 'Body', 'ConflictException', 'Controller', 'Delete', 'ForbiddenException', 'Get', 'Header',
  'HttpCode', 'HttpException', 'HttpStatus', 'InternalServerErrorException', 'NotFoundException', 'Param', 'Patch', 'Post', 'Put', 'Query',
  'Redirect', 'Req', 'Res', 'ServiceUnavailableException', 'UnauthorizedException', 'UnprocessableEntityException',
];

/** The `@nestjs/common` names `methods` use, `Controller` included. */
export function importsOf(methods: string): string[] {
  return NEST_NAMES.filter((name) => name === 'Controller' || new RegExp(`\\b${name}\\b`).test(methods));
}

/** A controller for `/users` (or `prefix`) with `methods`, importing `imports` (by default what the methods use). */
export function controller(methods: string, imports: string[] = importsOf(methods), prefix = "'users'"): string {
  return `import { ${imports.join(', ')} } from '@nestjs/common';\n\n@Controller(${prefix})\nexport class UsersController {\n  constructor(private readonly users: UsersService) {}\n\n${methods}\n}\n`;
}

/** A service: Nest's exceptions thrown here answer the request too. */
export function service(methods: string): string {
  const imports = ['Injectable', ...importsOf(methods).filter((name) => name !== 'Controller')];
  return `import { ${imports.join(', ')} } from '@nestjs/common';\n\n@Injectable()\nexport class UsersService {\n  constructor(private readonly prisma: PrismaService) {}\n\n${methods}\n}\n`;
}
