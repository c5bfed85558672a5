// Turns every snippet body into checkable code: placeholders expanded to their defaults, then
// placed where the snippet is meant to be inserted (inside a handler of its framework, or at module
// level of a file of that framework). The snippet tests parse the result and run our own analysis over it.
import type { Framework } from '../../server/src/analysis/adapters/frameworks';
import { SNIPPET_TABLES, snippetsFor, type SnippetPlace } from '../../server/src/snippets';

// Our own list of the guide's patterns, with the status each snippet must answer.
export const PATTERN_STATUS: Record<string, number> = {
  'http-validation': 400,
  'http-bearer-auth': 401,
  'http-role-check': 403,
  'http-find-or-404': 404,
  'http-duplicate-key': 409,
  'http-removed-endpoint': 410,
  'http-semantic-check': 422,
  'http-rate-limit': 429,
  'http-error-handler': 500,
  'http-upstream-call': 502,
  'http-graceful-shutdown': 503,
  'http-upstream-timeout': 504,
  'http-create': 201,
  'http-queued-job': 202,
  'http-delete': 204,
  'http-redirect-permanent': 301,
  'http-redirect-temporary': 302,
  'http-redirect-keep-method': 307,
  'http-conditional-get': 304,
};

/** The status a snippet must answer: its pattern's, or the code in its prefix (`http-404`). */
export function statusOfPrefix(prefix: string): number {
  return PATTERN_STATUS[prefix] ?? Number(prefix.slice('http-'.length));
}

export type SnippetLanguage = 'javascript' | 'javascriptreact' | 'typescript' | 'typescriptreact';

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] };

/** Parses the subset of VS Code's snippet syntax we use; variables and transforms are refused. */
class SnippetParser {
  private pos = 0;

  constructor(private readonly source: string) {}

  parse(): SnippetNode[] {
    const nodes = this.parseSequence(false);
    if (this.pos < this.source.length) throw new Error(`Unexpected "}" at ${this.pos} in ${this.source}`);
    return nodes;
  }

  private parseSequence(insidePlaceholder: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    while (this.pos < this.source.length) {
      const char = this.source[this.pos];
      const next = this.source[this.pos + 1];
      if (char === '\\' && next !== undefined && '$}\\'.includes(next)) {
        text += next;
        this.pos += 2;
      } else if (char === '}' && insidePlaceholder) {
        break;
      } else if (char === '$' && this.startsDollarSyntax()) {
        if (text) nodes.push({ kind: 'text', value: text });
        text = '';
        nodes.push(this.parseDollar());
      } else {
        text += char;
        this.pos += 1;
      }
    }
    if (text) nodes.push({ kind: 'text', value: text });
    return nodes;
  }

