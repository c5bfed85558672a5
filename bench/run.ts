// `npm run bench`: measures the analysis, ESLint, the protocol and the package, prints the report
// and writes it to docs/benchmarks.md. `--quick` runs few rounds and writes nothing (a smoke run).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { syntaxErrorCount } from '../server/src/analysis/engine/parse';
import { appCorpus, benchAnalysis, fixtureCorpus, type Corpus } from './analysisBench';
import { benchEslint } from './eslintBench';
import { generateApp, type GeneratedApp } from './generate';
import { benchIndex, INDEX_HEADING, indexSection, type IndexResults } from './indexBench';
import { describeMachine } from './machine';
import { benchPackage, buildProduction, restoreDevBuild, ROOT } from './packageBench';
import { profileAnalysis, type Profile } from './profile';
import { benchProtocol, type ProtocolResults } from './protocolBench';
import { renderReport, type BenchResults } from './report';

const quick = process.argv.includes('--quick');
/** `--index`: only the workspace index section, printed and written into docs/benchmarks.md in place. */
const indexOnly = process.argv.includes('--index');
const REPORT = path.join(ROOT, 'docs', 'benchmarks.md');
/** Above this analysis ÷ parse ratio the report lists where the time goes. */
const PROFILE_ABOVE = 1.3;

/** Seeded apps: the same seed always generates the same code. */
const APPS = { small: { lines: 1_000, seed: 1 }, medium: { lines: 10_000, seed: 10 }, large: { lines: 50_000, seed: 50 } };

/** Rounds per section; `--quick` is a smoke run of the same steps (a minute or two). */
const plan = quick
  ? {
      small: 6,
      large: 2,
      eslint: [5, 2, 1],
      protocol: { startups: 2, editFileLines: 2000, edits: 20, hovers: 50, openFiles: 10, openFileLines: 1500, memoryRuns: 1, settleMaxMs: 10_000 },
      index: { files: 200, idleEdits: 20, indexMaxMs: 120_000 },
    }
  : {
      small: 40,
      large: 10,
      eslint: [30, 12, 5],
      protocol: { startups: 8, editFileLines: 2000, edits: 200, hovers: 500, openFiles: 100, openFileLines: 1500, memoryRuns: 2, settleMaxMs: 60_000 },
      index: { files: 2_000, idleEdits: 100, indexMaxMs: 600_000 },
    };

function generated({ lines, seed }: { lines: number; seed: number }): GeneratedApp {
  const app = generateApp(lines, seed);
  // Timing code that does not parse would measure error recovery, not analysis.
  if (syntaxErrorCount(app.text, 'app.js') > 0) throw new Error(`the generated app of ${lines} lines (seed ${seed}) has syntax errors`);
  return app;
}

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function protocolSection(): Promise<{ protocol?: ProtocolResults; protocolError?: string }> {
  try {
    return { protocol: await benchProtocol(plan.protocol) };
  } catch (error) {
    return { protocolError: error instanceof Error ? error.message : String(error) };
  }
}

async function indexBenchSection(): Promise<{ index?: IndexResults; indexError?: string }> {
  try {
    return { index: await benchIndex(plan.index) };
  } catch (error) {
    return { indexError: error instanceof Error ? error.message : String(error) };
  }
}

/** Replaces the index section of the report (up to the next section), or appends it. */
function writeIndexSection(section: string): void {
  const report = fs.existsSync(REPORT) ? fs.readFileSync(REPORT, 'utf8') : '';
  const start = report.indexOf(INDEX_HEADING);
  const next = start < 0 ? -1 : report.indexOf('\n## ', start + INDEX_HEADING.length);
  const updated = start < 0 ? `${report.trimEnd()}\n\n${section}` : `${report.slice(0, start)}${section}${next < 0 ? '' : report.slice(next)}`;
  fs.writeFileSync(REPORT, updated);
}

async function indexOnlyRun(): Promise<void> {
  progress(`section 5: the workspace index (${plan.index.files} files)`);
  buildProduction();
  let section: string;
  try {
    const { index, indexError } = await indexBenchSection();
    section = `${indexSection(index, indexError).join('\n')}\n`;
  } finally {
    restoreDevBuild();
  }
  process.stdout.write(section);
  if (quick) progress('quick run: docs/benchmarks.md left as it was');
  else writeIndexSection(section);
}

async function main(): Promise<void> {
  if (indexOnly) return indexOnlyRun();
  const started = performance.now();
  const loadAtStart = os.loadavg()[0];
  const machine = describeMachine(ROOT);
  progress('generating apps (seeded)');
  const apps = { small: generated(APPS.small), medium: generated(APPS.medium), large: generated(APPS.large) };
  const corpora = { small: appCorpus('app, ~1k lines', apps.small), medium: appCorpus('app, ~10k lines', apps.medium), large: appCorpus('app, ~50k lines', apps.large) };
  const fixtures = fixtureCorpus();
  const small: Corpus[] = fixtures ? [corpora.small, fixtures] : [corpora.small];

  progress('section 1: analysis against parse');
  const analysis = benchAnalysis(small, corpora.medium, corpora.large, plan);
  progress('section 2: against ESLint');
  const eslint = benchEslint([corpora.small, corpora.medium, corpora.large].map((corpus, index) => ({ corpus, rounds: plan.eslint[index] })));
  const mediumRatio = analysis.corpora.find((result) => result.corpus === corpora.medium)?.ratio.median ?? 0;
  let profile: Profile | undefined;
  if (mediumRatio > PROFILE_ABOVE) {
    progress('profiling the 10k-line analysis');
    profile = profileAnalysis(APPS.medium.lines, APPS.medium.seed, quick ? 3 : 15, 15);
  }

  progress('section 4: production build, bundle sizes, .vsix');
  let results: BenchResults;
  try {
    buildProduction();
    const pack = benchPackage();
    progress('section 3: through the protocol');
    const protocol = await protocolSection();
    progress(`section 5: the workspace index (${plan.index.files} files)`);
    const index = await indexBenchSection();
    const seconds = (performance.now() - started) / 1000;
    results = { machine, analysis, eslint, pack, profile, ...protocol, ...index, seconds, load: { start: loadAtStart, end: os.loadavg()[0] } };
  } finally {
    restoreDevBuild();
  }
  const report = renderReport(results);
  process.stdout.write(report);
  if (quick) progress('quick run: docs/benchmarks.md left as it was');
  else fs.writeFileSync(REPORT, report);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
