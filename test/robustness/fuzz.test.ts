// Issue 9.1: thousands of seeded mutations of our fixtures through the analysis and every feature.
// Nothing may throw, every range must lie inside the document, every fix must parse no worse.
// Replay one case: HSG_FUZZ_SEED=<seed from the failure> HSG_FUZZ_CASES=1 npm run test:robustness
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_OPTIONS } from '../../server/src/analysis';
import { RULE_IDS } from '../../server/src/analysis/rules';
import type { AnalysisOptions, RuleSetting } from '../../server/src/analysis/types';
import { docsExampleCorpus, expressFixtureCorpus, fullCorpus, ruleTableCorpus } from './support/corpus';
import { emptyCounts, exerciseFeatures } from './support/features';
import { mutate } from './support/mutate';
import { seeded } from './support/random';

const BASE_SEED = Number(process.env.HSG_FUZZ_SEED ?? 20_240_909);
const CASES = Number(process.env.HSG_FUZZ_CASES ?? 5_000);
/** Failures listed in full; the rest are counted. */
const SHOWN_FAILURES = 5;

const everyRule = (severity: RuleSetting): AnalysisOptions['rules'] => Object.fromEntries(RULE_IDS.map((id) => [id, severity]));

/** Defaults, every rule on (some are off by default), and the 422 team setting. */
const OPTION_SETS: AnalysisOptions[] = [
  DEFAULT_OPTIONS,
  { ...DEFAULT_OPTIONS, rules: everyRule('warning') },
  { ...DEFAULT_OPTIONS, rules: everyRule('hint'), validationStatus: 422 },
];
const FILE_NAMES = ['routes.js', 'routes.ts', 'routes.tsx', 'routes.mjs'];

describe('fuzzing the analysis and every feature', () => {
  it('has a corpus from the rule tables, the docs examples and the Express fixtures', () => {
    assert.ok(ruleTableCorpus().length > 0, 'no code strings read from test/unit/rules/*.test.ts');
    assert.ok(docsExampleCorpus().length >= RULE_IDS.length, 'fewer docs examples than rules');
    assert.ok(expressFixtureCorpus().length >= 3, 'the Express fixtures are missing');
  });

  it(`survives ${CASES} seeded mutations from seed ${BASE_SEED}`, () => {
    const corpus = fullCorpus();
    const counts = emptyCounts();
    const failures: string[] = [];
    const started = performance.now();
    for (let index = 0; index < CASES; index++) {
      const seed = (BASE_SEED + index) >>> 0;
      const random = seeded(seed);
      const source = random.pick(corpus);
      const { text, applied } = mutate(source.text, random, random.pick(corpus).text);
      const fileName = random.pick(FILE_NAMES);
      let problems: string[];
      try {
        problems = exerciseFeatures(text, fileName, random.pick(OPTION_SETS), random, counts);
      } catch (error) {
        problems = [`threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`];
      }
      if (problems.length > 0) {
        failures.push(`seed ${seed} (${source.origin}; ${applied.join(', ')}; ${fileName}):\n  ${problems.join('\n  ')}\nmutated text: ${JSON.stringify(text)}`);
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`fuzz: ${CASES} mutations in ${seconds} s → ${JSON.stringify(counts)}`);
    assert.equal(counts.analyses, CASES);
    assert.equal(failures.length, 0, `${failures.length} of ${CASES} mutations broke an invariant:\n\n${failures.slice(0, SHOWN_FAILURES).join('\n\n')}`);
  });
});
