// Section 5: a whole repository through the built command line, as a CI job runs it: files per
// second on one thread and on every core, against ESLint's own command line on the same files with
// its parser alone. Every run is a fresh process, timed from spawn to exit on both sides, so
// process start-up is included for both.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateParsedApp } from './generate';
import { ROOT } from './packageBench';
import { interleave, ratios, summarize, type Summary } from './stats';

/** Lines each generated file aims at: one resource's router, as route files tend to be. */
const FILE_LINES = 80;
/** Files per folder, so the tree looks like a project's rather than one flat folder. */
const FILES_PER_FOLDER = 100;
const CLI = path.join(ROOT, 'dist', 'cli.js');
const ESLINT = path.join(path.dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js');
const CPU_TIME = path.join(__dirname, 'cpuTime.cjs');
const CPU_LINE = /^hsg-bench-cpu-us (\d+)$/m;

export interface RepoCorpus {
  root: string;
  files: number;
  lines: number;
  seed: number;
}

export interface RepoWay {
  label: string;
  command: string;
  threads: number;
  wallMs: Summary;
  filesPerSecond: Summary;
  /** Files per second of CPU time (every thread): what the work costs, whatever else runs. */
  filesPerCpuSecond: Summary;
  /** This way's files per second ÷ ESLint's on one thread, per round. */
  againstEslint: Summary;
}

export interface RepoResults {
  files: number;
  lines: number;
  seed: number;
  rounds: number;
  eslintVersion: string;
  ways: RepoWay[];
  /** `--version` on each side: the start-up that every wall-clock figure includes. */
  startupMs: { ours: Summary; eslint: Summary };
  ourFindings: number;
  load: { start: number; end: number };
  date: string;
}

/** Writes `files` seeded Express route files under a new temporary folder (a repository root). */
export function writeRepoCorpus(files: number, seed: number): RepoCorpus {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hsg-bench-repo-'));
  fs.mkdirSync(path.join(root, '.git'));
  let lines = 0;
  for (let index = 0; index < files; index++) {
    const app = generateParsedApp(FILE_LINES, seed + index);
    const folder = path.join(root, 'src', `module-${String(Math.floor(index / FILES_PER_FOLDER)).padStart(2, '0')}`);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `routes-${String(index).padStart(4, '0')}.js`), app.text);
    lines += app.lines;
  }
  return { root, files, lines, seed };
}

/** One run's output and the CPU time its process used. */
function run(script: string, args: string[], cwd: string): { stdout: string; cpuMs: number } {
  const child = spawnSync(process.execPath, ['-r', CPU_TIME, script, ...args], { cwd, encoding: 'utf8', maxBuffer: 1024 ** 3, env: { ...process.env, NO_COLOR: '1' } });
  // Our exit 1 (and ESLint's) means findings; 2 is a usage error, and a signal a crash.
  if (child.status === null || child.status > 1) throw new Error(`${path.basename(script)} ${args.join(' ')} failed (${child.status ?? child.signal}): ${child.stderr.slice(0, 500)}`);
  const cpu = CPU_LINE.exec(child.stderr);
  if (!cpu) throw new Error(`${path.basename(script)} ${args.join(' ')} did not report its CPU time: ${child.stderr.slice(0, 500)}`);
  return { stdout: child.stdout, cpuMs: Number(cpu[1]) / 1000 };
}

/** Runs our command line and checks that it checked every file; returns its finding count. */
function runOurs(corpus: RepoCorpus, jobs: number): { cpuMs: number; findings: number } {
  const { stdout, cpuMs } = run(CLI, ['--jobs', String(jobs)], corpus.root);
  const summary = /^(\d+) files? checked: (\d+) errors?, (\d+) warnings?, (\d+) information, (\d+) hints?/m.exec(stdout);
  if (!summary || Number(summary[1]) !== corpus.files) throw new Error(`http-status-guide --jobs ${jobs} checked ${summary?.[1] ?? 'an unknown number of'} files, not ${corpus.files}`);
  return { cpuMs, findings: summary.slice(2).reduce((sum, count) => sum + Number(count), 0) };
}

/** Runs ESLint with no config file (its defaults: espree, latest ECMAScript, modules) and no rules. */
function runEslint(corpus: RepoCorpus, concurrency: string): { cpuMs: number } {
  const { stdout, cpuMs } = run(ESLINT, ['--no-config-lookup', '--format', 'json', '--concurrency', concurrency, '.'], corpus.root);
  const results = JSON.parse(stdout) as { messages: unknown[] }[];
  if (results.length !== corpus.files) throw new Error(`ESLint --concurrency ${concurrency} linted ${results.length} files, not ${corpus.files}`);
  // With no rules, any message is a parse failure: ESLint would have stopped early on that file.
  const failed = results.find((result) => result.messages.length > 0);
  if (failed) throw new Error(`ESLint reported on a generated file: ${JSON.stringify(failed).slice(0, 300)}`);
  return { cpuMs };
}

export function benchRepository(corpus: RepoCorpus, rounds: number): RepoResults {
  const loadAtStart = os.loadavg()[0];
  const cores = os.availableParallelism();
  let ourFindings = 0;
  const ours = (jobs: number) => (): { cpuMs: number } => {
    const result = runOurs(corpus, jobs);
    ourFindings = result.findings;
    return result;
  };
  const ways = [
    { label: 'HTTP Status Guide, one thread', command: 'node dist/cli.js --jobs 1', threads: 1, task: ours(1) },
    { label: 'HTTP Status Guide, every core', command: `node dist/cli.js --jobs ${cores}`, threads: cores, task: ours(cores) },
    { label: 'ESLint, parser only, one thread', command: 'eslint --no-config-lookup --format json --concurrency off .', threads: 1, task: () => runEslint(corpus, 'off') },
    { label: 'ESLint, parser only, every core', command: `eslint --no-config-lookup --format json --concurrency ${cores} .`, threads: cores, task: () => runEslint(corpus, String(cores)) },
  ];
  const cpuMs = ways.map((): number[] => []);
  const timed = ways.map((way, index) => () => cpuMs[index].push(way.task().cpuMs));
  const startups = [() => run(CLI, ['--version'], corpus.root), () => run(ESLINT, ['--version'], corpus.root)];
  // One discarded round warms the file cache and the compile cache for every way alike.
  const times = interleave([...timed, ...startups], rounds, 1);
  const eslintOneThread = times[2];
  const perSecond = (ms: number[]): number[] => ms.map((value) => corpus.files / (value / 1000));
  return {
    files: corpus.files,
    lines: corpus.lines,
    seed: corpus.seed,
    rounds,
    eslintVersion: (require('eslint/package.json') as { version: string }).version,
    ways: ways.map((way, index) => ({
      label: way.label,
      command: way.command,
      threads: way.threads,
      wallMs: summarize(times[index]),
      filesPerSecond: summarize(perSecond(times[index])),
      // The warm-up round's CPU time is dropped with its wall clock.
      filesPerCpuSecond: summarize(perSecond(cpuMs[index].slice(-rounds))),
      againstEslint: summarize(ratios(eslintOneThread, times[index])),
    })),
    startupMs: { ours: summarize(times[4]), eslint: summarize(times[5]) },
    ourFindings,
    load: { start: loadAtStart, end: os.loadavg()[0] },
    date: new Date().toISOString().slice(0, 10),
  };
}
