// accepted-for-async under NestJS: a method that only queues work answers Nest's default 201 (or 200).
import { ruleTests } from '../../ruleTester';
import { controller } from './controller';

ruleTests(
  'accepted-for-async',
  {
    valid: [
      controller("  @Post('exports')\n  @HttpCode(202)\n  async exportCsv(@Body() dto: ExportDto) {\n    const job = await this.exportQueue.add('csv', dto);\n    return { jobId: job.id };\n  }"),
      controller("  @Post('exports')\n  @HttpCode(HttpStatus.ACCEPTED)\n  async exportCsv(@Body() dto: ExportDto) {\n    const job = await this.exportQueue.add('csv', dto);\n    return { jobId: job.id };\n  }"),
      // The work happens before the answer.
      controller("  @Post('exports')\n  async exportCsv(@Body() dto: ExportDto) {\n    const file = await this.exporter.run(dto);\n    return { url: file.url };\n  }"),
      controller("  @Get('jobs/:id')\n  job(@Param('id') id: string) {\n    return this.exportQueue.getJob(id);\n  }"),
    ],
    invalid: [
      {
        code: controller("  @Post('exports')\n  async exportCsv(@Body() dto: ExportDto) {\n    const job = await this.exportQueue.add('csv', dto);\n    return { jobId: job.id };\n  }"),
        at: "@«Post('exports')»",
        message: /201 Created after only queueing work/,
        output: controller(
          "  @Post('exports')\n  @HttpCode(202)\n  async exportCsv(@Body() dto: ExportDto) {\n    const job = await this.exportQueue.add('csv', dto);\n    return { jobId: job.id };\n  }",
          ['Body', 'Controller', 'Post', 'HttpCode'],
        ),
      },
      {
        // The file imports HttpStatus and HttpCode: the decorator uses them.
        code: controller("  @Post('reports')\n  async report(@Body() dto: ReportDto) {\n    await this.reportQueue.add('monthly', dto);\n    return { queued: true };\n  }", ['Body', 'Controller', 'HttpCode', 'HttpStatus', 'Post']),
        at: "@«Post('reports')»",
        output: controller(
          "  @Post('reports')\n  @HttpCode(HttpStatus.ACCEPTED)\n  async report(@Body() dto: ReportDto) {\n    await this.reportQueue.add('monthly', dto);\n    return { queued: true };\n  }",
          ['Body', 'Controller', 'HttpCode', 'HttpStatus', 'Post'],
        ),
      },
      {
        code: controller("  @Post('emails')\n  @HttpCode(200)\n  async send(@Body() dto: EmailDto) {\n    await this.mailQueue.add('welcome', dto);\n    return { status: 'queued' };\n  }"),
        at: '@HttpCode(«200»)',
        output: controller("  @Post('emails')\n  @HttpCode(202)\n  async send(@Body() dto: EmailDto) {\n    await this.mailQueue.add('welcome', dto);\n    return { status: 'queued' };\n  }"),
      },
    ],
  },
  { adapter: 'nestjs' },
);
