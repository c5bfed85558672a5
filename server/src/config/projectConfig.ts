// The project config file, shared by the CLI and the language server: found by walking up from a
// folder, read as JSON with comments (never executed), checked against the generated schema. A bad
// key is named with its file; the valid keys are still used.
import * as fs from 'node:fs';
import * as path from 'node:path';
import schema from '../../../schemas/httpstatusguiderc.schema.json';
import { parseJsonc } from './jsonc';
import { problemsOf, type ConfigProblem, type Schema } from './validate';

/** The first name found wins; the second is for projects that prefer a visible file. */
export const CONFIG_FILE_NAMES = ['.httpstatusguiderc.json', 'httpstatusguide.config.json'];

export interface ProjectConfig {
  /** The config file, or undefined when the project has none. */
  file?: string;
  /** The `httpStatusGuide` settings section it holds, without its bad keys. */
  section: Record<string, unknown>;
  /** One line per bad key, or one for an unreadable or unparsable file, each naming the file. */
  errors: string[];
}

/** The config file in `folder` itself, if any. */
export function configFileIn(folder: string): string | undefined {
  return CONFIG_FILE_NAMES.map((name) => path.join(folder, name)).find((file) => fs.existsSync(file));
}

/** The config file in `folder` or the nearest folder above it. */
export function findConfigFile(folder: string): string | undefined {
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    const file = configFileIn(current);
    if (file) return file;
    if (path.dirname(current) === current) return undefined;
  }
}

function withoutKey(section: Record<string, unknown>, problem: ConfigProblem): void {
  const [head, rest] = problem.key.split(/\.(.*)/s);
  const top = head.replace(/\[\d+\]$/, '');
  const child = section[top];
  // A bad rule severity drops that rule only; any other bad value drops its whole key.
  if (top === 'rules' && rest && typeof child === 'object' && child !== null) delete (child as Record<string, unknown>)[rest];
  else delete section[top];
}

export function readProjectConfig(file: string | undefined): ProjectConfig {
  if (!file) return { section: {}, errors: [] };
  let value: unknown;
  try {
    value = parseJsonc(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return { file, section: {}, errors: [`${file}: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const problems = problemsOf(value, schema as Schema);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { file, section: {}, errors: problems.map((problem) => `${file}: ${problem.message}`) };
  const section = structuredClone(value) as Record<string, unknown>;
  for (const problem of problems) withoutKey(section, problem);
  delete section.$schema;
  return { file, section, errors: problems.map((problem) => `${file}: "${problem.key}" ${problem.message}`) };
}
