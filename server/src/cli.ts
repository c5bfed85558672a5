// `http-status-guide [paths or globs…]`: the editor's analysis on the command line, for CI and
// pre-commit. The same bundle is the worker thread of large runs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { version } from '../../package.json';
import { findConfigFile, readProjectConfig } from './config/projectConfig';
import { overlaid, settingsFrom, type Settings } from './settings';
import { analyseFile, type FileReport } from './cli/analyseFile';
import { HELP, parseArgs, type CliOptions } from './cli/args';
import { checkPaths, filesToAnalyse, UsageError } from './cli/files';
import { addToTotals, emptyTotals, type FormatContext, type Formatter } from './cli/formats/formatter';
import { jsonFormatter } from './cli/formats/json';
import { readableFormatter } from './cli/formats/readable';
import { sarifFormatter } from './cli/formats/sarif';
import { driftReports, ProjectRoutesCollector, routeRows, routesTable } from './cli/routes';
import { analyseAll, type JobSettings } from './cli/run';
import { moduleReadingOf } from './cli/diskModules';
import { openApiDocumentPath } from './workspace/openApiDocuments';
import { serveAnalyses } from './cli/worker';

/** A progress line shows only on a terminal, and only once a run has taken this long. */
const PROGRESS_AFTER_MS = 1_000;

function formatterFor(options: CliOptions, context: FormatContext): Formatter {
  if (options.format === 'json') return jsonFormatter(context);
  if (options.format === 'sarif') return sarifFormatter(context, version);
  return readableFormatter(context);
}

function progress(): { tick(): void; clear(): void } {
  if (!process.stderr.isTTY) return { tick: () => undefined, clear: () => undefined };
  const started = Date.now();
  let count = 0;
  let shown = false;
  return {
    tick() {
      count++;
      if (Date.now() - started < PROGRESS_AFTER_MS) return;
      shown = true;
      process.stderr.write(`\r${count} files checked…`);
    },
    clear() {
      if (shown) process.stderr.write('\r\u001b[K');
    },
  };
}

/** The OpenAPI document: the config's `openApi.document` (from the config file's folder), or the first named like one here. */
function openApiDocument(settings: Settings, configFolder: string, cwd: string): { file: string; text: string } | undefined {
  const file = openApiDocumentPath(settings.openApiDocument ? configFolder : cwd, settings);
  if (!file) return undefined;
  try {
    return { file, text: fs.readFileSync(file, 'utf8') };
  } catch (error) {
    process.stderr.write(`The OpenAPI document ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): no drift is reported.\n`);
    return undefined;
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const options = parseArgs(argv);
  if (options.help) return void process.stdout.write(HELP), 0;
  if (options.version) return void process.stdout.write(`${version}\n`), 0;
  const cwd = process.cwd();
  const configFile = options.config ? path.resolve(cwd, options.config) : findConfigFile(cwd);
  if (options.config && !fs.existsSync(configFile!)) throw new UsageError(`The config file ${configFile} does not exist.`);
  const config = readProjectConfig(configFile);
  if (config.errors.length > 0) throw new UsageError(`Invalid configuration:\n  ${config.errors.join('\n  ')}`);
  checkPaths(options.patterns, cwd);
  const settings = settingsFrom(overlaid(config.section, { rules: options.rules }));
  const document = options.stdin || !settings.enable ? undefined : openApiDocument(settings, configFile ? path.dirname(configFile) : cwd, cwd);
  // Routes are joined for --routes, and for drift when there is a document to compare them with.
  const collector = options.routes || document ? new ProjectRoutesCollector() : undefined;
  const job: JobSettings = { options: settings.analysis, fix: options.fix, reportUnusedDisableComments: options.reportUnusedDisableComments, modules: moduleReadingOf(settings), routes: collector !== undefined };
  const threads = { jobs: options.jobs, workerScript: __filename };
  if (options.routes) {
    if (settings.enable) await analyseAll(filesToAnalyse(options.patterns, cwd, settings), job, (report) => collector!.add(report), threads);
    const rows = routeRows(collector!.routes(), cwd);
    process.stdout.write(options.format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : routesTable(rows));
    return 0;
  }
  const totals = emptyTotals();
  const formatter = formatterFor(options, { cwd, write: (text) => process.stdout.write(text), colour: process.stdout.isTTY === true && !process.env.NO_COLOR, fix: options.fix });
  const shown = progress();
  const onReport = (report: FileReport, newFile = true): void => {
    collector?.add(report);
    const { routes: _facts, ...shownReport } = report;
    const kept: FileReport = options.quiet ? { ...shownReport, findings: report.findings.filter((finding) => finding.severity === 'error') } : shownReport;
    addToTotals(totals, kept, newFile);
    if (newFile) shown.tick();
    formatter.file(kept);
  };
  if (options.stdin) {
    const text = fs.readFileSync(0, 'utf8');
    onReport(analyseFile({ ...job, file: path.resolve(cwd, options.stdinFilename ?? 'stdin.ts'), text }));
  } else if (settings.enable) {
    await analyseAll(filesToAnalyse(options.patterns, cwd, settings), job, onReport, threads);
  } else process.stderr.write(`Nothing checked: "enable" is false in ${configFile}.\n`);
  if (document && collector) for (const report of driftReports(document.file, document.text, collector.routes())) onReport(report, false);
  shown.clear();
  formatter.end(totals);
  const tooManyWarnings = options.maxWarnings >= 0 && totals.bySeverity.warning > options.maxWarnings;
  if (tooManyWarnings && options.format === 'readable') process.stdout.write(`Too many warnings (${totals.bySeverity.warning}, at most ${options.maxWarnings} allowed).\n`);
  return totals.bySeverity.error > 0 || tooManyWarnings ? 1 : 0;
}

if (isMainThread) {
  // A reader that stops early (`| head`) is not an error of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(error instanceof UsageError ? `http-status-guide: ${error.message}\n` : `http-status-guide: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 2;
    },
  );
} else serveAnalyses();
