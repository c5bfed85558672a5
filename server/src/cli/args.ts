// The command line, parsed and checked before anything runs: a bad option is a usage error
// (exit 2) naming the option.
import * as os from 'node:os';
import { isRuleId } from '../analysis/rules';
import type { RuleSetting } from '../analysis/types';
import { UsageError } from './files';

export type Format = 'readable' | 'json' | 'sarif';

export interface CliOptions {
  patterns: string[];
  format: Format;
  quiet: boolean;
  maxWarnings: number;
  rules: Record<string, RuleSetting>;
  stdin: boolean;
  stdinFilename?: string;
  reportUnusedDisableComments: boolean;
  fix: 'none' | 'write' | 'dry-run';
  config?: string;
  /** Threads that analyse files; 1 analyses in the main thread, with no worker threads. */
  jobs: number;
  /** Print the project's routes instead of findings. */
  routes: boolean;
  help: boolean;
  version: boolean;
}

export const HELP = `Usage: http-status-guide [options] [paths or globs...]

Checks JavaScript and TypeScript files for HTTP status code mistakes (default: the current folder).
Honours .gitignore, skips node_modules and the config file's "exclude".

Options:
  --format <readable|json|sarif>   Output format (default: readable)
  --quiet                          Report errors only
  --max-warnings <n>               Fail (exit 1) when there are more than n warnings
  --rule <id=severity>             Override a rule: off, hint, information, warning or error (repeatable)
  --config <file>                  The config file (default: .httpstatusguiderc.json or
                                   httpstatusguide.config.json here or in a folder above)
  --stdin                          Read the code from standard input
  --stdin-filename <file>          The file name of the code on standard input
  --report-unused-disable-comments Warn about disable comments that disable nothing
  --fix                            Apply the preferred fixes (as the editor's Fix All) and write changed files
  --fix-dry-run                    Report what --fix would change, without writing
  --jobs <n>                       Analyse on n threads; 1 uses no worker threads
                                   (default: one per core, at most 16)
  --routes                         List the project's routes (method, full path, statuses, problems)
                                   instead of findings: a table, or JSON with --format json
  --help, -h                       Show this help
  --version, -v                    Show the version

With an OpenAPI document (openapi.yaml, swagger.json, … or the config file's "openApi.document"),
the drift between it and the routes is reported too (openapi-* ids), after the files' findings.

Exit codes: 0 no errors and warnings within --max-warnings; 1 otherwise; 2 usage or configuration error.
`;

const SEVERITIES = new Set(['off', 'hint', 'information', 'warning', 'error']);
/** More threads than this only add start-up time and memory: the main thread writes every report. */
const MAX_DEFAULT_JOBS = 16;

function coreCount(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { patterns: [], format: 'readable', quiet: false, maxWarnings: -1, rules: {}, stdin: false, reportUnusedDisableComments: false, fix: 'none', jobs: Math.min(coreCount(), MAX_DEFAULT_JOBS), routes: false, help: false, version: false };
  for (let index = 0; index < argv.length; index++) {
    const [flag, inline] = argv[index].startsWith('--') ? argv[index].split(/=(.*)/s) : [argv[index]];
    const value = (): string => {
      const given = inline ?? argv[++index];
      if (given === undefined) throw new UsageError(`${flag} needs a value.`);
      return given;
    };
    switch (flag) {
      case '--format': {
        const format = value();
        if (format !== 'readable' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format must be readable, json or sarif, not "${format}".`);
        options.format = format;
        break;
      }
      case '--max-warnings': {
        const given = value();
        if (!/^\d+$/.test(given)) throw new UsageError(`--max-warnings must be a whole number, not "${given}".`);
        options.maxWarnings = Number(given);
        break;
      }
      case '--rule': {
        const [id, severity] = value().split('=');
        if (!isRuleId(id)) throw new UsageError(`--rule: "${id}" is not a rule id.`);
        if (!SEVERITIES.has(severity)) throw new UsageError(`--rule ${id}: the severity must be off, hint, information, warning or error, not "${severity ?? ''}".`);
        options.rules[id] = severity as RuleSetting;
        break;
      }
      case '--jobs': {
        const given = value();
        if (!/^[1-9]\d*$/.test(given)) throw new UsageError(`--jobs must be a whole number of at least 1, not "${given}".`);
        options.jobs = Number(given);
        break;
      }
      case '--config':
        options.config = value();
        break;
      case '--stdin-filename':
        options.stdinFilename = value();
        break;
      case '--quiet':
        options.quiet = true;
        break;
      case '--stdin':
        options.stdin = true;
        break;
      case '--report-unused-disable-comments':
        options.reportUnusedDisableComments = true;
        break;
      case '--fix':
        options.fix = 'write';
        break;
      case '--fix-dry-run':
        options.fix = 'dry-run';
        break;
      case '--routes':
        options.routes = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      case '--version':
      case '-v':
        options.version = true;
        break;
      default:
        if (flag.startsWith('-')) throw new UsageError(`Unknown option ${flag}. See --help.`);
        options.patterns.push(flag);
    }
  }
  if (options.stdin && options.patterns.length > 0) throw new UsageError('--stdin takes no paths.');
  if (options.stdinFilename && !options.stdin) throw new UsageError('--stdin-filename needs --stdin.');
  if (options.stdin && options.fix === 'write') throw new UsageError('--fix cannot write to standard input; use --fix-dry-run.');
  if (options.routes && (options.stdin || options.fix !== 'none')) throw new UsageError('--routes lists the routes of files on disk; it takes no --stdin or --fix.');
  if (options.routes && options.format === 'sarif') throw new UsageError('--routes prints a table or JSON, not SARIF.');
  return options;
}