  private startsDollarSyntax(): boolean {
    return /^\$(?:\d|\{|[A-Za-z_])/.test(this.source.slice(this.pos));
  }

  private parseDollar(): SnippetNode {
    const rest = this.source.slice(this.pos);
    const bare = /^\$(\d+)/.exec(rest) ?? /^\$\{(\d+)\}/.exec(rest);
    if (bare) {
      this.pos += bare[0].length;
      return { kind: 'tabstop', index: Number(bare[1]), children: [] };
    }
    const placeholder = /^\$\{(\d+):/.exec(rest);
    if (placeholder) {
      this.pos += placeholder[0].length;
      const children = this.parseSequence(true);
      this.expect('}');
      return { kind: 'tabstop', index: Number(placeholder[1]), children };
    }
    const choice = /^\$\{(\d+)\|/.exec(rest);
    if (choice) {
      this.pos += choice[0].length;
      return { kind: 'choice', index: Number(choice[1]), options: this.parseChoiceOptions() };
    }
    throw new Error(`Unsupported snippet syntax (variable or transform) at ${this.pos}: ${rest.slice(0, 20)}`);
  }

  private parseChoiceOptions(): string[] {
    const options: string[] = [];
    let option = '';
    while (this.pos < this.source.length) {
      const char = this.source[this.pos];
      const next = this.source[this.pos + 1];
      if (char === '\\' && next !== undefined && ',|\\'.includes(next)) {
        option += next;
        this.pos += 2;
      } else if (char === ',' || (char === '|' && next === '}')) {
        options.push(option);
        option = '';
        this.pos += char === ',' ? 1 : 2;
        if (char === '|') return options;
      } else {
        option += char;
        this.pos += 1;
      }
    }
    throw new Error(`Unterminated choice in ${this.source}`);
  }

  private expect(char: string): void {
    if (this.source[this.pos] !== char) throw new Error(`Expected "${char}" at ${this.pos} in ${this.source}`);
    this.pos += 1;
  }
}

/** The text VS Code inserts when every placeholder keeps its default (a mirror takes its twin's default). */
export function expandSnippet(body: string): string {
  const nodes = new SnippetParser(body).parse();
  const defaults = new Map<number, SnippetNode[]>();
  const collect = (list: SnippetNode[]): void => {
    for (const node of list) {
      if (node.kind === 'choice' && !defaults.has(node.index)) {
        defaults.set(node.index, [{ kind: 'text', value: node.options[0] ?? '' }]);
      } else if (node.kind === 'tabstop' && node.children.length > 0) {
        if (!defaults.has(node.index)) defaults.set(node.index, node.children);
        collect(node.children);
      }
    }
  };
  const render = (list: SnippetNode[]): string =>
    list
      .map((node) => {
        if (node.kind === 'text') return node.value;
        if (node.kind === 'choice') return node.options[0] ?? '';
        return render(node.children.length > 0 ? node.children : (defaults.get(node.index) ?? []));
      })
      .join('');
  collect(nodes);
  return render(nodes);
}

const EXTENSIONS: Record<SnippetLanguage, string> = {
  javascript: 'js',
  javascriptreact: 'jsx',
  typescript: 'ts',
  typescriptreact: 'tsx',
};
const LANGUAGES = Object.keys(EXTENSIONS) as SnippetLanguage[];
const isTyped = (language: SnippetLanguage): boolean => language.startsWith('typescript');

const indent = (code: string, depth: number): string =>
  code
    .split('\n')
    .map((line) => (line ? '\t'.repeat(depth) + line : line))
    .join('\n');

interface Wrapping {
  /** Where the file lives, without its extension (a Next.js route file must sit in `app/…/route`). */
  file: string;
  /** The file's imports and setup. */
  prelude: (typed: boolean) => string;
  /** The body inside a handler of the given method. */
  handler: (code: string, method: string, typed: boolean) => string;
  /** The body beside the routes. */
  module: (code: string, typed: boolean) => string;
  /** Only frameworks that use the place: a NestJS route method, a node:http route check. */
  member?: (code: string) => string;
  listener?: (code: string, typed: boolean) => string;
}

/** How each framework's file around a snippet looks: the smallest app a user would insert it in. */
const WRAPPINGS: Record<Framework, Wrapping> = {
  express: {
    file: 'snippet',
    prelude: (typed) =>
      `${typed ? "import express, { type NextFunction, type Request, type Response } from 'express';" : "import express from 'express';"}\n\nconst app = express();\n\n`,
    handler: (code, method, typed) =>
      `app.${method}('/example/:id', async (${typed ? 'req: Request, res: Response, next: NextFunction' : 'req, res, next'}) => {\n${indent(code, 1)}\n});\n`,
    module: (code) => `${code}\n`,
  },
  'node:http': {
    file: 'snippet',
    prelude: (typed) => `${typed ? "import http, { type IncomingMessage, type ServerResponse } from 'node:http';" : "import http from 'node:http';"}\n\n`,
    handler: (code, method, typed) =>
      `const server = http.createServer(async (${typed ? 'req: IncomingMessage, res: ServerResponse' : 'req, res'}) => {\n\tif (req.method === '${method.toUpperCase()}' && req.url?.startsWith('/example/')) {\n\t\tconst id = req.url.slice('/example/'.length);\n\t\tconst body = await readJson(req);\n${indent(code, 2)}\n\t}\n});\n\nserver.listen(3000);\n`,
    module: (code) => `${code}\n`,
    listener: (code, typed) =>
      `const server = http.createServer(async (${typed ? 'req: IncomingMessage, res: ServerResponse' : 'req, res'}) => {\n\tconst body = await readJson(req);\n${indent(code, 1)}\n});\n\nserver.listen(3000);\n`,
  },
  fastify: {
    file: 'snippet',
    prelude: (typed) =>
      `${typed ? "import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';" : "import Fastify from 'fastify';"}\n\nconst fastify = Fastify();\n\n`,
    handler: (code, method) => `fastify.${method}('/example/:id', async (request, reply) => {\n${indent(code, 1)}\n});\n`,
    module: (code) => `${code}\n`,
  },
  koa: {
    file: 'snippet',
    prelude: (typed) =>
      `${typed ? "import Koa, { type Context, type Next } from 'koa';" : "import Koa from 'koa';"}\nimport Router from '@koa/router';\n\nconst app = new Koa();\nconst router = new Router();\n\n`,
    handler: (code, method) => `router.${method}('/example/:id', async (ctx) => {\n${indent(code, 1)}\n});\n`,
    module: (code) => `${code}\n`,
  },
  hono: {
    file: 'snippet',
    prelude: (typed) =>
      `${typed ? "import { Hono, type Context, type Next } from 'hono';" : "import { Hono } from 'hono';"}\nimport { HTTPException } from 'hono/http-exception';\n\nconst app = new Hono();\n\n`,
    handler: (code, method) => `app.${method}('/example/:id', async (c) => {\n${indent(code, 1)}\n});\n`,
    module: (code) => `${code}\n`,
  },
  nestjs: {
    file: 'snippet',
    prelude: () =>
      "import {\n\tAll, ArgumentsHost, BadGatewayException, BadRequestException, BeforeApplicationShutdown, Body, CanActivate, Catch, ConflictException,\n\tController, Delete, ExceptionFilter, ExecutionContext, ForbiddenException, GatewayTimeoutException, Get, GoneException, Header,\n\tHttpCode, HttpException, HttpStatus, Injectable, InternalServerErrorException, NotFoundException, Param, Patch, Post, Put,\n\tRedirect, Req, Res, ServiceUnavailableException, UnauthorizedException, UnprocessableEntityException,\n} from '@nestjs/common';\nimport type { Request, Response } from 'express';\n\n",
    handler: (code, method, typed) => {
      const decorator = method[0]?.toUpperCase() + method.slice(1);
      const params = typed ? "@Param('id') id: string, @Body() body: any" : "@Param('id') id, @Body() body";
      return `@Controller('example')\nexport class ExampleController {\n\t@${decorator}(':id')\n\tasync handle(${params}) {\n${indent(code, 2)}\n\t}\n}\n`;
    },
    module: (code) => `${code}\n`,
    member: (code) => `@Controller('example')\nexport class ExampleController {\n${indent(code, 1)}\n}\n`,
  },
  next: {
    file: 'app/api/example/[id]/route',
    prelude: () => "import { NextResponse } from 'next/server';\n\n",
    handler: (code, method, typed) =>
      `export async function ${method.toUpperCase()}(${typed ? 'request: Request, { params }: { params: Promise<{ id: string }> }' : 'request, { params }'}) {\n\tconst { id } = await params;\n${indent(code, 1)}\n}\n`,
    module: (code) => `${code}\n`,
  },
};

/** The snippet in a small app of its framework, the way a user would have inserted it. */
export function wrapSnippet(code: string, place: SnippetPlace, framework: Framework, language: SnippetLanguage): string {
  const wrapping = WRAPPINGS[framework];
  const typed = isTyped(language);
  const method = /^(\w+) handler$/.exec(place)?.[1]?.toLowerCase();
  const placed = (): string => {
    if (method) return wrapping.handler(code, method, typed);
    if (place === 'class member' && wrapping.member) return wrapping.member(code);
    if (place === 'request listener' && wrapping.listener) return wrapping.listener(code, typed);
    if (place === 'module level') return wrapping.module(code, typed);
    throw new Error(`${framework} snippets cannot go in a ${place}`);
  };
  return wrapping.prelude(typed) + placed();
}

export interface ExpandedSnippet {
  prefix: string;
  framework: Framework;
  language: SnippetLanguage;
  /** A file name with the language's extension, where the framework's conventions put it. */
  fileName: string;
  code: string;
}

/** The frameworks that have a snippet table. */
export const SNIPPET_FRAMEWORKS = Object.keys(SNIPPET_TABLES) as Framework[];

/** Every snippet of every framework and language, expanded and wrapped, as `snippetsFor` serves it. */
export function expandedSnippetBodies(): ExpandedSnippet[] {
  return SNIPPET_FRAMEWORKS.flatMap((framework) =>
    // NestJS bodies are TypeScript (decorated parameters, typed DTOs), whatever the file: checked as such.
    LANGUAGES.filter((language) => framework !== 'nestjs' || isTyped(language)).flatMap((language) => {
      const fileName = `${WRAPPINGS[framework].file}.${EXTENSIONS[language]}`;
      return snippetsFor([framework], fileName).map((snippet) => ({
        prefix: snippet.prefix,
        framework,
        language,
        fileName,
        code: wrapSnippet(expandSnippet(snippet.body), snippet.place, framework, language),
      }));
    }),
  );
}
