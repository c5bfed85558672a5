// unauthorized-needs-www-authenticate under NestJS: a 401 (UnauthorizedException, @HttpCode(401)) without the challenge header.
import { ruleTests } from '../../ruleTester';
import { controller, service } from './controller';

ruleTests(
  'unauthorized-needs-www-authenticate',
  {
    valid: [
      // The route's @Header reaches the exception it throws.
      controller("  @Get('me')\n  @Header('WWW-Authenticate', 'Bearer')\n  me(@Req() req) {\n    if (!req.user) throw new UnauthorizedException('Sign in first');\n    return req.user;\n  }"),
      controller("  @Get('me')\n  @HttpCode(401)\n  @Header('WWW-Authenticate', 'Bearer realm=\"api\"')\n  me() {\n    return { error: 'Sign in first' };\n  }"),
      controller("  @Delete(':id')\n  remove(@Param('id') id: string, @Req() req) {\n    if (!req.user.isAdmin) throw new ForbiddenException('Admins only');\n    return this.users.remove(id);\n  }"),
      // A guard that sets the challenge on the platform response before it throws: Nest's exception
      // filter answers through that response. Directly, and through a variable holding it.
      service("  canActivate(context: ExecutionContext) {\n    const http = context.switchToHttp();\n    if (!http.getRequest().user) {\n      http.getResponse().setHeader('WWW-Authenticate', 'Bearer');\n      throw new UnauthorizedException('Sign in first');\n    }\n    return true;\n  }"),
      service("  canActivate(context: ExecutionContext) {\n    const res = context.switchToHttp().getResponse();\n    if (!context.switchToHttp().getRequest().user) {\n      res.header('WWW-Authenticate', 'Bearer');\n      throw new UnauthorizedException('Sign in first');\n    }\n    return true;\n  }"),
      // HttpStatus only compared, never sent.
      controller("  @Get('ping')\n  async ping() {\n    const answer = await this.upstream.ping();\n    if (answer.status === HttpStatus.UNAUTHORIZED) this.metrics.increment('upstream_auth_failures');\n    return { up: true };\n  }"),
    ],
    invalid: [
      {
        code: controller("  @Get('me')\n  @HttpCode(401)\n  me() {\n    return { error: 'Sign in first' };\n  }"),
        at: '@HttpCode(«401»)',
        message: /401 Unauthorized without a WWW-Authenticate header/,
        output: controller("  @Get('me')\n  @Header('WWW-Authenticate', 'Bearer')\n  @HttpCode(401)\n  me() {\n    return { error: 'Sign in first' };\n  }", ['Controller', 'Get', 'HttpCode', 'Header']),
      },
      {
        code: controller("  @Get('me')\n  me(@Req() req) {\n    if (!req.user) throw new UnauthorizedException('Sign in first');\n    return req.user;\n  }"),
        at: 'throw new «UnauthorizedException»(',
        message: /error handler/,
      },
      {
        // In a service (a Passport strategy's validate, an auth service).
        code: service("  async validateUser(email: string, password: string) {\n    const user = await this.prisma.user.findUnique({ where: { email } });\n    if (!user || !(await compare(password, user.password))) throw new UnauthorizedException('Wrong email or password');\n    return user;\n  }"),
        at: 'throw new «UnauthorizedException»(',
      },
      {
        code: controller("  @Post('login')\n  async login(@Body() dto: LoginDto) {\n    const session = await this.auth.login(dto);\n    if (!session) throw new HttpException({ errors: { password: 'is wrong' } }, 401);\n    return session;\n  }"),
        at: "'is wrong' } }, «401»",
      },
      {
        // Set on the request, not on the response: nothing sends it.
        code: service("  canActivate(context: ExecutionContext) {\n    const req = context.switchToHttp().getRequest();\n    if (!req.user) {\n      req.header('WWW-Authenticate', 'Bearer');\n      throw new UnauthorizedException('Sign in first');\n    }\n    return true;\n  }"),
        at: 'throw new «UnauthorizedException»(',
      },
    ],
  },
  { adapter: 'nestjs' },
);
