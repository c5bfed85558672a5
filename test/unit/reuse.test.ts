// Edits re-check only the units they touch (`engine/reuse.ts`). The result after each edit must be
// exactly a fresh analysis of the same text, over hundreds of seeded edits that matter; and reuse
// must really happen, or this file fails.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_OPTIONS } from '../../server/src/analysis';
import { parse } from '../../server/src/analysis/engine/parse';
import { reusingAnalysisSteps, type KeptAnalysis, type ReusingResult } from '../../server/src/analysis/engine/reuse';
import type { PreviousParse } from '../../server/src/analysis/engine/parse';
import type { AnalysisOptions, AnalysisResult } from '../../server/src/analysis/types';
import { memoryModules } from './memoryModules';
import { EXPRESS, FASTIFY, HANDLERS, HONO, KOA, MIDDLEWARE, NEST, NEXT, REPLIES } from './reuseFixtures';
import { seeded, type Random } from './seeded';

function reusing(text: string, fileName: string, options: AnalysisOptions, previous?: KeptAnalysis | PreviousParse): ReusingResult {
  const steps = reusingAnalysisSteps(text, fileName, options, previous);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** What a user sees of a result, and where: findings with fixes and related places, hover positions; and the modules it read. */
function shown(result: AnalysisResult): unknown {
  return {
    skipped: result.skipped,
    findings: result.findings,
    statusRefs: result.statusRefs,
    ruleErrors: result.ruleErrors.map((error) => error.ruleId),
    modulesAsked: result.modulesAsked,
  };
}

const siteKeys = (result: AnalysisResult): string[] => result.sites.map((site) => `${site.chain.getStart()}-${site.chain.getEnd()} ${site.status.code} ${site.status.source}`);

/**
 * A reusing result equals a fresh one in all a user sees; its sites are those of the units checked
 * again (the others are not built): each one of the fresh sites, all of them when nothing was reused.
 */
function assertSameAsFresh(reused: ReusingResult, fresh: AnalysisResult, message?: string): void {
  assert.deepEqual(shown(reused.result), shown(fresh), message);
  const freshSites = siteKeys(fresh);
  if (reused.reused === 0) assert.deepEqual(siteKeys(reused.result), freshSites, message);
  else for (const key of siteKeys(reused.result)) assert.ok(freshSites.includes(key), `${message ?? ''}\nsite ${key} is not one of a fresh analysis's`);
}

/** Replaces one random match of `pattern` with what `replace` makes of it; undefined when none matches. */
function replaceOne(text: string, pattern: RegExp, random: Random, replace: (match: RegExpExecArray) => string): string | undefined {
  const matches = [...text.matchAll(new RegExp(pattern.source, 'g'))] as RegExpExecArray[];
  if (matches.length === 0) return undefined;
  const match = matches[random(matches.length)];
  return text.slice(0, match.index) + replace(match) + text.slice(match.index + match[0].length);
}

const pick = <T>(values: readonly T[], random: Random): T => values[random(values.length)];
const STATUSES = ['200', '201', '202', '204', '302', '303', '400', '401', '403', '404', '409', '418', '422', '429', '500', '503', '600'];
const STRINGS = ["'id is required'", "'not found'", "'Bearer realm'", "'x'", "''", "'Basic'", "'/users'"];
const TYPED = ['a', '(', ')', '{', '}', ';', "'", '0', ' ', '\n', '.', ','];

type Kind = 'express' | 'fastify' | 'next' | 'nest' | 'koa' | 'hono';

/** The edits that matter, each a kind of change a person makes; undefined where the text has no place for it. */
const EDITS: readonly ((text: string, random: Random, kind: Kind) => string | undefined)[] = [
  (text, random) => replaceOne(text, /\b[1-6]\d\d\b/, random, () => pick(STATUSES, random)),
  (text, random) => replaceOne(text, /'[^'\n]*'/, random, () => pick(STRINGS, random)),
  (text, random) => replaceOne(text, /if \(!?/, random, (match) => (match[0].endsWith('!') ? 'if (' : 'if (!')),
  (text, random) => replaceOne(text, /res\.status\(code\)|res\.status\(400\)|function sendError|function sendErr\b/, random, (match) =>
    ({ 'res.status(code)': 'res.status(400)', 'res.status(400)': 'res.status(code)', 'function sendError': 'function sendErr', 'function sendErr': 'function sendError' })[match[0]] ?? match[0],
  ),
  (text, random) => replaceOne(text, /extends (Error|Base)\b|this\.status(Code)? = /, random, (match) =>
    ({ 'extends Error': 'extends Base', 'extends Base': 'extends Error', 'this.status = ': 'this.statusCode = ', 'this.statusCode = ': 'this.status = ' })[match[0]] ?? match[0],
  ),
  (text) => (text.startsWith("import createError from 'http-errors';\n") ? text.slice(38) : `import createError from 'http-errors';\n${text}`),
  (text, random) => replaceOne(text, /^import \{ StatusCodes \} from 'http-status-codes';$|^\/\/ import StatusCodes$/m, random, (match) => (match[0].startsWith('//') ? "import { StatusCodes } from 'http-status-codes';" : '// import StatusCodes')),
  (text, random) => replaceOne(text, /const ([A-Z_]+) = \d+;/, random, (match) => `const ${match[1]} = ${pick(STATUSES, random)};`),
  (text, random) => replaceOne(text, /\.(get|post|put|delete)\('[^']*'/, random, () => `.${pick(['get', 'post', 'put', 'delete'], random)}('${pick(['/users', '/a/:id', '/login'], random)}'`),
  (text, random, kind) => {
    if (kind === 'nest') return undefined;
    const starts = [...text.matchAll(/^(app\.|fastify\.|router\.|export async function)/gm)].map((match) => match.index);
    const at = starts.length > 0 && random(4) > 0 ? pick(starts, random) : text.length;
    return text.slice(0, at) + pick(HANDLERS[kind], random) + text.slice(at);
  },
  (text, random) => {
    const statements = parse(text, 'file.ts').statements.filter((statement) => /^\s*(app\.(get|post|put|delete)|fastify\.|router\.|export async function)/.test(statement.getFullText()));
    if (statements.length === 0) return undefined;
    const removed = pick(statements, random);
    return text.slice(0, removed.getFullStart()) + text.slice(removed.getEnd());
  },
  (text, random) => replaceOne(text, /=> \{\n/, random, (match) => `${match[0]}  const code = ${pick(STATUSES, random)};\n`),
  // Middleware named by a route, or not; a helper renamed, or its status taken from its body.
  (text, random) => replaceOne(text, /(\.(get|post|put|delete)\('[^']*', )(requireAuth, |requireAdmin, )?/, random, (match) => (match[3] ? match[1] : `${match[1]}${pick(['requireAuth, ', 'requireAdmin, '], random)}`)),
  (text, random) => replaceOne(text, /function unauthorized\b|function forbidden\b|res\.status\(code\)|res\.status\(409\)/, random, (match) =>
    ({ 'function unauthorized': 'function forbidden', 'function forbidden': 'function unauthorized', 'res.status(code)': 'res.status(409)', 'res.status(409)': 'res.status(code)' })[match[0]] ?? match[0],
  ),
  (text, random) => {
    const at = random(text.length + 1);
    return text.slice(0, at) + pick(TYPED, random) + text.slice(at);
  },
  (text, random) => {
    const at = random(text.length);
    return text.slice(0, at) + text.slice(at + 1);
  },
];

/** Helpers imported from a project module (`./replies`), read through the host's module source. */
const WITH_MODULES: AnalysisOptions = { ...DEFAULT_OPTIONS, modules: memoryModules({ 'routes/replies.js': REPLIES }) };
const IMPORTING = `import { notFound, fail } from './replies';\n${EXPRESS}app.get('/gone', (req, res) => notFound(res, 'gone'));\napp.post('/fail', (req, res) => fail(res, 500, 'id is required'));\n`;

const FILES: readonly { kind: Kind; fileName: string; text: string; options?: AnalysisOptions }[] = [
  { kind: 'express', fileName: 'routes/users.js', text: EXPRESS },
  { kind: 'express', fileName: 'routes/imports.js', text: IMPORTING, options: WITH_MODULES },
  { kind: 'express', fileName: 'routes/users.ts', text: EXPRESS },
  { kind: 'express', fileName: 'routes/items.js', text: MIDDLEWARE },
  { kind: 'fastify', fileName: 'routes/items.ts', text: FASTIFY },
  { kind: 'nest', fileName: 'cats.controller.ts', text: NEST },
  { kind: 'next', fileName: 'app/api/items/route.ts', text: NEXT },
  { kind: 'koa', fileName: 'routes/accounts.js', text: KOA },
  { kind: 'hono', fileName: 'src/index.ts', text: HONO },
];

describe('reusing the findings of units an edit left alone', () => {
  for (const file of FILES) {
    for (const seed of [1, 2, 3]) {
      it(`equals a fresh analysis after each of 90 edits (${file.fileName}, seed ${seed})`, () => {
        const random = seeded(seed * 7919 + file.fileName.length);
        let text = file.text;
        const options = file.options ?? DEFAULT_OPTIONS;
        let kept = reusing(text, file.fileName, options).kept;
        let reusedUnits = 0;
        for (let index = 0; index < 90; index++) {
          // Now and then back to the realistic file, so typed characters do not pile up.
          const edited = index % 15 === 14 ? file.text : EDITS[random(EDITS.length)](text, random, file.kind);
          if (edited === undefined) continue;
          text = edited;
          const reused = reusing(text, file.fileName, options, kept);
          assertSameAsFresh(reused, analyze(text, file.fileName, options), `edit ${index} of seed ${seed} gave a different result on:\n${text}`);
          kept = reused.kept;
          reusedUnits += reused.reused;
        }
        // Nest controllers are one class, checked whole each time; the other files must reuse.
        if (file.kind !== 'nest') assert.ok(reusedUnits > 0, 'no unit was ever reused');
      });
    }
  }

  it('re-checks only the edited handler and the units every handler reads, shifting the rest', () => {
    const first = reusing(EXPRESS, 'users.js', DEFAULT_OPTIONS);
    assert.equal(first.reused, 0);
    // A line inserted into the first handler moves every later handler's findings down.
    const text = EXPRESS.replace("  const user = await User.create(req.body);\n", "  const user = await User.create(req.body);\n  log('created');\n");
    const second = reusing(text, 'users.js', DEFAULT_OPTIONS, first.kept);
    assert.equal(second.reused, 6, 'the helper above and the five handlers after the edited one keep their findings');
    assert.equal(second.rechecked, first.rechecked - 6);
    const fresh = analyze(text, 'users.js', DEFAULT_OPTIONS);
    assert.ok(fresh.findings.filter((finding) => finding.range.start > text.indexOf("app.get('/users/:id'")).length >= 4, 'later handlers have findings to shift');
    assertSameAsFresh(second, fresh);
    assert.ok(second.result.sites.length < fresh.sites.length, 'the sites of the reused handlers are not built again');
  });

  it('checks the whole file again when a constant, an import or an error class changes', () => {
    const edits = [
      EXPRESS.replace('const LIMIT = 429;', 'const LIMIT = 503;'),
      `import createError from 'http-errors';\n${EXPRESS}`,
      EXPRESS.replace('this.status = status;', 'this.statusCode = status;'),
    ];
    for (const text of edits) {
      const again = reusing(text, 'users.js', DEFAULT_OPTIONS, reusing(EXPRESS, 'users.js', DEFAULT_OPTIONS).kept);
      assert.equal(again.reused, 0);
      assertSameAsFresh(again, analyze(text, 'users.js', DEFAULT_OPTIONS));
    }
  });

  it('checks a changed function again with the handlers that call it, and the functions the changed code names', () => {
    const first = reusing(EXPRESS, 'users.js', DEFAULT_OPTIONS);
    // The helper's status now comes from its body: its callers' sites change.
    const helper = EXPRESS.replace('res.status(code)', 'res.status(400)');
    const again = reusing(helper, 'users.js', DEFAULT_OPTIONS, first.kept);
    const fresh = analyze(helper, 'users.js', DEFAULT_OPTIONS);
    assertSameAsFresh(again, fresh);
    // Before, `sendError(res, 404, 'name is required')` was a 404 for a missing field; now the helper sends 400 itself.
    const onCall = (result: AnalysisResult, text: string): string[] => result.findings.filter((finding) => text.slice(finding.range.start).startsWith('404, ')).map((finding) => finding.ruleId);
    assert.ok(onCall(first.result, EXPRESS).length > 0 && onCall(again.result, helper).length === 0, 'the caller, checked again, lost the finding on its argument');
    assert.equal(again.reused, 5, 'every handler but the caller keeps its findings');
    // A handler that starts to call the helper has it checked again too.
    const calling = EXPRESS.replace("  queue.add(req.body);\n", "  queue.add(req.body);\n  if (!req.body) return sendError(res, 400, 'empty');\n");
    const third = reusing(calling, 'users.js', DEFAULT_OPTIONS, reusing(EXPRESS, 'users.js', DEFAULT_OPTIONS).kept);
    assertSameAsFresh(third, analyze(calling, 'users.js', DEFAULT_OPTIONS));
    assert.equal(third.reused, 5, 'the helper, named by the changed handler, is checked again');
  });

  it('checks the whole file again when a handler starts to declare a name other handlers use', () => {
    const first = reusing(EXPRESS, 'users.js', DEFAULT_OPTIONS);
    const text = EXPRESS.replace("app.get('/jobs', (req, res) => {\n", "app.get('/jobs', (req, res) => {\n  const LIMIT = 400;\n");
    const again = reusing(text, 'users.js', DEFAULT_OPTIONS, first.kept);
    assert.equal(again.reused, 0);
    assertSameAsFresh(again, analyze(text, 'users.js', DEFAULT_OPTIONS));
  });

  it('starts afresh when the settings change', () => {
    const first = reusing(EXPRESS, 'users.js', DEFAULT_OPTIONS);
    const options = { ...DEFAULT_OPTIONS, validationStatus: 422 as const };
    const text = EXPRESS.replace("res.status(200).send();", "res.status(202).send();");
    const again = reusing(text, 'users.js', options, first.kept);
    assert.equal(again.reused, 0);
    assertSameAsFresh(again, analyze(text, 'users.js', options));
  });
});
