// `npm run bench`: measures the analysis, ESLint, the protocol, the package and a whole repository
// through the command line, prints the report and writes it to docs/benchmarks.md. `--quick` runs
// few rounds and writes nothing (a smoke run); `--only repo` runs the whole-repository section
// alone and replaces just that section of docs/benchmarks.md; `--only protocol` prints section 3
// and writes nothing.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { appCorpus, benchAnalysis, fixtureCorpus, type Corpus } from './analysisBench';
import { benchEslint } from './eslintBench';
import { generateParsedApp } from './generate';
import { benchIndex, INDEX_HEADING, indexSection, type IndexResults } from './indexBench';
import { describeMachine } from './machine';
import { benchPackage, buildProduction, restoreDevBuild, ROOT } from './packageBench';
import { profileAnalysis, type Profile } from './profile';
import { benchProtocol, IDLE_READ_MS, type ProtocolResults } from './protocolBench';
import { benchRepository, writeRepoCorpus, type RepoResults } from './repoBench';
import { protocolSection, renderReport, replaceSection, repoSection, type BenchResults } from './report';

const HELP = `Usage: npm run bench -- [--quick] [--only repo|index|protocol] [--heap-snapshot DIR]

  (no option)   every section; prints the report and writes docs/benchmarks.md
  --quick       few rounds of every step, a smoke run; writes nothing
  --only repo   the whole-repository section alone (command line against ESLint on a generated
                project); replaces only that section of docs/benchmarks.md (with --quick: writes nothing)
  --only index  the workspace index section alone (memory, time to index, edits while it reads),
                written into docs/benchmarks.md in place (with --quick: writes nothing)
  --only protocol  section 3 alone (start-up, edits on a 2k- and a 10k-line file, hovers, memory),
                printed; writes nothing
  --heap-snapshot DIR
                the first memory run's server writes a heap snapshot into DIR right after the
                idle reading of section 3 (open it in Chrome's DevTools, Memory tab)
  --help        this text
`;

const quick = process.argv.includes('--quick');
const REPORT = path.join(ROOT, 'docs', 'benchmarks.md');
const CHANGE_LOG_HEADING = '## What each change bought';
/** Above this analysis ÷ parse ratio the report lists where the time goes. */
const PROFILE_ABOVE = 2.0;

const { only, snapshotDir } = parseOptions(process.argv.slice(2));

function usageError(message: string): never {
  process.stderr.write(`${message}\n${HELP}`);
  process.exit(2);
}

type OnlySection = 'repo' | 'index' | 'protocol';

function parseOptions(argv: readonly string[]): { only?: OnlySection; snapshotDir?: string } {
  let section: OnlySection | undefined;
  let snapshotDir: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const [flag, inline] = argv[index].split(/=(.*)/s);
    if (flag === '--help') {
      process.stdout.write(HELP);
      process.exit(0);
    } else if (flag === '--only') {
      const given = inline ?? argv[++index];
      if (given !== 'repo' && given !== 'index' && given !== 'protocol') usageError(`--only takes "repo", "index" or "protocol", not "${given ?? ''}".`);
      section = given;
    } else if (flag === '--heap-snapshot') {
      snapshotDir = inline ?? argv[++index];
      if (!snapshotDir) usageError('--heap-snapshot takes a folder.');
      snapshotDir = path.resolve(snapshotDir);
    } else if (flag !== '--quick') usageError(`Unknown option ${argv[index]}.`);
  }
  return { only: section, snapshotDir };
}

/** Seeded apps: the same seed always generates the same code. */
const APPS = { small: { lines: 1_000, seed: 1 }, medium: { lines: 10_000, seed: 10 }, large: { lines: 50_000, seed: 50 } };
/** The whole-repository corpus: this many files, seeded from here on. */
const REPO = { files: 2_000, seed: 1 };

