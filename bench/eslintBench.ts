// Section 2: the same files through ESLint 9 (Linter class, flat config, default parser espree),
// once with no rules at all (its parse pipeline: read, parse, scope analysis, traversal) and once
// running @mindfiredigital/eslint-plugin-hub's one status rule, against our whole analysis. All run
// in this process, interleaved round by round, after the same warm-up rounds.
import { Linter, type ESLint } from 'eslint';
import { analyze } from '../server/src/analysis';
import { parse } from '../server/src/analysis/engine/parse';
import { RULE_IDS } from '../server/src/analysis/rules';
import { findingCount, type Corpus } from './analysisBench';
import { interleave, ratios, summarize, type Summary } from './stats';

/**
 * The rule module itself, not the package entry: the entry also loads ~40 unrelated rules and
 * their dependencies (compromise, typescript-estree) and configs that need `globals`. The rule
 * file has no imports and no side effects (read before running it). The package's postinstall
 * script only asks about an ESLint config; it does not run on import.
 */
const RULE_MODULE = '@mindfiredigital/eslint-plugin-hub/lib/rules/node/express/open-api-spec/plugin/http-status-code.js';
const ESLINT_RULE = 'hub/http-status-code';

type RuleModule = Required<Pick<ESLint.Plugin, 'rules'>>;

/** Discarded rounds before timing each corpus, the same for every side. */
export const WARMUP_ROUNDS = 3;

export interface EslintResult {
  corpus: Corpus;
  /** ESLint with an empty rules config: what it costs to parse and walk, like for like with ours. */
  eslintNoRules: Summary;
  /** ESLint running the hub rule. */
  eslintHub: Summary;
  ours: Summary;
  /** eslint (no rules) / ours, per round: how many times faster we are than ESLint's parse pipeline. */
  speedupNoRules: Summary;
  /** eslint (hub rule) / ours, per round. */
  speedupHub: Summary;
  /** eslint (no rules) / our parse alone, per round: the most any analysis built on TypeScript's parser could reach. */
  ceiling: Summary;
  eslintReports: number;
  ourFindings: number;
}

export interface EslintResults {
  eslintVersion: string;
  pluginVersion: string;
  ourRules: number;
  results: EslintResult[];
}

const LANGUAGE_OPTIONS: Linter.Config['languageOptions'] = { ecmaVersion: 'latest', sourceType: 'module' };

/** No rules: ESLint still parses with espree, analyses scopes and walks the tree once. */
function noRulesConfig(): Linter.Config[] {
  return [{ files: ['**/*.js'], languageOptions: LANGUAGE_OPTIONS, rules: {} }];
}

function hubConfig(): Linter.Config[] {
  const plugin = require(RULE_MODULE) as RuleModule;
  return [{ files: ['**/*.js'], languageOptions: LANGUAGE_OPTIONS, plugins: { hub: { rules: plugin.rules } }, rules: { [ESLINT_RULE]: 'error' } }];
}

function lintAll(linter: Linter, config: Linter.Config[], corpus: Corpus): Linter.LintMessage[] {
  return corpus.files.flatMap((file) => linter.verify(file.text, config, file.fileName));
}

export function benchEslint(corpora: readonly { corpus: Corpus; rounds: number }[]): EslintResults {
  const linter = new Linter({ configType: 'flat' });
  const noRules = noRulesConfig();
  const hub = hubConfig();
  const results = corpora.map(({ corpus, rounds }): EslintResult => {
    const messages = lintAll(linter, hub, corpus);
    const fatal = [...messages, ...lintAll(linter, noRules, corpus)].find((message) => message.fatal);
    // A parse error would make ESLint's time meaningless: it stops before running rules.
    if (fatal) throw new Error(`ESLint could not parse ${corpus.label}: ${fatal.message} (line ${fatal.line})`);
    const ourFindings = findingCount(corpus);
    const [eslintNoRules, eslintHub, ours, parsed] = interleave(
      [
        () => lintAll(linter, noRules, corpus),
        () => lintAll(linter, hub, corpus),
        () => corpus.files.forEach((file) => analyze(file.text, file.fileName)),
        () => corpus.files.forEach((file) => parse(file.text, file.fileName)),
      ],
      rounds,
      WARMUP_ROUNDS,
    );
    return {
      corpus,
      eslintNoRules: summarize(eslintNoRules),
      eslintHub: summarize(eslintHub),
      ours: summarize(ours),
      speedupNoRules: summarize(ratios(eslintNoRules, ours)),
      speedupHub: summarize(ratios(eslintHub, ours)),
      ceiling: summarize(ratios(eslintNoRules, parsed)),
      eslintReports: messages.length,
      ourFindings,
    };
  });
  return { eslintVersion: Linter.version, pluginVersion: packageVersion('@mindfiredigital/eslint-plugin-hub'), ourRules: RULE_IDS.length, results };
}

function packageVersion(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}
