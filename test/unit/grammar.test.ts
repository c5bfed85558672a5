// The status-code injection grammar, run through the engine VS Code uses (vscode-textmate with
// Oniguruma) on top of the real JavaScript/TypeScript/JSX/TSX grammars from `tm-grammars`.
//
// Why these scopes: a status token keeps `constant.numeric.http-status.<class>` as its outer scope
// (a theme without a rule for the inner scope falls back to its number colour) and gets an inner
// scope that popular themes already colour apart. Measured with vscode-textmate over the themes of
// shiki's tm-themes: 2xx-5xx get four different colours in 19 of 20 popular themes (Dark+, Light+,
// GitHub x4, One Dark/Light, Monokai, Dracula, Solarized x2, Nord, Tokyo Night, Material, Night Owl,
// Ayu, Gruvbox, Vitesse; not Catppuccin, which leaves markup.* unstyled) and 46 of all 65.
//   1xx keyword.control    1xx are protocol control messages (100 Continue, 103 Early Hints)
//   2xx markup.inserted    green in most themes ("added" in diffs)
//   3xx support.function   blue or cyan: "look over there"
//   4xx markup.changed     amber or orange in most themes ("changed" in diffs)
//   5xx markup.deleted     red ("removed" in diffs)
// None starts with comment, string or regex: VS Code derives token types from those and would
// turn off bracket matching and suggestions on the number.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { repoRoot } from '../harness/paths';

const require = createRequire(import.meta.url);
const INJECTION_SCOPE = 'http-status.injection';
const INJECTION_FILE = path.join(repoRoot, 'syntaxes', 'http-status.injection.tmLanguage.json');

/** The base grammars our injection targets (package.json's `injectTo`), by their tm-grammars file. */
const BASE_GRAMMARS: Record<string, string> = {
  'source.js': 'javascript',
  'source.js.jsx': 'jsx',
  'source.ts': 'typescript',
  'source.tsx': 'tsx',
};

const CLASS_SCOPES = {
  informational: 'keyword.control.http-status.informational',
  success: 'markup.inserted.http-status.success',
  redirect: 'support.function.http-status.redirect',
  'client-error': 'markup.changed.http-status.client-error',
  'server-error': 'markup.deleted.http-status.server-error',
} as const;
type StatusClass = keyof typeof CLASS_SCOPES;

async function loadOnigLib(): Promise<textmate.IOnigLib> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  return {
    createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
    createOnigString: (text) => new oniguruma.OnigString(text),
  };
}

function createRegistry(onigLib: textmate.IOnigLib): textmate.Registry {
  return new textmate.Registry({
    onigLib: Promise.resolve(onigLib),
    loadGrammar: async (scopeName) => {
      const file =
        scopeName === INJECTION_SCOPE
          ? INJECTION_FILE
          : BASE_GRAMMARS[scopeName] && require.resolve(`tm-grammars/grammars/${BASE_GRAMMARS[scopeName]}.json`);
      return file ? textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scopeName) => (scopeName in BASE_GRAMMARS ? [INJECTION_SCOPE] : undefined),
  });
}

interface Token {
  text: string;
  scopes: string[];
}

function tokenize(grammar: textmate.IGrammar, code: string): Token[] {
  let state = textmate.INITIAL;
  return code.split('\n').flatMap((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

// Each sample holds exactly one status literal in a status position.
const STATUS_SAMPLES: { code: string; status: string; statusClass: StatusClass }[] = [
  { code: "res.writeHead(103, { Link: '</app.css>; rel=preload' });", status: '103', statusClass: 'informational' },
  { code: 'res.status(200).json(user);', status: '200', statusClass: 'success' },
  { code: 'res.sendStatus(204);', status: '204', statusClass: 'success' },
  { code: "return res.redirect(301, '/api/v2/users');", status: '301', statusClass: 'redirect' },
  { code: 'response.redirect(307, target);', status: '307', statusClass: 'redirect' },
  { code: "res.status(404).json({ error: 'Order 7 was not found' });", status: '404', statusClass: 'client-error' },
  { code: 'if (!user) return res.status( 401 ).end();', status: '401', statusClass: 'client-error' },
  { code: 'reply.code(429).send(problem);', status: '429', statusClass: 'client-error' },
  { code: 'ctx.status = 410;', status: '410', statusClass: 'client-error' },
  { code: 'return res\n\t.status(422)\n\t.json({ error: "checkOut must follow checkIn" });', status: '422', statusClass: 'client-error' },
  { code: 'res.statusCode = 503;', status: '503', statusClass: 'server-error' },
  { code: "res.writeHead(502, { 'Content-Type': 'application/json' });", status: '502', statusClass: 'server-error' },
  { code: 'app.use((err, req, res, next) => res.status(500).end());', status: '500', statusClass: 'server-error' },
];

// Numbers that are not response statuses, in code, comments and strings.
const UNTOUCHED_CODE = [
  'const page = items.slice(404);',
  'const options = { timeout: 500, port: 3000 };',
  'setTimeout(retry, 200);',
  'app.listen(3000);',
  'if (res.statusCode === 404) retry();',
  'order.status(500);',
  'res.status(4040);',
];
const UNTOUCHED_TEXT = [
  '// res.status(404) is what we want here',
  '/* res.status(500) */',
  "const hint = 'res.status(404)';",
  'const hint = `res.sendStatus(503)`;',
];

const numberTokens = (tokens: Token[]): Token[] => tokens.filter((t) => /^\s*\d+\s*$/.test(t.text) || /\d{3}/.test(t.text));
const isStatusScope = (scope: string): boolean => scope.includes('http-status');

for (const [baseScope, grammarName] of Object.entries(BASE_GRAMMARS)) {
  describe(`status colours in ${grammarName}`, () => {
    let grammar: textmate.IGrammar;

    before(async () => {
      const loaded = await createRegistry(await loadOnigLib()).loadGrammar(baseScope);
      assert.ok(loaded, `could not load ${baseScope}`);
      grammar = loaded;
    });

    for (const { code, status, statusClass } of STATUS_SAMPLES) {
      test(`${status} is ${statusClass} in: ${code.replace(/\s+/g, ' ')}`, () => {
        const token = tokenize(grammar, code).find((t) => t.text === status);
        assert.ok(token, `no token "${status}"`);
        assert.deepEqual(token.scopes.filter(isStatusScope), [
          `constant.numeric.http-status.${statusClass}`,
          CLASS_SCOPES[statusClass],
        ]);
      });
    }

    for (const code of UNTOUCHED_CODE) {
      test(`leaves a plain number alone in: ${code}`, () => {
        const numbers = numberTokens(tokenize(grammar, code));
        assert.ok(numbers.length > 0);
        for (const token of numbers) {
          assert.deepEqual(token.scopes.filter(isStatusScope), [], token.text);
          assert.ok(token.scopes.some((s) => s.startsWith('constant.numeric')), `${token.text}: ${token.scopes.join(' ')}`);
        }
      });
    }

    for (const code of UNTOUCHED_TEXT) {
      test(`leaves comments and strings alone in: ${code}`, () => {
        const numbers = numberTokens(tokenize(grammar, code));
        assert.ok(numbers.length > 0);
        for (const token of numbers) {
          assert.deepEqual(token.scopes.filter(isStatusScope), [], token.text);
          assert.ok(token.scopes.some((s) => s.startsWith('comment') || s.startsWith('string')), token.scopes.join(' '));
        }
      });
    }
  });
}
