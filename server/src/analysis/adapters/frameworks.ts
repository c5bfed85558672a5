// Which frameworks a file answers requests with, read from what it imports or requires. A file
// that imports none (a controller module, a handler file) takes the frameworks the project names
// in `httpStatusGuide.frameworks`, and without that setting is read as Express, as it always was.
import ts from 'typescript';
import { readOnce } from '../facts/keptReadings';
import { skipTypeWrappers } from '../facts/syntax';
import type { ExceptionReader, SiteCollector } from './collector';
import { FastifyCollector, sensibleErrors } from './fastify';
import { looksLikeFastify } from './fastifyHandlers';
import { HonoCollector, honoSniff } from './hono';
import { honoExceptions } from './honoExceptions';
import { KoaCollector } from './koa';
import { looksLikeKoa } from './koaHandlers';
import { NestCollector } from './nestjs';
import { nestExceptions } from './nestjsExceptions';
import { NextCollector } from './nextjs';
import { isNextPlace } from './nextjsPlaces';
import { ResponseObjectCollector } from './sites';

export const FRAMEWORKS = ['express', 'node:http', 'fastify', 'koa', 'hono', 'nestjs', 'next'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export function isFramework(value: unknown): value is Framework {
  return typeof value === 'string' && (FRAMEWORKS as readonly string[]).includes(value);
}

/**
 * How a file says which framework answers: the modules it imports (`express`, `node:http`), and
 * for files that import none, a cheap look at its place or shape (`sniff`: a Next.js route file's
 * path, a Koa `ctx.body =`), which must not mistake another framework's file for this one.
 */
const SIGNS: readonly { framework: Framework; modules: RegExp; sniff?: (sourceFile: ts.SourceFile) => boolean }[] = [
  { framework: 'express', modules: /^express$/ },
  { framework: 'node:http', modules: /^(node:)?(http|https|http2)$/ },
  { framework: 'fastify', modules: /^(fastify|fastify-plugin|@fastify\/.+)$/, sniff: looksLikeFastify },
  { framework: 'nestjs', modules: /^@nestjs\/(common|core)$/ },
  // A route file often uses the global Response and imports nothing: its place says it is Next.js's.
  { framework: 'next', modules: /^next(\/(server|navigation))?$/, sniff: (sourceFile) => isNextPlace(sourceFile.fileName) },
  { framework: 'koa', modules: /^(koa|@koa\/router|koa-router|koa-body|koa-compose)$/, sniff: looksLikeKoa },
  { framework: 'hono', modules: /^(hono|@hono\/[\w.-]+|stoker)(\/.*)?$/, sniff: honoSniff },
];

/** The modules each top-level statement loads: read from its own subtree, so kept while TypeScript reuses it (an edited document). */
const modulesByStatement = new WeakMap<ts.Statement, readonly string[]>();

const NO_MODULES: readonly string[] = Object.freeze([]);

/** The module names a file imports or requires at its top level (also `import x = require()`), in order. */
function topLevelModules(sourceFile: ts.SourceFile): string[] {
  const modules: string[] = [];
  for (const statement of sourceFile.statements) for (const module of readOnce(modulesByStatement, statement, modulesLoadedBy)) modules.push(module);
  return modules;
}

function modulesLoadedBy(statement: ts.Statement): readonly string[] {
  const modules: string[] = [];
  const required = (expression: ts.Expression | undefined): void => {
    const value = expression && skipTypeWrappers(expression);
    if (!value) return;
    if (ts.isPropertyAccessExpression(value)) return required(value.expression);
    if (ts.isCallExpression(value) && ts.isIdentifier(value.expression) && value.expression.text === 'require' && value.arguments[0] && ts.isStringLiteral(value.arguments[0])) {
      modules.push(value.arguments[0].text);
    }
  };
  if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
    modules.push(statement.moduleSpecifier.text);
  } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
    required(statement.moduleReference.expression);
  } else if (ts.isVariableStatement(statement)) {
    for (const declaration of statement.declarationList.declarations) required(declaration.initializer);
  } else if (ts.isExpressionStatement(statement)) {
    required(statement.expression);
  }
  return modules.length > 0 ? modules : NO_MODULES;
}

/**
 * The frameworks of a file: those its imports name; else those its place or shape says and the
 * project's (`configured`); else Express. Order follows the table above, so an Express app that
 * also requires `http` (to `createServer(app)`) reads as Express first.
 */
export function frameworksOf(sourceFile: ts.SourceFile, configured: readonly Framework[]): Framework[] {
  const modules = topLevelModules(sourceFile);
  const named = SIGNS.filter((sign) => modules.some((module) => sign.modules.test(module))).map((sign) => sign.framework);
  if (named.length > 0) return [...new Set(named)];
  const sniffed = SIGNS.filter((sign) => sign.sniff?.(sourceFile)).map((sign) => sign.framework);
  const unimported = [...new Set([...sniffed, ...configured])];
  return unimported.length > 0 ? unimported : ['express'];
}

/** Each framework's collector; frameworks that share one (Express reads node:http's methods too) share an entry. */
const COLLECTORS: readonly { key: string; frameworks: readonly Framework[]; create: () => SiteCollector }[] = [
  // A NestJS method that takes `@Res() res` sends through an Express response.
  { key: 'response object', frameworks: ['express', 'node:http', 'nestjs'], create: () => new ResponseObjectCollector() },
  { key: 'fastify', frameworks: ['fastify'], create: () => new FastifyCollector() },
  { key: 'nestjs', frameworks: ['nestjs'], create: () => new NestCollector() },
  { key: 'next', frameworks: ['next'], create: () => new NextCollector() },
  { key: 'koa', frameworks: ['koa'], create: () => new KoaCollector() },
  { key: 'hono', frameworks: ['hono'], create: () => new HonoCollector() },
];

/**
 * A fresh collector for each framework of the file, once even where frameworks share one, with a key
 * that names it across analyses (the walk keeps what it took under that key).
 */
export function collectorsFor(frameworks: readonly Framework[]): { key: string; collector: SiteCollector }[] {
  return COLLECTORS.filter((entry) => entry.frameworks.some((framework) => frameworks.includes(framework))).map((entry) => ({ key: entry.key, collector: entry.create() }));
}

/**
 * Each framework's own exceptions, read by `thrownErrors.ts` in every file (a service throws a
 * framework's exception without importing the framework's router), first match wins.
 */
export const EXCEPTION_READERS: readonly ExceptionReader[] = [nestExceptions, honoExceptions, sensibleErrors];
