// `npm run eval`: scores the rules against the labelled real-code set in eval/labels/. A finding
// matches a label when the rule and the line are the same, with default settings and the project
// facts the editor would read (the nearest package.json at the labelled commit). Repositories
// are read from HSG_EVAL_REPOS (git directories, as the search tool's fetch leaves them); they
// are never committed. Held-out repositories are scored apart and their misses are not listed.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, DEFAULT_OPTIONS } from '../server/src/analysis';
import type { ModuleSource } from '../server/src/analysis/facts/modules';
import { RULES, RULE_IDS } from '../server/src/analysis/rules';
import { ProjectFactsLoader, type PackageJsonReader } from '../server/src/projectFacts';

const LABELS = path.join(__dirname, 'labels');

interface LabelledRepo {
  repo: string;
  commit: string;
  framework: string;
  kind: string;
  files: string[];
  /** Non-ok labels as `path:line:rule`. */
  mistakes: Set<string>;
  sites: number;
}

type Split = 'dev' | 'held-out';

/** Stated before any finding was looked at: a third of the repositories, by a hash of the name. */
export function splitOf(repo: string): Split {
  const hash = BigInt(`0x${createHash('sha256').update(repo).digest('hex')}`);
  return hash % 3n === 0n ? 'held-out' : 'dev';
}

function readLabels(file: string): LabelledRepo {
  const header = new Map<string, string>();
  const mistakes = new Set<string>();
  let sites = 0;
  const where = new Set<string>();
  for (const [index, line] of fs.readFileSync(file, 'utf8').split('\n').entries()) {
    if (line.trim() === '') continue;
    const meta = /^#\s*(\w+):\s*(.*)$/.exec(line);
    if (meta) {
      header.set(meta[1], meta[2].trim());
      continue;
    }
    if (line.startsWith('#')) continue;
    const [filePath, lineText, rule] = line.split('\t');
    if (!filePath || !/^\d+$/.test(lineText ?? '') || !rule) throw new Error(`${file}:${index + 1}: expected path<TAB>line<TAB>rule-or-ok<TAB>note`);
    if (rule !== 'ok' && !(RULE_IDS as readonly string[]).includes(rule)) throw new Error(`${file}:${index + 1}: unknown rule "${rule}"`);
    if (!where.has(`${filePath}:${lineText}`)) sites++;
    where.add(`${filePath}:${lineText}`);
    if (rule !== 'ok') mistakes.add(`${filePath}:${lineText}:${rule}`);
  }
  const required = (key: string): string => {
    const value = header.get(key);
    if (!value) throw new Error(`${file}: no "# ${key}:" header`);
    return value;
  };
  const files = required('files').split(',').map((name) => name.trim()).filter(Boolean);
  return { repo: required('repo'), commit: required('commit'), framework: required('framework').split(/\s/)[0], kind: required('kind'), files, mistakes, sites };
}

