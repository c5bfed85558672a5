// Section 1: the analysis against its floor, the parse. `parse` is the exact
// `ts.createSourceFile` call `analyze` makes, so the ratio is what the rules and site model cost.
import { analyze } from '../server/src/analysis';
import { parse } from '../server/src/analysis/engine/parse';
import { RULE_IDS } from '../server/src/analysis/rules';
import { ruleFixtures } from './fixtures';
import { mistakeCount, type GeneratedApp, type SeededMistake } from './generate';
import { reconcile, type Reconciliation } from './reconcile';
import { interleave, ratios, summarize, type Summary } from './stats';

export interface Corpus {
  label: string;
  /** Each item is analysed on its own; a round times the whole list. */
  files: { text: string; fileName: string }[];
  lines: number;
  mistakes?: number;
  /** Each seeded mistake with its lines, for generated apps (one file). */
  seeded?: SeededMistake[];
}

export interface CorpusResult {
  corpus: Corpus;
  findings: number;
  parse: Summary;
  analyze: Summary;
  /** analyze / parse, per round. */
  ratio: Summary;
  /** Seeded vs found per kind, for generated apps. */
  reconciliation?: Reconciliation;
}

export interface AnalysisResults {
  rules: number;
  corpora: CorpusResult[];
  /** analyze(50k) / analyze(10k), per round, and the same for the parse alone. */
  scaling: { from: string; to: string; lineRatio: number; analyze: Summary; parse: Summary };
}

export function appCorpus(label: string, app: GeneratedApp): Corpus {
  return { label, files: [{ text: app.text, fileName: 'app.js' }], lines: app.lines, mistakes: mistakeCount(app), seeded: app.seeded };
}

function parseAll(corpus: Corpus): () => void {
  return () => corpus.files.forEach((file) => parse(file.text, file.fileName));
}

function analyzeAll(corpus: Corpus): () => void {
  return () => corpus.files.forEach((file) => analyze(file.text, file.fileName));
}

export function findingCount(corpus: Corpus): number {
  return corpus.files.reduce((sum, file) => sum + analyze(file.text, file.fileName).findings.length, 0);
}

/** Times parse and analyze of several corpora in the same rounds; returns [parse, analyze] per corpus. */
function measure(corpora: readonly Corpus[], rounds: number, warmup: number): { parse: number[]; analyze: number[] }[] {
  const tasks = corpora.flatMap((corpus) => [parseAll(corpus), analyzeAll(corpus)]);
  const times = interleave(tasks, rounds, warmup);
  return corpora.map((_, index) => ({ parse: times[2 * index], analyze: times[2 * index + 1] }));
}

function resultOf(corpus: Corpus, times: { parse: number[]; analyze: number[] }): CorpusResult {
  return {
    corpus,
    findings: findingCount(corpus),
    parse: summarize(times.parse),
    analyze: summarize(times.analyze),
    ratio: summarize(ratios(times.analyze, times.parse)),
    reconciliation: corpus.seeded && reconcile(corpus.files[0].text, corpus.seeded),
  };
}

/** The rule tables' snippets as one corpus; undefined while no table exists. */
export function fixtureCorpus(): Corpus | undefined {
  const { files, fixtures } = ruleFixtures();
  if (fixtures.length === 0) return undefined;
  const lines = fixtures.reduce((sum, fixture) => sum + fixture.code.split('\n').length, 0);
  const label = `rule-test fixtures (${fixtures.length} snippets from ${files} files)`;
  return { label, files: fixtures.map(({ code, fileName }) => ({ text: code, fileName })), lines };
}

/**
 * `small` are cheap and get many rounds; `medium` and `large` share their rounds, so that the
 * 50k/10k scaling ratio is taken side by side.
 */
export function benchAnalysis(small: Corpus[], medium: Corpus, large: Corpus, rounds: { small: number; large: number }): AnalysisResults {
  const smallTimes = measure(small, rounds.small, 3);
  // One warm-up round suffices here: the small corpora already warmed the code.
  const [mediumTimes, largeTimes] = measure([medium, large], rounds.large, 1);
  return {
    rules: RULE_IDS.length,
    corpora: [...small.map((corpus, index) => resultOf(corpus, smallTimes[index])), resultOf(medium, mediumTimes), resultOf(large, largeTimes)],
    scaling: {
      from: medium.label,
      to: large.label,
      lineRatio: large.lines / medium.lines,
      analyze: summarize(ratios(largeTimes.analyze, mediumTimes.analyze)),
      parse: summarize(ratios(largeTimes.parse, mediumTimes.parse)),
    },
  };
}
