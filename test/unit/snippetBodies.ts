// Turns every snippet body into checkable code: placeholders expanded to their defaults, then
// placed where the snippet is meant to be inserted (inside an Express handler, or at module level).
// The snippet tests parse the result; the linter can be run over it with `expandedSnippetBodies()`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../harness/paths';

export type SnippetLanguage = 'javascript' | 'javascriptreact' | 'typescript' | 'typescriptreact';
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Where a snippet goes, read from the end of its name: "(in a POST handler)" or "(module level)". */
export type SnippetContext = { kind: 'handler'; method: HttpMethod } | { kind: 'module' };

export interface SnippetEntry {
  name: string;
  prefix: string;
  description: string;
  body: string;
  context: SnippetContext;
}

/** The files package.json contributes, with the languages each one is registered for. */
export const SNIPPET_FILES = [
  { path: 'snippets/javascript.json', languages: ['javascript', 'javascriptreact'] },
  { path: 'snippets/typescript.json', languages: ['typescript', 'typescriptreact'] },
] as const satisfies readonly { path: string; languages: readonly SnippetLanguage[] }[];

const CONTEXT_MARK = /\((?:in an? (GET|POST|PUT|PATCH|DELETE) handler|module level)\)$/;

export function snippetContext(name: string): SnippetContext {
  const match = CONTEXT_MARK.exec(name);
  if (!match) throw new Error(`Snippet "${name}" does not end with "(in a GET handler)" or "(module level)"`);
  const method = match[1]?.toLowerCase() as HttpMethod | undefined;
  return method ? { kind: 'handler', method } : { kind: 'module' };
}

export function loadSnippetFile(relativePath: string): SnippetEntry[] {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(repoRoot, relativePath), 'utf8'));
  if (typeof raw !== 'object' || raw === null) throw new Error(`${relativePath} is not a JSON object`);
  return Object.entries(raw).map(([name, value]: [string, unknown]) => {
    const { prefix, description, body } = (value ?? {}) as Record<string, unknown>;
    const lines = typeof body === 'string' ? [body] : body;
    if (typeof prefix !== 'string' || typeof description !== 'string' || !Array.isArray(lines)) {
      throw new Error(`${relativePath}: "${name}" needs a string prefix, a description and a body`);
    }
    return { name, prefix, description, body: lines.join('\n'), context: snippetContext(name) };
  });
}

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

const isTyped = (language: SnippetLanguage): boolean => language.startsWith('typescript');

/** The snippet in a small Express app, the way a user would have inserted it. */
export function wrapSnippet(code: string, context: SnippetContext, language: SnippetLanguage): string {
  const typed = isTyped(language);
  const imports = typed
    ? "import express, { type NextFunction, type Request, type Response } from 'express';"
    : "import express from 'express';";
  const prelude = `${imports}\n\nconst app = express();\n\n`;
  if (context.kind === 'module') return `${prelude}${code}\n`;
  const params = typed ? 'req: Request, res: Response, next: NextFunction' : 'req, res, next';
  const indented = code
    .split('\n')
    .map((line) => (line ? `\t${line}` : line))
    .join('\n');
  return `${prelude}app.${context.method}('/example/:id', async (${params}) => {\n${indented}\n});\n`;
}

const EXTENSIONS: Record<SnippetLanguage, string> = {
  javascript: 'js',
  javascriptreact: 'jsx',
  typescript: 'ts',
  typescriptreact: 'tsx',
};

export interface ExpandedSnippet {
  prefix: string;
  language: SnippetLanguage;
  /** A file name with the language's extension, for tools that pick a parser by name. */
  fileName: string;
  code: string;
}

/** Every snippet of every contributed language, expanded and wrapped. */
export function expandedSnippetBodies(): ExpandedSnippet[] {
  return SNIPPET_FILES.flatMap((file) =>
    loadSnippetFile(file.path).flatMap((entry) =>
      file.languages.map((language) => ({
        prefix: entry.prefix,
        language,
        fileName: `${entry.prefix}.${EXTENSIONS[language]}`,
        code: wrapSnippet(expandSnippet(entry.body), entry.context, language),
      })),
    ),
  );
}
