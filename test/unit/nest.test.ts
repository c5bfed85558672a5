// The NestJS adapter: which files it reads, the sites of controller methods and thrown
// exceptions (status, what is sent, route), the @Res() methods the Express collector reads, and
// hovers on every NestJS status position. `|` marks the hover cursor.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_OPTIONS } from '../../server/src/analysis';
import type { Framework } from '../../server/src/analysis/adapters/frameworks';
import { controller } from './rules/nest/controller';
import { hoverHeadline } from './hoverHeadline';

const IMPORTS = "import { Controller, Get, Post, Put, Delete, Body, Param, Query, Req, Res, HttpCode, HttpStatus, Header, Redirect, NotFoundException, HttpException } from '@nestjs/common';\n";

function sitesOf(code: string, frameworks: Framework[] = []): string[] {
  return analyze(code, 'case.ts', { ...DEFAULT_OPTIONS, frameworks }).sites.map(
    (site) =>
      `${site.adapter.framework} ${site.status.source} ${site.status.code ?? '?'} ${site.send?.kind ?? 'unsent'} ${site.route?.method ?? '-'} ${site.route?.path ?? '-'}` +
      (site.body ? ` body=${site.body.getText()}` : '') +
      (site.headers.length > 0 ? ` headers=${site.headers.map((header) => header.name).join(',')}` : '') +
      (site.completedBy ? ` by=${site.completedBy}` : ''),
  );
}

const usersController = (methods: string, prefix = "'users'"): string => `${IMPORTS}\n@Controller(${prefix})\nexport class UsersController {\n${methods}\n}\n`;

describe('nestjs: route methods as response sites', () => {
  it('200 by default, 201 for @Post, @HttpCode explicit, the returned value as the body', () => {
    const code = usersController(
      "  @Get(':id')\n  findOne(@Param('id') id: string) {\n    return this.users.findOne(id);\n  }\n" +
        "  @Post()\n  create(@Body() dto) {\n    return this.users.create(dto);\n  }\n" +
        "  @Post('login')\n  @HttpCode(HttpStatus.OK)\n  login(@Body() dto) {\n    return this.auth.login(dto);\n  }\n" +
        "  @Delete(':id')\n  @HttpCode(204)\n  async remove(@Param('id') id: string) {\n    await this.users.remove(id);\n  }",
    );
    assert.deepEqual(sitesOf(code), [
      'nestjs implicit 200 data get /users/:id body=this.users.findOne(id)',
      'nestjs implicit 201 data post /users body=this.users.create(dto)',
      'nestjs constant 200 data post /users/login body=this.auth.login(dto)',
      'nestjs literal 204 empty delete /users/:id',
    ]);
  });
  it('one site per return; a bare return, or a method declared void, sends nothing', () => {
    const code = usersController(
      "  @Get(':id')\n  async findOne(@Param('id') id: string) {\n    const user = await this.users.findOne(id);\n    if (!user) return;\n    return user;\n  }\n" +
        "  @Put(':id')\n  update(@Param('id') id: string, @Body() dto): Promise<void> {\n    return this.users.update(id, dto);\n  }",
    );
    assert.deepEqual(sitesOf(code), ['nestjs implicit 200 empty get /users/:id', 'nestjs implicit 200 data get /users/:id body=user', 'nestjs implicit 200 empty put /users/:id']);
  });
  it('@Header decorators are headers; @Redirect is a redirect (302 unless given)', () => {
    const code = usersController(
      "  @Get('export')\n  @Header('Content-Type', 'text/csv')\n  @Header('Cache-Control', 'no-store')\n  exportCsv() {\n    return this.users.csv();\n  }\n" +
        "  @Get('docs')\n  @Redirect('https://docs.example.com')\n  docs() {}\n" +
        "  @Get('v1')\n  @Redirect('/users', HttpStatus.MOVED_PERMANENTLY)\n  v1() {}",
    );
    assert.deepEqual(sitesOf(code), [
      'nestjs implicit 200 data get /users/export body=this.users.csv() headers=content-type,cache-control',
      'nestjs implicit 302 redirect get /users/docs',
      'nestjs constant 301 redirect get /users/v1',
    ]);
  });
  it('routes join the controller prefix (a string or { path }) and the method path; @All is any method', () => {
    const code = `${IMPORTS}import { All } from '@nestjs/common';\n\n@Controller({ path: '/files/', version: '1' })\nexport class FilesController {\n  @All('*')\n  any() {\n    return 'ok';\n  }\n  @Get()\n  list() {\n    return [];\n  }\n}\n`;
    assert.deepEqual(sitesOf(code), ["nestjs implicit 200 data all /files/* body='ok'", 'nestjs implicit 200 data get /files body=[]']);
  });
  it('a route path held in a variable is left unknown', () => {
    assert.deepEqual(sitesOf(usersController('  @Get(ROUTES.me)\n  me() {\n    return this.users.me();\n  }')), ['nestjs implicit 200 data get - body=this.users.me()']);
  });
  it('methods of classes that are not controllers, and undecorated methods, answer nothing', () => {
    const code = `${IMPORTS}\n@Injectable()\nexport class UsersService {\n  @Get()\n  list() {\n    return [];\n  }\n}\n\n@Controller('users')\nexport class UsersController {\n  helper() {\n    return 1;\n  }\n}\n`;
    assert.deepEqual(sitesOf(code), []);
  });
});

