// Child processes started by the harness, each in its own process group, so that
// stopping one also stops what it spawned (code-server forks an extension host,
// a pty host and file watchers). Every group is killed by its PID on exit and on
// SIGINT/SIGTERM/SIGHUP, whatever state the tests are in; scratch folders go too.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';

const running = new Set<ChildProcess>();
const scratchDirs = new Set<string>();
let hooksInstalled = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => {
    for (const child of running) killGroup(child, 'SIGKILL');
    for (const dir of scratchDirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const child of running) killGroup(child, 'SIGKILL');
      process.exit(128 + os.constants.signals[signal]);
    });
  }
}

/** Makes a scratch folder that is removed at exit, even when the run is interrupted. */
export function makeScratchDir(prefix: string): string {
  installExitHooks();
  const dir = fs.mkdtempSync(prefix);
  scratchDirs.add(dir);
  return dir;
}

/** Removes a scratch folder now. */
export function removeScratchDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  scratchDirs.delete(dir);
}

/** Spawns a tracked child in a new process group. */
export function spawnTracked(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  installExitHooks();
  const child = spawn(command, args, { ...options, detached: true });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Stops a tracked child's whole group: SIGTERM, then SIGKILL if it lingers. */
export async function stopTracked(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    // The leader is gone, but children it forked may still hold the group.
    killGroup(child, 'SIGKILL');
    running.delete(child);
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  killGroup(child, 'SIGKILL');
  running.delete(child);
}

/** Runs a command to completion (output shown with HSG_VERBOSE=1); rejects with the output's tail on failure. */
export async function runCommand(command: string, args: readonly string[], options: SpawnOptions = {}): Promise<string> {
  const child = spawnTracked(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output += chunk.toString();
    if (process.env.HSG_VERBOSE === '1') process.stderr.write(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode) => resolve(exitCode));
  });
  running.delete(child);
  if (code !== 0) {
    const tail = output.split('\n').slice(-40).join('\n');
    throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${tail}`);
  }
  return output;
}
