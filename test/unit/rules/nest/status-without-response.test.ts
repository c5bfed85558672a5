// status-without-response in NestJS code: Nest sends what a method returns, so only a method that
// takes the Express response (`@Res() res`) can set a status and send nothing. Those sites are
// Express's: the table checks that the Express collector reads such methods by their decorators.
import { ruleTests } from '../../ruleTester';
import { controller } from './controller';

const express = (methods: string): { code: string; adapter: string } => ({ code: `import { Response } from 'express';\n${controller(methods)}`, adapter: 'express' });

ruleTests(
  'status-without-response',
  {
    valid: [
      express("  @Get(':id')\n  async findOne(@Param('id') id: string, @Res() res: Response) {\n    const user = await this.users.findOne(id);\n    if (!user) return res.status(404).json({ error: 'No such user' });\n    res.json(user);\n  }"),
      // A passthrough response: Nest still sends what the method returns.
      controller("  @Get(':id')\n  findOne(@Param('id') id: string, @Res({ passthrough: true }) res: Response) {\n    res.cookie('seen', '1');\n    return this.users.findOne(id);\n  }"),
      // Nest answers every route method that returns.
      controller("  @Delete(':id')\n  @HttpCode(204)\n  async remove(@Param('id') id: string) {\n    await this.users.remove(id);\n  }"),
    ],
    invalid: [
      {
        // The response is the second parameter but the request is not the first: read by decorator.
        ...express("  @Delete(':id')\n  async remove(@Param('id') id: string, @Res() res: Response) {\n    await this.users.remove(id);\n    res.status(204);\n  }"),
        at: 'res.status(«204»)',
        message: /nothing sends the response/,
        output: `import { Response } from 'express';\n${controller("  @Delete(':id')\n  async remove(@Param('id') id: string, @Res() res: Response) {\n    await this.users.remove(id);\n    res.sendStatus(204);\n  }")}`,
      },
      {
        // The response comes first.
        ...express("  @Delete('sessions/current')\n  logout(@Res() res: Response, @Req() req) {\n    req.session.destroy();\n    res.status(HttpStatus.NO_CONTENT);\n  }"),
        at: 'res.status(«HttpStatus.NO_CONTENT»)',
      },
      {
        ...express("  @Post('cache/clear')\n  async clear(@Res() response: Response) {\n    await this.cache.reset();\n    response.status(200);\n  }"),
        at: 'response.status(«200»)',
      },
    ],
  },
  { adapter: 'nestjs' },
);