describe('nestjs: thrown exceptions', () => {
  it('built-in exceptions carry the status of their name, HttpException its argument, in controllers and services', () => {
    const code = `${IMPORTS}import { ForbiddenException as Forbidden } from '@nestjs/common';\n\nexport class UsersService {\n  async findOne(id: string) {\n    const user = await this.prisma.user.findUnique({ where: { id } });\n    if (!user) throw new NotFoundException(\`No user \${id}\`);\n    if (user.locked) throw new Forbidden();\n    if (user.gone) throw new HttpException({ error: 'Gone' }, HttpStatus.GONE);\n    if (user.odd) throw new HttpException('Odd', 418);\n    return user;\n  }\n}\n`;
    assert.deepEqual(sitesOf(code), [
      'nestjs constant 404 data - - body=`No user ${id}` by=error-handler',
      'nestjs constant 403 empty - - by=error-handler',
      "nestjs constant 410 data - - body={ error: 'Gone' } by=error-handler",
      "nestjs literal 418 data - - body='Odd' by=error-handler",
    ]);
  });
  it('an exception thrown in a route method answers that route, with its @Header decorators', () => {
    const code = usersController("  @Get('me')\n  @Header('WWW-Authenticate', 'Bearer')\n  me(@Req() req) {\n    if (!req.user) throw new UnauthorizedException('Sign in');\n    return req.user;\n  }").replace(
      "HttpException } from '@nestjs/common';",
      "HttpException, UnauthorizedException } from '@nestjs/common';",
    );
    assert.deepEqual(sitesOf(code), [
      "nestjs constant 401 data get /users/me body='Sign in' headers=www-authenticate by=error-handler",
      'nestjs implicit 200 data get /users/me body=req.user headers=www-authenticate',
    ]);
  });
  it('exception classes not imported from @nestjs/common are not read by their name', () => {
    const code = "import { NotFoundException } from './errors';\n\nexport function find(id) {\n  throw new NotFoundException('No such thing');\n}\n";
    assert.deepEqual(sitesOf(code, ['nestjs']), []);
  });
});