function gitDirOf(reposRoot: string, repo: string): string {
  return path.join(reposRoot, repo.replace('/', '+'), 'repo');
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

const gitShow = (gitDir: string, commit: string, file: string): string =>
  execFileSync('git', ['--git-dir', gitDir, 'show', `${commit}:${file}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

function filesOf(gitDir: string, commit: string): Set<string> {
  const tree = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '--name-only', commit], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return new Set(tree.split('\n').filter(Boolean));
}

/** The package.json files of one commit, for the server's loader: what the editor would read in that checkout. */
function commitReader(gitDir: string, commit: string, files: ReadonlySet<string>): PackageJsonReader {
  const inTree = (file: string): boolean => path.posix.basename(file) === 'package.json' && files.has(path.posix.normalize(file));
  return {
    stamp: async (file) => (inTree(file) ? commit : undefined),
    read: async (file) => (inTree(file) ? gitShow(gitDir, commit, path.posix.normalize(file)) : undefined),
  };
}

/** The project's own modules at the commit, as the CLI and the workspace index would read them from a checkout. */
function commitModules(gitDir: string, commit: string, files: ReadonlySet<string>): ModuleSource {
  const texts = new Map<string, string | undefined>();
  return {
    read: (file) => {
      const name = path.posix.normalize(file);
      if (!texts.has(name)) texts.set(name, files.has(name) ? gitShow(gitDir, commit, name) : undefined);
      return texts.get(name);
    },
  };
}

/** Findings of every chosen file as `path:line:rule`, with default settings and the file's project facts. */
async function findingsOf(gitDir: string, labelled: LabelledRepo): Promise<Set<string>> {
  const found = new Set<string>();
  const files = filesOf(gitDir, labelled.commit);
  const projects = new ProjectFactsLoader(commitReader(gitDir, labelled.commit, files));
  const modules = commitModules(gitDir, labelled.commit, files);
  for (const file of labelled.files) {
    const text = gitShow(gitDir, labelled.commit, file);
    const project = await projects.factsFor(file);
    for (const finding of analyze(text, file, { ...DEFAULT_OPTIONS, project, modules }).findings) {
      if (finding.ruleId === 'unknown-rule') continue;
      found.add(`${file}:${lineOf(text, finding.range.start)}:${finding.ruleId}`);
    }
  }
  return found;
}

interface Tally {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

const emptyTally = (): Tally => ({ truePositives: 0, falsePositives: 0, falseNegatives: 0 });

function add(tallies: Map<string, Tally>, key: string, field: keyof Tally): void {
  const tally = tallies.get(key) ?? emptyTally();
  tally[field]++;
  tallies.set(key, tally);
}

const percent = (part: number, whole: number): string => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(0)}% (${part}/${whole})`);

function row(name: string, tally: Tally): string {
  const reported = tally.truePositives + tally.falsePositives;
  const labelled = tally.truePositives + tally.falseNegatives;
  return `| ${name} | ${percent(tally.truePositives, reported)} | ${percent(tally.truePositives, labelled)} |`;
}

/** Rules that are off by default: scored with default settings, their labels are listed but not in the totals. */
const offByDefault = new Set<string>(RULE_IDS.filter((id) => RULES[id].meta.defaultSeverity === 'off'));

function report(split: Split, scored: { labelled: LabelledRepo; found: Set<string> }[], details: boolean): void {
  const byRule = new Map<string, Tally>();
  const byFramework = new Map<string, Tally>();
  const total = emptyTally();
  const misses: string[] = [];
  let sites = 0;
  for (const { labelled, found } of scored) {
    sites += labelled.sites;
    const count = (key: string, field: keyof Tally): void => {
      const rule = key.slice(key.lastIndexOf(':') + 1);
      add(byRule, rule, field);
      if (offByDefault.has(rule)) return;
      add(byFramework, labelled.framework, field);
      total[field]++;
    };
    for (const key of found) {
      count(key, labelled.mistakes.has(key) ? 'truePositives' : 'falsePositives');
      if (!labelled.mistakes.has(key)) misses.push(`  false positive  ${labelled.repo} ${key}`);
    }
    for (const key of labelled.mistakes) {
      if (found.has(key)) continue;
      count(key, 'falseNegatives');
      misses.push(`  missed          ${labelled.repo} ${key}`);
    }
  }
  console.log(`\n## ${split}: ${scored.length} repositories, ${sites} labelled sites\n`);
  console.log('| | precision | recall |\n|---|---|---|');
  console.log(row('**all rules on by default**', total));
  console.log('\n| framework | precision | recall |\n|---|---|---|');
  for (const [framework, tally] of [...byFramework].sort()) console.log(row(framework, tally));
  console.log('\n| rule | precision | recall |\n|---|---|---|');
  for (const rule of RULE_IDS) {
    const tally = byRule.get(rule);
    if (tally) console.log(row(offByDefault.has(rule) ? `${rule} (off by default)` : rule, tally));
  }
  if (details && misses.length > 0) console.log(`\n${misses.sort().join('\n')}`);
}

async function main(): Promise<void> {
  const reposRoot = process.env.HSG_EVAL_REPOS;
  const labelFiles = fs.readdirSync(LABELS).filter((name) => name.endsWith('.tsv')).sort();
  const labelled = labelFiles.map((name) => readLabels(path.join(LABELS, name)));
  const available = reposRoot === undefined ? [] : labelled.filter((entry) => fs.existsSync(gitDirOf(reposRoot, entry.repo)));
  const missing = labelled.filter((entry) => !available.includes(entry));
  if (missing.length > 0) {
    console.error(
      `${missing.length} of ${labelled.length} labelled repositories are not in HSG_EVAL_REPOS (${reposRoot ?? 'unset'}).\n` +
        `Fetch each with the search tool's fetch (github:<owner>/<name>), which leaves <owner>+<name>/repo under one folder, ` +
        `and point HSG_EVAL_REPOS at that folder. Missing: ${missing.map((entry) => entry.repo).join(', ')}`,
    );
  }
  if (available.length === 0) {
    process.exitCode = 1;
    return;
  }
  const showHeldOut = process.argv.includes('--held-out');
  for (const split of ['dev', 'held-out'] as const) {
    const scored: { labelled: LabelledRepo; found: Set<string> }[] = [];
    for (const entry of available.filter((candidate) => splitOf(candidate.repo) === split)) {
      scored.push({ labelled: entry, found: await findingsOf(gitDirOf(reposRoot!, entry.repo), entry) });
    }
    // Held-out misses stay unseen while rules change; `--held-out` lists them at the end.
    report(split, scored, process.argv.includes('--details') && (split === 'dev' || showHeldOut));
  }
}

void main();