/** Rounds per section; `--quick` is a smoke run of the same steps (a minute or two). */
const plan = quick
  ? {
      small: 6,
      large: 2,
      eslint: [5, 2, 1],
      repoRounds: 1,
      protocol: { startups: 2, editFileLines: 2000, edits: 30, largeEditFileLines: 10000, largeEdits: 25, hovers: 50, openFiles: 10, openFileLines: 1500, memoryRuns: 1, idleMs: 10_000 },
      index: { files: 200, idleEdits: 20, warmUpEdits: 10, indexMaxMs: 120_000 },
    }
  : {
      small: 40,
      large: 10,
      eslint: [30, 12, 5],
      repoRounds: 3,
      protocol: { startups: 8, editFileLines: 2000, edits: 200, largeEditFileLines: 10000, largeEdits: 100, hovers: 500, openFiles: 100, openFileLines: 1500, memoryRuns: 2, idleMs: IDLE_READ_MS },
      index: { files: 2_000, idleEdits: 100, warmUpEdits: 20, indexMaxMs: 600_000 },
    };

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function protocolBenchSection(): Promise<{ protocol?: ProtocolResults; protocolError?: string }> {
  try {
    return { protocol: await benchProtocol({ ...plan.protocol, snapshotDir }) };
  } catch (error) {
    return { protocolError: error instanceof Error ? error.message : String(error) };
  }
}

/** Section 5, on the production build already in dist/. */
function repoBenchSection(): { repo?: RepoResults; repoError?: string } {
  progress(`section 5: a whole repository (${REPO.files} generated files) through the command line and ESLint`);
  const corpus = writeRepoCorpus(REPO.files, REPO.seed);
  try {
    return { repo: benchRepository(corpus, plan.repoRounds) };
  } catch (error) {
    return { repoError: error instanceof Error ? error.message : String(error) };
  } finally {
    fs.rmSync(corpus.root, { recursive: true, force: true });
  }
}

/** `--only repo`: section 5 alone, spliced into the report that a full run wrote. */
function onlyRepo(): void {
  const machine = describeMachine(ROOT);
  let section: string[];
  try {
    progress('production build');
    buildProduction();
    const { repo, repoError } = repoBenchSection();
    section = repoSection(repo, machine, repoError);
  } finally {
    restoreDevBuild();
  }
  process.stdout.write(`${section.join('\n')}\n`);
  if (quick) progress('quick run: docs/benchmarks.md left as it was');
  else fs.writeFileSync(REPORT, replaceSection(fs.readFileSync(REPORT, 'utf8'), section));
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
  progress(`section 6: the workspace index (${plan.index.files} files)`);
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

/** `--only protocol`: section 3 alone, on the production build, printed and not written. */
async function onlyProtocol(): Promise<void> {
  progress('production build');
  buildProduction();
  let section: string[];
  try {
    progress('section 3: through the protocol');
    section = protocolSection(await protocolBenchSection());
  } finally {
    restoreDevBuild();
  }
  process.stdout.write(`${section.join('\n')}\n`);
  progress('--only protocol: docs/benchmarks.md left as it was');
}

async function main(): Promise<void> {
  if (only === 'repo') return onlyRepo();
  if (only === 'protocol') return onlyProtocol();
  if (only === 'index') return indexOnlyRun();
  const started = performance.now();
  const loadAtStart = os.loadavg()[0];
  const machine = describeMachine(ROOT);
  progress('generating apps (seeded)');
  const apps = { small: generateParsedApp(APPS.small.lines, APPS.small.seed), medium: generateParsedApp(APPS.medium.lines, APPS.medium.seed), large: generateParsedApp(APPS.large.lines, APPS.large.seed) };
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
    const protocol = await protocolBenchSection();
    const repo = repoBenchSection();
    progress(`section 6: the workspace index (${plan.index.files} files)`);
    const index = await indexBenchSection();
    const seconds = (performance.now() - started) / 1000;
    results = { machine, analysis, eslint, pack, profile, ...protocol, ...repo, ...index, seconds, load: { start: loadAtStart, end: os.loadavg()[0] } };
  } finally {
    restoreDevBuild();
  }
  const report = renderReport(results);
  process.stdout.write(report);
  if (quick) progress('quick run: docs/benchmarks.md left as it was');
  else fs.writeFileSync(REPORT, withChangeLog(report));
}

/** The hand-written section on what each speed change bought is history, not a measurement: a new run keeps it. */
function withChangeLog(report: string): string {
  const old = fs.existsSync(REPORT) ? fs.readFileSync(REPORT, 'utf8').split('\n') : [];
  const start = old.indexOf(CHANGE_LOG_HEADING);
  if (start < 0) return report;
  const next = old.findIndex((line, index) => index > start && line.startsWith('## '));
  return replaceSection(report, old.slice(start, next < 0 ? undefined : next).join('\n').trimEnd().split('\n'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
