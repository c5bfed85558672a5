// Where the analysis spends its time: `node --cpu-prof` on a child that analyses one generated app
// repeatedly, summarised as self time per function. A child process keeps the profile free of
// whatever the bench ran before (ESLint's warm code changes what V8 inlines and reports).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../server/src/analysis';
import { generateApp } from './generate';

export interface HotSpot {
  /** `functionName (dir/file)`; anonymous functions show as `(anonymous)`. */
  name: string;
  /** Per analysis (the profile also holds module loading, so figures are slightly high). */
  ms: number;
  share: number;
}

export interface Profile {
  /** Our analysis functions by inclusive time (callees included): the phases. */
  phases: HotSpot[];
  /** Any function, ours or TypeScript's, by self time. */
  functions: HotSpot[];
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

function labelOf(callFrame: CpuProfile['nodes'][number]['callFrame']): string {
  const file = callFrame.url ? callFrame.url.replace(/^file:\/\//, '').split('/').slice(-2).join('/') : '';
  return `${callFrame.functionName || '(anonymous)'}${file ? ` (${file})` : ''}`;
}

/** Microseconds per label: self (the sampled frame) and inclusive (anywhere on the stack, once). */
function times(profile: CpuProfile): { self: Map<string, number>; inclusive: Map<string, number>; total: number } {
  const labels = new Map(profile.nodes.map((node) => [node.id, labelOf(node.callFrame)]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    const label = labels.get(id) ?? '?';
    if (IDLE.has(label)) return;
    total += delta;
    self.set(label, (self.get(label) ?? 0) + delta);
    const onStack = new Set<string>();
    for (let frame: number | undefined = id; frame !== undefined; frame = parents.get(frame)) onStack.add(labels.get(frame) ?? '?');
    for (const name of onStack) inclusive.set(name, (inclusive.get(name) ?? 0) + delta);
  });
  return { self, inclusive, total };
}

const IDLE = new Set(['(idle)', '(program)', '(root)']);
/** Our own named functions, not the getters of transpiled imports. */
const OURS = /^[A-Za-z_$][\w$]* \((analysis|rules)\//;

function top(entries: Map<string, number>, total: number, runs: number, count: number, keep: (name: string) => boolean): HotSpot[] {
  return [...entries.entries()]
    .filter(([name]) => keep(name))
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => ({ name, ms: us / 1000 / runs, share: us / total }));
}

/** Profiles `runs` analyses of the seeded app of `lines` lines. */
export function profileAnalysis(lines: number, seed: number, runs: number, count: number): Profile {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hsg-bench-profile-'));
  try {
    execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', __filename, String(lines), String(seed), String(runs)], { stdio: 'pipe' });
    // tsx's loader runs in a worker that writes its own, smaller profile.
    const largest = fs.readdirSync(dir).map((name) => path.join(dir, name)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
    const { self, inclusive, total } = times(JSON.parse(fs.readFileSync(largest, 'utf8')) as CpuProfile);
    return {
      phases: top(inclusive, total, runs, count, (name) => OURS.test(name) && !name.startsWith('get ')),
      functions: top(self, total, runs, count, () => true),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// The profiled child: node --cpu-prof --import tsx bench/profile.ts <lines> <seed> <runs>
if (require.main === module) {
  const [lines, seed, runs] = process.argv.slice(2).map(Number);
  const app = generateApp(lines, seed);
  for (let run = 0; run < runs; run++) analyze(app.text, 'app.js');
}