describe('nestjs: methods that take the Express response', () => {
  it('@Res() res is read by the Express collector, with the route and the status Nest presets', () => {
    const code = `${IMPORTS}import { Response } from 'express';\n\n@Controller('users')\nexport class UsersController {\n  @Post('import')\n  import(@Body() dto, @Res() res: Response) {\n    res.json(this.users.import(dto));\n  }\n  @Get(':id')\n  async findOne(@Res() res: Response, @Param('id') id: string) {\n    const user = await this.users.findOne(id);\n    if (!user) return res.status(404).json({ error: 'No such user' });\n    res.json(user);\n  }\n}\n`;
    assert.deepEqual(sitesOf(code), [
      'express implicit 201 data post /users/import body=this.users.import(dto)',
      "express literal 404 data get /users/:id body={ error: 'No such user' }",
      'express implicit 200 data get /users/:id body=user',
    ]);
  });
  it('a file that does not import express still reads them; a passthrough response is Nest\'s', () => {
    const code = usersController("  @Get(':id')\n  findOne(@Param('id') id: string, @Res() res) {\n    res.json(this.users.findOne(id));\n  }\n  @Get()\n  list(@Res({ passthrough: true }) res) {\n    res.cookie('seen', '1');\n    return this.users.list();\n  }");
    assert.deepEqual(sitesOf(code), ['express implicit 200 data get /users/:id body=this.users.findOne(id)', 'nestjs implicit 200 data get /users body=this.users.list()']);
  });
});

describe('nestjs: files matched to the framework', () => {
  const plain = "@Controller('users')\nexport class UsersController {\n  @Get()\n  list() {\n    return [];\n  }\n}\n";
  it('a file that imports @nestjs/common or @nestjs/core is read as NestJS', () => {
    assert.deepEqual(sitesOf(`import { Controller, Get } from '@nestjs/common';\n${plain}`), ['nestjs implicit 200 data get /users body=[]']);
    assert.deepEqual(sitesOf(`import { NestFactory } from '@nestjs/core';\n${plain}`), ['nestjs implicit 200 data get /users body=[]']);
  });
  it('a file that imports no framework is NestJS when the setting says so', () => {
    assert.deepEqual(sitesOf(plain), []);
    assert.deepEqual(sitesOf(plain, ['nestjs']), ['nestjs implicit 200 data get /users body=[]']);
  });
  it('a controller that also imports express types reads its route methods once, as NestJS', () => {
    assert.deepEqual(sitesOf(`import { Request } from 'express';\n${controller("  @Get()\n  list(@Req() req: Request) {\n    return this.users.list(req.query);\n  }")}`), [
      'nestjs implicit 200 data get /users body=this.users.list(req.query)',
    ]);
  });
});

const hoverTitle = hoverHeadline;

describe('nestjs: hovers on status positions', () => {
  const positions: [string, string, string][] = [
    ['@HttpCode(N)', usersController("  @Delete(':id')\n  @HttpCode(2|04)\n  remove() {}"), '**204 No Content**'],
    ['@HttpCode(HttpStatus.X)', usersController("  @Post()\n  @HttpCode(HttpStatus.O|K)\n  login() {}"), '**200 OK**'],
    ['@Redirect(url, N)', usersController("  @Get()\n  @Redirect('/v2', 30|1)\n  v1() {}"), '**301 Moved Permanently**'],
    ['@Redirect(url, HttpStatus.X)', usersController("  @Get()\n  @Redirect('/v2', HttpStatus.PERMANENT_RE|DIRECT)\n  v1() {}"), '**308 Permanent Redirect**'],
    ['new NotFoundException()', usersController("  @Get(':id')\n  findOne() {\n    throw new NotFound|Exception('No such user');\n  }"), '**404 Not Found**'],
    ['new HttpException(body, N)', usersController("  @Get()\n  gone() {\n    throw new HttpException('Gone', 4|10);\n  }"), '**410 Gone**'],
    ['HttpStatus compared with getStatus()', `${IMPORTS}if (exception.getStatus() === HttpStatus.UNAUTHOR|IZED) log('auth');`, '**401 Unauthorized**'],
  ];
  for (const [name, source, title] of positions) {
    it(name, () => assert.ok(hoverTitle(source)?.startsWith(title), `hover: ${hoverTitle(source)}`));
  }
  it('no hover on decorator arguments that are not statuses', () => {
    assert.equal(hoverTitle(usersController("  @Get('4|04')\n  page() {}")), undefined);
    assert.equal(hoverTitle(usersController("  @Get()\n  @Header('X-Limit', '5|00')\n  page() {}")), undefined);
  });
});
