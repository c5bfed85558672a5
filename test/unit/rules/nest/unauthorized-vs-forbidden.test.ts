// unauthorized-vs-forbidden under NestJS: UnauthorizedException for a signed-in user who lacks a permission.
import { ruleTests } from '../../ruleTester';
import { controller } from './controller';

const remove = (test: string, thrown: string): string =>
  `  @Delete(':id')\n  async remove(@Param('id') id: string, @Req() req) {\n    const post = await this.posts.findOne(id);\n    if (${test}) throw ${thrown};\n    return this.posts.remove(id);\n  }`;

ruleTests(
  'unauthorized-vs-forbidden',
  {
    valid: [
      controller(remove('post.authorId !== req.user.id', "new ForbiddenException('Not your post')")),
      // Nobody signed in: 401 is right.
      controller(remove('!req.user', "new UnauthorizedException('Sign in first')")),
      controller(remove('!req.headers.authorization', "new HttpException('Sign in first', HttpStatus.UNAUTHORIZED)")),
    ],
    invalid: [
      {
        code: controller(remove('post.authorId !== req.user.id', "new UnauthorizedException('Not your post')")),
        at: 'throw new «UnauthorizedException»(',
        message: /401 for a known user without permission/,
        output: controller(remove('post.authorId !== req.user.id', "new ForbiddenException('Not your post')"), ['Controller', 'Delete', 'Param', 'Req', 'UnauthorizedException', 'ForbiddenException']),
      },
      {
        code: controller(remove("req.user.role !== 'admin'", "new HttpException('Admins only', HttpStatus.UNAUTHORIZED)")),
        at: '«HttpStatus.UNAUTHORIZED»',
        output: controller(remove("req.user.role !== 'admin'", "new HttpException('Admins only', HttpStatus.FORBIDDEN)")),
      },
      {
        code: controller(remove('!req.user.isAdmin', "new HttpException('Admins only', 401)")),
        at: "'Admins only', «401»",
        output: controller(remove('!req.user.isAdmin', "new HttpException('Admins only', 403)")),
      },
    ],
  },
  { adapter: 'nestjs' },
);
