// Section 2: the same files through ESLint 9 (Linter class, flat config, default parser espree)
// running @mindfiredigital/eslint-plugin-hub's one status rule, against our whole analysis.
// Both run in this process, interleaved round by round.
import { Linter, type ESLint } from 'eslint';
import { analyze } from '../server/src/analysis';
import { parse } from '../server/src/analysis/engine/parse';
import { RULE_IDS } from '../server/src/analysis/rules';
import type { Corpus } from './analysisBench';
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

export interface EslintResult {
  corpus: Corpus;
  eslint: Summary;
  ours: Summary;
  /** eslint / ours, per round: how many times faster we are. */
  speedup: Summary;
  /** eslint / our parse alone, per round: the most any analysis built on TypeScript's parser could reach. */
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

function eslintConfig(): Linter.Config[] {
  const plugin = require(RULE_MODULE) as RuleModule;
  return [
    {
      files: ['**/*.js'],
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
      plugins: { hub: { rules: plugin.rules } },
      rules: { [ESLINT_RULE]: 'error' },
    },
  ];
}

function lintAll(linter: Linter, config: Linter.Config[], corpus: Corpus): Linter.LintMessage[] {
  return corpus.files.flatMap((file) => linter.verify(file.text, config, file.fileName));
}

export function benchEslint(corpora: readonly { corpus: Corpus; rounds: number }[]): EslintResults {
  const linter = new Linter({ configType: 'flat' });
  const config = eslintConfig();
  const results = corpora.map(({ corpus, rounds }): EslintResult => {
    const messages = lintAll(linter, config, corpus);
    const fatal = messages.find((message) => message.fatal);
    // A parse error would make ESLint's time meaningless: it stops before running rules.
    if (fatal) throw new Error(`ESLint could not parse ${corpus.label}: ${fatal.message} (line ${fatal.line})`);
    const [eslint, ours, parsed] = interleave(
      [() => lintAll(linter, config, corpus), () => corpus.files.forEach((file) => analyze(file.text, file.fileName)), () => corpus.files.forEach((file) => parse(file.text, file.fileName))],
      rounds,
      // The corpora run smallest first, so later ones find the code already warm.
      1,
    );
    const ourFindings = corpus.files.reduce((sum, file) => sum + analyze(file.text, file.fileName).findings.length, 0);
    return {
      corpus,
      eslint: summarize(eslint),
      ours: summarize(ours),
      speedup: summarize(ratios(eslint, ours)),
      ceiling: summarize(ratios(eslint, parsed)),
      eslintReports: messages.length,
      ourFindings,
    };
  });
  return { eslintVersion: Linter.version, pluginVersion: packageVersion('@mindfiredigital/eslint-plugin-hub'), ourRules: RULE_IDS.length, results };
}

function packageVersion(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}
