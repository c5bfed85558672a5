// The machine and versions a run was measured on: figures mean little without them.
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import * as ts from 'typescript';

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  typescript: string;
  /** Short hash, with `+changes` when the work tree differs from it. */
  commit: string;
  date: string;
}

function commitOf(root: string): string {
  try {
    const hash = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${hash}+changes` : hash;
  } catch {
    return 'unknown';
  }
}

export function describeMachine(root: string): Machine {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: os.availableParallelism(),
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}`,
    node: process.versions.node,
    typescript: ts.version,
    commit: commitOf(root),
    date: new Date().toISOString().slice(0, 10),
  };
}
