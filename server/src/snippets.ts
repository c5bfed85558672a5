// The snippets the server offers, as data: `snippets/patterns.json` names each pattern once (its
// prefix, title, where it goes, when to use it) and `snippets/<framework>.json` writes its body in
// that framework's idiom, or says why the pattern has no meaning there. Which table a file gets
// follows the frameworks its analysis reads (`frameworksOf`). Pure: no editor, no file system.
import type { Framework } from './analysis/adapters/frameworks';
import { pagesApiPath } from './analysis/adapters/nextjsPlaces';
import express from '../../snippets/express.json';
import fastify from '../../snippets/fastify.json';
import hono from '../../snippets/hono.json';
import koa from '../../snippets/koa.json';
import nestjs from '../../snippets/nestjs.json';
import next from '../../snippets/next.json';
import nodeHttp from '../../snippets/node-http.json';
import patterns from '../../snippets/patterns.json';

/**
 * Where a body is meant to go: inside a handler of that method, or beside the routes. A framework
 * may put a pattern elsewhere: a NestJS status is a decorator, so its body is a whole route method
 * (`class member`); node:http has no router, so a route is a check in the request listener.
 */
export type SnippetPlace = 'GET handler' | 'POST handler' | 'DELETE handler' | 'module level' | 'class member' | 'request listener';

export interface SnippetPattern {
  prefix: string;
  title: string;
  place: SnippetPlace;
  description: string;
}

/** One framework's body of a pattern; `typescript` where typed code differs from the JavaScript. */
interface BodyJson {
  body: string[];
  typescript?: string[];
  place?: string;
}

/** A framework's snippet file: bodies by prefix, and the patterns it leaves out with the reason. */
interface SnippetTableJson {
  /** What "module level" means in this framework (a Nest controller's members, a route file's exports). */
  moduleLevel: string;
  omitted: Record<string, string>;
  bodies: Record<string, BodyJson>;
}

export interface Snippet extends SnippetPattern {
  framework: Framework;
  /** Where the body goes, in this framework's words. */
  where: string;
  /** VS Code snippet syntax (`${1:user}`, `$0`), the same in every LSP client that supports snippets. */
  body: string;
}

export const SNIPPET_PATTERNS: readonly SnippetPattern[] = Object.entries(patterns as Record<string, Omit<SnippetPattern, 'prefix'>>).map(([prefix, pattern]) => ({
  prefix,
  ...pattern,
}));

const WHERE: Record<SnippetPlace, string | undefined> = {
  'GET handler': 'in a GET handler',
  'POST handler': 'in a POST handler',
  'DELETE handler': 'in a DELETE handler',
  'module level': undefined,
  'class member': 'in a controller class',
  'request listener': 'in the request listener, before other routes',
};

const isPlace = (value: string): value is SnippetPlace => value in WHERE;

export const SNIPPET_TABLES: Readonly<Record<Framework, SnippetTableJson>> = {
  express,
  'node:http': nodeHttp,
  fastify,
  koa,
  hono,
  nestjs,
  next,
};

/**
 * The one framework whose idiom a file's snippets are written in. A file that names several (a
 * Nest controller that imports Express's types, an Express app that passes itself to
 * `http.createServer`) gets the most specific one. A Pages API route answers through Node's own
 * response (Next adds helpers, not Express's), so it gets the node:http bodies.
 */
const SPECIFICITY: readonly Framework[] = ['nestjs', 'next', 'fastify', 'koa', 'hono', 'express', 'node:http'];

export function snippetFramework(frameworks: readonly Framework[], fileName: string): Framework {
  const chosen = SPECIFICITY.find((framework) => frameworks.includes(framework)) ?? 'express';
  return chosen === 'next' && pagesApiPath(fileName) !== undefined ? 'node:http' : chosen;
}

const isTyped = (fileName: string): boolean => /\.[cm]?tsx?$/i.test(fileName);

/** The snippets a file gets, in the patterns' order: every pattern its framework does not leave out. */
export function snippetsFor(frameworks: readonly Framework[], fileName: string): Snippet[] {
  const framework = snippetFramework(frameworks, fileName);
  const table = SNIPPET_TABLES[framework];
  return SNIPPET_PATTERNS.flatMap((pattern) => {
    const body = table.bodies[pattern.prefix];
    if (!body) return [];
    const lines = (isTyped(fileName) ? body.typescript : undefined) ?? body.body;
    const place = body.place !== undefined && isPlace(body.place) ? body.place : pattern.place;
    return [{ ...pattern, place, framework, where: WHERE[place] ?? table.moduleLevel, body: lines.join('\n') }];
  });
}

/**
 * The `http-…` word the cursor ends, where snippets are worth offering: `h`, `ht`, … while it can
 * still become a prefix, then `http-` and whatever follows. Undefined anywhere else, so the
 * request costs nothing. `start` is the word's column.
 */
export function snippetWordBefore(lineBeforeCursor: string): { start: number; word: string } | undefined {
  const match = /(?:^|[^\w$.-])(h[\w-]*)$/.exec(lineBeforeCursor);
  const word = match?.[1];
  if (!word || !('http-'.startsWith(word) || word.startsWith('http-'))) return undefined;
  return { start: lineBeforeCursor.length - word.length, word };
}
