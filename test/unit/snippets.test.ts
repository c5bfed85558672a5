import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import statuses from 'statuses';
import ts from 'typescript';
import { FRAMEWORKS } from '../../server/src/analysis/adapters/frameworks';
import { SNIPPET_PATTERNS, SNIPPET_TABLES, snippetsFor } from '../../server/src/snippets';
import { PATTERN_STATUS, expandSnippet, expandedSnippetBodies, statusOfPrefix, type SnippetLanguage } from './snippetBodies';
import { snippetTableMarkdown } from '../../scripts/snippet-table';

// Our own list of the codes the guide teaches; each needs an `http-<code>` snippet.
const GUIDE_CODES = [200, 201, 202, 204, 301, 302, 304, 307, 400, 401, 403, 404, 409, 410, 422, 429, 500, 502, 503, 504];


const SCRIPT_KINDS: Record<SnippetLanguage, ts.ScriptKind[]> = {
  javascript: [ts.ScriptKind.JS, ts.ScriptKind.TS],
  javascriptreact: [ts.ScriptKind.JSX, ts.ScriptKind.TSX],
  typescript: [ts.ScriptKind.TS],
  typescriptreact: [ts.ScriptKind.TSX],
};
const KIND_EXTENSION = new Map([
  [ts.ScriptKind.JS, 'js'],
  [ts.ScriptKind.JSX, 'jsx'],
  [ts.ScriptKind.TS, 'ts'],
  [ts.ScriptKind.TSX, 'tsx'],
]);

function parse(code: string, kind: ts.ScriptKind): ts.SourceFile {
  return ts.createSourceFile(`snippet.${KIND_EXTENSION.get(kind)}`, code, ts.ScriptTarget.Latest, true, kind);
}

/** Syntax errors only, as a one-file program reports them (type annotations in a .js file included). */
function syntaxErrors(code: string, kind: ts.ScriptKind): string[] {
  const sourceFile = parse(code, kind);
  const options: ts.CompilerOptions = { allowJs: true, noLib: true, noResolve: true, jsx: ts.JsxEmit.Preserve };
  const host = ts.createCompilerHost(options);
  host.getSourceFile = (fileName) => (fileName === sourceFile.fileName ? sourceFile : undefined);
  const program = ts.createProgram([sourceFile.fileName], options, host);
  return program.getSyntacticDiagnostics(sourceFile).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

interface ResponseCall {
  name: string;
  args: readonly ts.Expression[];
}

/** One `res.…(…)….(…)` chain: its calls in order, its status and the route method around it. */
interface ResponseChain {
  calls: ResponseCall[];
  status: number | undefined;
  routeMethod: string | undefined;
  inCatch: boolean;
}

function flattenChain(call: ts.CallExpression): ResponseCall[] | undefined {
  const calls: ResponseCall[] = [];
  let node: ts.Expression = call;
  while (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    calls.unshift({ name: node.expression.name.text, args: node.arguments });
    node = node.expression.expression;
  }
  return ts.isIdentifier(node) && node.text === 'res' ? calls : undefined;
}

function enclosing(node: ts.Node): { routeMethod: string | undefined; inCatch: boolean } {
  let inCatch = false;
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isCatchClause(current)) inCatch = true;
    const callee = ts.isCallExpression(current) ? current.expression : undefined;
    if (callee && ts.isPropertyAccessExpression(callee) && callee.expression.getText() === 'app') {
      return { routeMethod: callee.name.text, inCatch };
    }
  }
  return { routeMethod: undefined, inCatch };
}

function responseChains(code: string, kind: ts.ScriptKind): ResponseChain[] {
  const chains: ResponseChain[] = [];
  const visit = (node: ts.Node): void => {
    const partOfLongerChain = ts.isPropertyAccessExpression(node.parent) && ts.isCallExpression(node.parent.parent);
    const calls = ts.isCallExpression(node) && !partOfLongerChain ? flattenChain(node) : undefined;
    if (calls) {
      const statusCall = calls.find((c) => c.name === 'status' || c.name === 'redirect');
      const first = statusCall?.args[0];
      const status = first && ts.isNumericLiteral(first) ? Number(first.text) : undefined;
      chains.push({ calls, status, ...enclosing(node) });
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(parse(code, kind), visit);
  return chains;
}

const textOf = (node: ts.Node | undefined): string =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : (node?.getText() ?? '');

/** Header names a chain sets with `.set(name, value)`, `.set({ name: value })` or `.location(url)`. */
function headersSet(chain: ResponseChain): string[] {
  return chain.calls.flatMap(({ name, args }) => {
    if (name === 'location') return ['location'];
    if (name !== 'set' && name !== 'header' && name !== 'setHeader') return [];
    const [first] = args;
    if (first && ts.isObjectLiteralExpression(first)) {
      return first.properties.map((p) => (p.name ? textOf(p.name).toLowerCase() : ''));
    }
    return [textOf(first).toLowerCase()];
  });
}

const argumentText = (chain: ResponseChain): string => chain.calls.flatMap((c) => c.args.map((a) => a.getText())).join(' ');

/** The `error` text of `.json({ error: … })`; a template keeps its `${…}` parts. */
function errorMessage(chain: ResponseChain): string | undefined {
  const body = chain.calls.find((c) => c.name === 'json')?.args[0];
  if (!body || !ts.isObjectLiteralExpression(body)) return undefined;
  const error = body.properties.find((p) => p.name && textOf(p.name) === 'error');
  if (!error || !ts.isPropertyAssignment(error)) return undefined;
  const value = error.initializer;
  return ts.isTemplateExpression(value) ? value.getText().slice(1, -1) : textOf(value);
}

const expanded = expandedSnippetBodies();
const prefixes = SNIPPET_PATTERNS.map((pattern) => pattern.prefix);

describe('snippet syntax expansion', () => {
  const cases: [string, string][] = [
    ['res.status($1)', 'res.status()'],
    ['${1:user} and $1', 'user and user'],
    ['$2 mirrors ${2:later}', 'later mirrors later'],
    ['${1|Bearer,Basic|} realm', 'Bearer realm'],
    ['${1|a\\,b,c|}', 'a,b'],
    ['${1:outer ${2:inner} end} $2', 'outer inner end inner'],
    ['\\${id} and ${1:a\\}b}', '${id} and a}b'],
    ['costs $ 5$0', 'costs $ 5'],
  ];
  for (const [body, expected] of cases) {
    test(`${body} → ${expected}`, () => assert.equal(expandSnippet(body), expected));
  }
  test('refuses variables and unterminated placeholders', () => {
    assert.throws(() => expandSnippet('$TM_FILENAME'), /Unsupported/);
    assert.throws(() => expandSnippet('${1:open'), /Expected "}"/);
  });
});

describe('snippet catalogue', () => {
  test('a pattern for every code of the guide', () => {
    assert.deepEqual(GUIDE_CODES.filter((code) => !prefixes.includes(`http-${code}`)), []);
  });
  test('a pattern for every pattern of the guide', () => {
    assert.deepEqual(Object.keys(PATTERN_STATUS).filter((p) => !prefixes.includes(p)), []);
  });
  test('prefixes are unique and follow http-<code> or http-<pattern-name>', () => {
    assert.equal(new Set(prefixes).size, prefixes.length);
    for (const prefix of prefixes) assert.match(prefix, /^http-(?:[1-5]\d\d|[a-z]+(?:-[a-z0-9]+)*)$/);
  });
  test('every description says when to use it', () => {
    for (const pattern of SNIPPET_PATTERNS) assert.ok(pattern.description.length >= 40, `${pattern.prefix}: description too short`);
  });
  test('every framework has a table', () => {
    assert.deepEqual(Object.keys(SNIPPET_TABLES).sort(), [...FRAMEWORKS].sort());
  });
  for (const [framework, table] of Object.entries(SNIPPET_TABLES)) {
    test(`${framework}: every pattern has a body, or says why it has no meaning there`, () => {
      const missing = prefixes.filter((prefix) => !table.bodies[prefix] && !table.omitted[prefix]);
      const both = prefixes.filter((prefix) => table.bodies[prefix] && table.omitted[prefix]);
      assert.deepEqual({ missing, both }, { missing: [], both: [] });
      for (const [prefix, reason] of Object.entries(table.omitted)) assert.ok(reason.length >= 40, `${prefix}: say why it is left out`);
    });
    test(`${framework}: no body or omission for a prefix that is not a pattern`, () => {
      assert.deepEqual([...Object.keys(table.bodies), ...Object.keys(table.omitted)].filter((prefix) => !prefixes.includes(prefix)), []);
    });
  }
  test('every guide code has a body in every framework', () => {
    for (const [framework, table] of Object.entries(SNIPPET_TABLES)) {
      assert.deepEqual(GUIDE_CODES.filter((code) => !table.bodies[`http-${code}`]), [], framework);
    }
  });
  test('TypeScript handlers and middleware carry Express types', () => {
    const typed = snippetsFor(['express'], 'routes.ts');
    assert.deepEqual(typed.filter((e) => /\(req, res\b/.test(e.body)).map((e) => e.prefix), []);
    assert.ok(typed.some((e) => e.body.includes('req: Request, res: Response, next: NextFunction')));
  });
  test('the README table lists every prefix once', () => {
    const table = snippetTableMarkdown();
    for (const prefix of prefixes) assert.equal(table.split(`| \`${prefix}\` |`).length, 2, prefix);
  });
});

describe('snippet bodies parse', () => {
  test('the syntax check itself catches errors', () => {
    assert.notDeepEqual(syntaxErrors('const limit: number = 1;', ts.ScriptKind.JS), []);
    assert.notDeepEqual(syntaxErrors('if (x) {', ts.ScriptKind.TS), []);
  });
  for (const snippet of expanded) {
    for (const kind of SCRIPT_KINDS[snippet.language]) {
      test(`${snippet.framework} ${snippet.prefix} (${snippet.language}) as ${KIND_EXTENSION.get(kind)}`, () => {
        assert.deepEqual(syntaxErrors(snippet.code, kind), [], snippet.code);
      });
    }
  }
});

// What each status needs, checked on the Express bodies' `res` chains; the other frameworks' bodies
// are checked by our own rules (snippetsLint.test.ts), which read every framework.
describe('Express snippet responses follow the guide', () => {
  for (const snippet of expanded.filter((s) => s.framework === 'express' && (s.language === 'javascript' || s.language === 'typescript'))) {
    const kind = snippet.language === 'javascript' ? ts.ScriptKind.JS : ts.ScriptKind.TS;
    const chains = responseChains(snippet.code, kind);
    const label = `${snippet.prefix} (${snippet.language})`;
    test(`${label} answers its status`, () => {
      const expected = statusOfPrefix(snippet.prefix);
      assert.ok(chains.some((c) => c.status === expected), `no res.status(${expected}) in\n${snippet.code}`);
    });
    test(`${label} sends what each status needs`, () => {
      for (const chain of chains.filter((c) => c.status !== undefined)) {
        const status = chain.status ?? 0;
        const headers = headersSet(chain);
        const message = errorMessage(chain) ?? '';
        const where = `${status} in\n${snippet.code}`;
        if (status >= 400) {
          // A body that names the problem, not just the reason phrase.
          assert.notEqual(message.toLowerCase(), statuses.message[status]?.toLowerCase(), where);
          assert.ok(message.split(/\s+/).length >= 3, `error body does not name the problem: ${where}`);
        }
        if (status >= 500) assert.doesNotMatch(argumentText(chain), /\.(?:message|stack)\b/, `leaks internals: ${where}`);
        if (status === 201) assert.ok(headers.includes('location'), where);
        if (status === 401) assert.ok(headers.includes('www-authenticate'), where);
        if (status === 429 || status === 503) assert.ok(headers.includes('retry-after'), where);
        if (status === 429) assert.match(snippet.code, /X-RateLimit-Remaining/, where);
        if (status === 204 || status === 304) {
          const last = chain.calls.at(-1);
          assert.ok(last?.name === 'end' && last.args.length === 0, `no body allowed: ${where}`);
        }
        if (status === 301 || status === 302) assert.equal(chain.routeMethod, 'get', `only GET may be redirected with ${where}`);
      }
    });
    test(`${label} uses only calls that work in Express 4 and 5`, () => {
      for (const { calls } of chains) {
        for (const { name, args } of calls) {
          const [first, second] = args;
          assert.ok(!(name === 'send' || name === 'json') || !first || !ts.isNumericLiteral(first), `res.${name}(status) in ${label}`);
          assert.ok(name !== 'redirect' || (first !== undefined && ts.isNumericLiteral(first) && second), `res.redirect(status, url) in ${label}`);
          assert.notEqual(name, 'sendfile', label);
        }
      }
    });
  }
  test('the duplicate-key snippet answers 409 from its catch block', () => {
    for (const snippet of expanded.filter((s) => s.framework === 'express' && s.prefix === 'http-duplicate-key')) {
      const chains = responseChains(snippet.code, ts.ScriptKind.TS);
      assert.ok(chains.some((c) => c.status === 409 && c.inCatch), snippet.language);
    }
  });
});
