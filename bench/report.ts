// Renders the results as the markdown that `npm run bench` prints and writes to docs/benchmarks.md.
import type { AnalysisResults } from './analysisBench';
import { WARMUP_ROUNDS, type EslintResults } from './eslintBench';
import type { Machine } from './machine';
import type { PackageResults } from './packageBench';
import { indexSection, readingTarget, TARGET_FILES, type IndexResults } from './indexBench';
import type { HotSpot, Profile } from './profile';
import { WARM_UP_EDITS, type ProtocolResults } from './protocolBench';
import type { RepoResults } from './repoBench';
import type { Summary } from './stats';

export interface BenchResults {
  machine: Machine;
  analysis: AnalysisResults;
  eslint: EslintResults;
  protocol?: ProtocolResults;
  protocolError?: string;
  index?: IndexResults;
  indexError?: string;
  pack: PackageResults;
  repo?: RepoResults;
  repoError?: string;
  profile?: Profile;
  seconds: number;
  /** 1-minute load average at the start and the end: other work on the machine skews figures. */
  load: { start: number; end: number };
}

interface Target {
  what: string;
  goal: string;
  measured: string;
  met: boolean | undefined;
}

const digits = (value: number): number => (value >= 100 ? 0 : value >= 10 ? 1 : 2);
const num = (value: number, fixed = digits(value)): string => value.toFixed(fixed);
/** `median (p25–p75)`: the figure and how much it moved between rounds. */
const spread = (s: Summary, unit = '', fixed?: number): string => `${num(s.median, fixed)}${unit} (${num(s.p25, fixed)}–${num(s.p75, fixed)})`;
const range = (s: Summary, unit = '', fixed?: number): string => `${num(s.median, fixed)}${unit} (${num(s.min, fixed)}–${num(s.max, fixed)})`;
const times = (value: number): string => `${num(value)}×`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const kb = (bytes: number): string => `${Math.round(bytes / 1024)} KB`;
const verdict = (met: boolean | undefined): string => (met === undefined ? 'not measured' : met ? 'met' : '**not met**');

function targets(results: BenchResults): Target[] {
  const { analysis, eslint, protocol, pack, index } = results;
  const reading = index && readingTarget(index);
  const medium = analysis.corpora.find((result) => result.corpus.label === analysis.scaling.from);
  const eslintMedium = eslint.results.find((result) => result.corpus.label === analysis.scaling.from);
  return [
    { what: `analysis ÷ parse, ${analysis.scaling.from}`, goal: '≤ 2.0×', measured: medium ? times(medium.ratio.median) : '–', met: medium && medium.ratio.median <= 2 },
    { what: `analysis time ${analysis.scaling.to} ÷ ${analysis.scaling.from}`, goal: '≤ 5.5', measured: num(analysis.scaling.analyze.median), met: analysis.scaling.analyze.median <= 5.5 },
    {
      what: `faster than ESLint with no rules (its parse pipeline), ${analysis.scaling.from}`,
      goal: '≥ 3×',
      measured: eslintMedium ? times(eslintMedium.speedupNoRules.median) : '–',
      met: eslintMedium && eslintMedium.speedupNoRules.median >= 3,
    },
    { what: `didChange → diagnostics p95, minus the ${protocol?.debounceMs ?? '?'} ms debounce, ~2k lines`, goal: '≤ 15 ms', measured: protocol ? `${num(protocol.editLatency.p95)} ms` : '–', met: protocol && protocol.editLatency.p95 <= 15 },
    { what: `didChange → diagnostics p95, minus the ${protocol?.debounceMs ?? '?'} ms debounce, ~10k lines`, goal: '≤ 30 ms', measured: protocol ? `${num(protocol.largeEditLatency.p95)} ms` : '–', met: protocol && protocol.largeEditLatency.p95 <= 30 },
    { what: 'hover p95', goal: '≤ 5 ms', measured: protocol ? `${num(protocol.hoverLatency.p95)} ms` : '–', met: protocol && protocol.hoverLatency.p95 <= 5 },
    { what: `server RSS right after opening ${protocol?.openFiles ?? 100} files`, goal: '≤ 150 MB', measured: protocol ? `${num(protocol.rssOpenMb.median)} MB` : '–', met: protocol && protocol.rssOpenMb.median <= 150 },
    {
      what: `server RSS with ${protocol?.openFiles ?? 100} files open, ${protocol ? protocol.idleMs / 1000 : '?'} s after the last open`,
      goal: '≤ 150 MB',
      measured: protocol ? `${num(protocol.rssIdleMb.median)} MB` : '–',
      met: protocol && protocol.rssIdleMb.median <= 150,
    },
    { what: `heap the workspace index holds, ${index?.files.toLocaleString('en') ?? '2,000'} files`, goal: '≤ 50 MB', measured: index ? `${index.heapMb.toFixed(1)} MB` : '–', met: index && index.files >= TARGET_FILES ? index.heapMb <= 50 : undefined },
    { what: 'edit → diagnostics p95 while the index reads', goal: 'idle p95 + one parse of the largest file', measured: index?.editsReading && reading ? `${num(index.editsReading.p95)} ms (bound ${num(reading.bound)} ms)` : '–', met: reading?.met },
    { what: '.vsix size', goal: '≤ 2.5 MB', measured: pack.vsixBytes === undefined ? '–' : mb(pack.vsixBytes), met: pack.vsixBytes === undefined ? undefined : pack.vsixBytes <= 2.5 * 1024 * 1024 },
  ];
}

export function summaryLine(results: BenchResults): string {
  const { analysis, eslint, protocol, pack, machine } = results;
  const medium = analysis.corpora.find((result) => result.corpus.label === analysis.scaling.from);
  const eslintMedium = eslint.results.find((result) => result.corpus.label === analysis.scaling.from);
  const parts = [
    medium && `a ${medium.corpus.lines.toLocaleString('en')}-line Express app is analysed (${analysis.rules} rules) in ${num(medium.analyze.median)} ms, ${times(medium.ratio.median)} TypeScript's bare parse`,
    `${num(analysis.scaling.lineRatio, 0)}× the lines take ${times(analysis.scaling.analyze.median)} as long`,
    eslintMedium && `${times(eslintMedium.speedupNoRules.median)} as fast as ESLint with no rules (${times(eslintMedium.speedupHub.median)} against ESLint running one status rule)`,
    protocol && `diagnostics ${num(protocol.editLatency.median)} ms (p50) / ${num(protocol.editLatency.p95)} ms (p95) after the ${protocol.debounceMs} ms edit debounce on a ${protocol.editFileLines.toLocaleString('en')}-line file`,
    protocol && `hover ${num(protocol.hoverLatency.median)} / ${num(protocol.hoverLatency.p95)} ms`,
    protocol && `${num(protocol.rssIdleMb.median, 0)} MB RSS with ${protocol.openFiles} files open, ${protocol.idleMs / 1000} s after the last open`,
    protocol && `ready in ${num(protocol.startup.median, 0)} ms`,
    pack.vsixBytes !== undefined ? `.vsix ${mb(pack.vsixBytes)}` : `server bundle ${mb(pack.bundles[0].bytes)} (no .vsix)`,
  ].filter((part): part is string => typeof part === 'string');
  return `Summary: ${parts.join('; ')} (${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}, ${machine.date}).`;
}

/** Seeded vs found per kind for every generated app, and a reason for each difference. */
function reconciliationLines(analysis: AnalysisResults): string[] {
  const apps = analysis.corpora.filter((r) => r.reconciliation);
  if (apps.length === 0) return [];
  const kinds = [...new Set(apps.flatMap((r) => r.reconciliation?.kinds.map((kind) => kind.kind) ?? []))];
  const row = (kind: string): string => {
    const cells = apps.map((r) => {
      const entry = r.reconciliation?.kinds.find((candidate) => candidate.kind === kind);
      return entry ? `${entry.seeded} / ${entry.found}` : '–';
    });
    const rule = apps.flatMap((r) => r.reconciliation?.kinds ?? []).find((entry) => entry.kind === kind)?.rule;
    return `| ${kind} | \`${rule}\` | ${cells.join(' | ')} |`;
  };
  const differences = apps.flatMap((r) => [
    ...(r.reconciliation?.kinds ?? []).flatMap((kind) => kind.missed.map((reason) => `- ${r.corpus.label}, ${kind.kind}, missed: ${reason}.`)),
    ...(r.reconciliation?.extras ?? []).map((extra) => `- ${r.corpus.label}, \`${extra.rule}\`: ${extra.count} finding${extra.count === 1 ? '' : 's'} in no handler seeded with its kind, e.g. ${extra.example}.`),
  ]);
  return [
    'Seeded vs found, per kind (seeded / found): a seeded mistake is found when its kind\'s rule reports inside the handler or middleware that holds it; any other finding counts as an extra. About one handler in five carries a mistake.',
    '',
    `| kind | rule | ${apps.map((r) => r.corpus.label).join(' | ')} |`,
    `|---|---|${apps.map(() => '---:').join('|')}|`,
    ...kinds.map(row),
    '',
    ...(differences.length > 0 ? ['Every difference, with its reason (worked out by `bench/reconcile.ts` from the code):', '', ...differences] : ['Every seeded mistake is found, and nothing else is reported.']),
  ];
}

function analysisSection({ analysis }: BenchResults): string[] {
  const rows = analysis.corpora.map(
    (r) => `| ${r.corpus.label} | ${r.corpus.lines} | ${r.corpus.mistakes ?? '–'} | ${r.findings} | ${spread(r.parse, ' ms')} | ${spread(r.analyze, ' ms')} | ${spread(r.ratio, '×')} |`,
  );
  const s = analysis.scaling;
  return [
    `## 1. Analysis against the parse (${analysis.rules} rules)`,
    '',
    '`parse` is the `ts.createSourceFile` call that `analyze` makes; `analyze` is the whole entry point (size checks, parse, bindings, handlers, sites, status references, style, every rule, disable comments). Generated apps come from `bench/generate.ts` (seeded); the fixtures are the code strings of `test/unit/rules/*.test.ts`, read with the TypeScript parser, each analysed as its own file.',
    '',
    '| corpus | lines | seeded mistakes | findings | parse | analyze | analyze ÷ parse |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `Scaling, ${s.to} ÷ ${s.from} (${num(s.lineRatio)}× the lines): analyze ${spread(s.analyze, '×')}, parse alone ${spread(s.parse, '×')}.`,
    '',
    ...reconciliationLines(analysis),
  ];
}

function eslintSection({ eslint }: BenchResults): string[] {
  const rows = eslint.results.map(
    (r) =>
      `| ${r.corpus.label} | ${spread(r.eslintNoRules, ' ms')} | ${spread(r.eslintHub, ' ms')} | ${spread(r.ours, ' ms')} | ${spread(r.speedupNoRules, '×')} | ${spread(r.speedupHub, '×')} | ${spread(r.ceiling, '×')} | ${r.eslintReports} | ${r.ourFindings} |`,
  );
  return [
    `## 2. Against ESLint ${eslint.eslintVersion} + @mindfiredigital/eslint-plugin-hub ${eslint.pluginVersion}`,
    '',
    `All in this process, on the same files, interleaved in the same rounds after ${WARMUP_ROUNDS} discarded warm-up rounds per corpus for every side: ESLint's \`Linter\` (flat config, espree) with no rules at all, which is its parse pipeline (parse, scope analysis, one walk of the tree), and with \`hub/http-status-code\` only; against our \`analyze\` with its ${eslint.ourRules} rules. "Speed-up" is ESLint's time ÷ ours, per round, against each ESLint row; the headline is the one against no rules. "Ceiling" is ESLint with no rules ÷ our parse alone, the speed-up an analysis that cost nothing beyond TypeScript's parse would reach.`,
    '',
    '| corpus | ESLint, no rules | ESLint, hub rule | ours (all rules) | speed-up vs no rules | speed-up vs hub rule | ceiling | ESLint reports | our findings |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ];
}

export function protocolSection({ protocol, protocolError }: Pick<BenchResults, 'protocol' | 'protocolError'>): string[] {
  if (!protocol) return ['## 3. Through the protocol', '', `Not measured: ${protocolError ?? 'unknown error'}.`];
  const p = protocol;
  return [
    '## 3. Through the protocol (`node dist/server.js --stdio`, production build)',
    '',
    '| measure | median (p25–p75) | p95 | max |',
    '|---|---:|---:|---:|',
    `| spawn → \`initialize\` result (${p.startup.count} spawns) | ${spread(p.startup, ' ms')} | ${num(p.startup.p95)} ms | ${num(p.startup.max)} ms |`,
    `| didChange → publishDiagnostics, minus the ${p.debounceMs} ms debounce (${p.edits} edits, each sent as the range it replaced, ${p.editFileLines}-line file) | ${spread(p.editLatency, ' ms')} | ${num(p.editLatency.p95)} ms | ${num(p.editLatency.max)} ms |`,
    `| the same, as measured | ${spread(p.editLatencyRaw, ' ms')} | ${num(p.editLatencyRaw.p95)} ms | ${num(p.editLatencyRaw.max)} ms |`,
    `| the same edits, minus the debounce, ${p.largeEditFileLines}-line file | ${spread(p.largeEditLatency, ' ms')} | ${num(p.largeEditLatency.p95)} ms | ${num(p.largeEditLatency.max)} ms |`,
    `| the same, as measured | ${spread(p.largeEditLatencyRaw, ' ms')} | ${num(p.largeEditLatencyRaw.p95)} ms | ${num(p.largeEditLatencyRaw.max)} ms |`,
    `| the ${p.editFileLines}-line file's edits past the first ${WARM_UP_EDITS} (a fresh server's JIT warms up), minus the debounce | ${spread(p.warmEditLatency, ' ms')} | ${num(p.warmEditLatency.p95)} ms | ${num(p.warmEditLatency.max)} ms |`,
    `| the ${p.largeEditFileLines}-line file's edits past the first ${WARM_UP_EDITS}, minus the debounce | ${spread(p.largeWarmEditLatency, ' ms')} | ${num(p.largeWarmEditLatency.p95)} ms | ${num(p.largeWarmEditLatency.max)} ms |`,
    `| the same edits, minus the debounce, each sent as the whole text, ${p.editFileLines}-line file | ${spread(p.fullTextEditLatency, ' ms')} | ${num(p.fullTextEditLatency.p95)} ms | ${num(p.fullTextEditLatency.max)} ms |`,
    `| hover on a status number (${p.hovers} requests, ${p.hoverEmpty} empty) | ${spread(p.hoverLatency, ' ms')} | ${num(p.hoverLatency.p95)} ms | ${num(p.hoverLatency.max)} ms |`,
    '',
    `Memory (VmRSS from /proc, ${p.rssOpenMb.count} fresh servers, median (min–max)): ${range(p.rssStartMb, ' MB', 0)} after \`initialize\`; ${range(p.rssOpenMb, ' MB', 0)} right after opening ${p.openFiles} different files of ~${p.openFileLines} lines each, as fast as the server publishes them; ${range(p.rssIdleMb, ' MB', 0)} at a fixed ${p.idleMs / 1000} s after the last open, the server idle meanwhile; peak VmHWM ${range(p.peakMb, ' MB', 0)}.${p.rssIdleMb.median < 0.8 * p.rssOpenMb.median ? ' The difference is garbage from the burst of parses, which V8 returns once the process idles.' : ''}`,
    '',
    'Each edit is sent once the previous one is published, so the latency is the debounce plus one analysis and one publish. An edit re-checks only the units it touched (`analysis/engine/reuse.ts`). Edits are sent as VS Code and Neovim send them to a server that asks for incremental sync, as this one does: the range replaced and its new text. Sent as the whole text instead, each edit also costs encoding, sending and decoding the whole file (the last edit row). The targets count every edit, the first ones of a fresh server included; the warm rows show what the edits cost once its JIT has warmed up.',
  ];
}

function packageSection({ pack }: BenchResults): string[] {
  const rows = pack.bundles.map((bundle) => `| \`${bundle.file}\` (minified) | ${kb(bundle.bytes)} | ${kb(bundle.gzipBytes)} |`);
  const vsix =
    pack.vsixBytes !== undefined
      ? `\`npm run package\`: http-status-guide.vsix is ${mb(pack.vsixBytes)}${pack.vsixFiles ? ` (${pack.vsixFiles} files)` : ''}.`
      : `\`npm run package\` did not produce a .vsix: ${pack.vsixError}. The gzip column is close to what a .vsix would hold.`;
  return ['## 4. Package', '', '| file | size | gzip -9 |', '|---|---:|---:|', ...rows, '', vsix];
}

const REPO_HEADING = '## 5. A whole repository through the command line';
/** Above this 1-minute load average per core, other work was running beside the bench. */
const BUSY_LOAD_PER_CORE = 0.25;

export function repoSection(repo: RepoResults | undefined, machine: Machine, repoError?: string): string[] {
  if (!repo) return [REPO_HEADING, '', `Not measured: ${repoError ?? 'unknown error'}.`];
  const rows = repo.ways.map(
    (way) =>
      `| ${way.label}: \`${way.command}\` | ${way.threads} | ${spread(way.wallMs, ' ms', 0)} | ${spread(way.filesPerSecond, '', 0)} | ${spread(way.againstEslint, '×')} | ${spread(way.filesPerCpuSecond, '', 0)} |`,
  );
  const busy = Math.max(repo.load.start, repo.load.end) / machine.cores >= BUSY_LOAD_PER_CORE;
  return [
    REPO_HEADING,
    '',
    `${repo.files.toLocaleString('en')} generated Express route files (${repo.lines.toLocaleString('en')} lines from \`bench/generate.ts\`, seeds ${repo.seed}–${repo.seed + repo.files - 1}, in folders of 100 under a temporary folder) checked by the production build of our command line and by the command line of ESLint ${repo.eslintVersion} with no config file and no rules (its built-in defaults: espree, latest ECMAScript, modules), so ESLint reads and parses each file and nothing else. Both print JSON or a summary that the bench reads to check that every file was checked. Each run is a fresh process timed from spawn to exit, so **process start-up is included on both sides**: \`--version\` alone takes ${spread(repo.startupMs.ours, ' ms', 0)} for ours and ${spread(repo.startupMs.eslint, ' ms', 0)} for ESLint. One discarded round warmed every way alike (file cache, compile cache), then ${repo.rounds} rounds ran interleaved.`,
    '',
    `Measured on ${repo.date}, commit ${machine.commit}, ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}; ${busy ? '**a shared machine, busy with other work**' : 'a quiet machine'} (load average ${num(repo.load.start)} at the start of this section, ${num(repo.load.end)} at its end)${busy ? ': an idle machine gives higher figures, and these move from run to run' : ''}. Refresh this section alone with \`npm run bench -- --only repo\`.`,
    '',
    '| run | threads | wall clock | files/s | files/s ÷ ESLint on one thread | files per CPU-second |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    'Files per CPU-second divides the files by the CPU time (user + system, every thread) that the process reported at exit (`bench/cpuTime.cjs`, preloaded with `node -r` on both sides): what the work costs whatever else the machine runs, where the wall clock also counts waiting for a core.',
    '',
    `Our findings on the corpus: ${repo.ourFindings.toLocaleString('en')} (every rule at its default severity). ESLint, with no rules, reports none.`,
  ];
}

/** Puts `section` in place of the section with the same heading in `markdown`, or before the hot spots, or at the end. */
export function replaceSection(markdown: string, section: string[]): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line === section[0]);
  if (start >= 0) {
    const next = lines.findIndex((line, index) => index > start && line.startsWith('## '));
    // The old section ran up to the next heading (or the end); the '' keeps the blank line before it.
    return [...lines.slice(0, start), ...section, '', ...(next < 0 ? [] : lines.slice(next))].join('\n');
  }
  const hotSpots = lines.findIndex((line) => line.startsWith('## Hot spots'));
  const at = hotSpots < 0 ? lines.length : hotSpots;
  return [...lines.slice(0, at), ...section, '', ...lines.slice(at)].join('\n');
}

function hotSpotRows(spots: HotSpot[]): string[] {
  return ['| function | ms per analysis | share |', '|---|---:|---:|', ...spots.map((spot) => `| \`${spot.name}\` | ${num(spot.ms)} | ${(spot.share * 100).toFixed(1)}% |`)];
}

/** Explains the row names a reader may not recognise, when they occur. */
function selfTimeNotes(spots: HotSpot[]): string {
  const notes = [
    spots.some((spot) => spot.name.startsWith('get (')) && "`get (file)` rows are the getters through which a transpiled `import * as ts` reads TypeScript's exports",
    spots.some((spot) => spot.name.startsWith('RegExp:')) && '`RegExp:` rows are regular expressions',
  ].filter((note): note is string => typeof note === 'string');
  return notes.length > 0 ? ` (${notes.join('; ')})` : '';
}

function hotSpotSection({ profile, analysis }: BenchResults): string[] {
  if (!profile) return [];
  return [
    `## Hot spots of the ${analysis.scaling.from} analysis (\`node --cpu-prof\`)`,
    '',
    'Taken because analysis ÷ parse is above 2.0×, the goal. Time per analysis in a separate process; the profile also holds module loading and the app generation, so small rows are approximate.',
    '',
    'Our functions by inclusive time (the phases):',
    '',
    ...hotSpotRows(profile.phases),
    '',
    `Any function by self time${selfTimeNotes(profile.functions)}:`,
    '',
    ...hotSpotRows(profile.functions),
  ];
}

export function renderReport(results: BenchResults): string {
  const { machine } = results;
  return [
    summaryLine(results),
    '',
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (${num(results.seconds, 0)} s) on ${machine.date}: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}, TypeScript ${machine.typescript}, commit ${machine.commit}; load average ${num(results.load.start)} at the start, ${num(results.load.end)} at the end. Every comparison is a ratio taken within one round of interleaved runs; figures are medians with the interquartile range (p25–p75) in brackets unless marked otherwise.`,
    '',
    'Run `npm run bench` to refresh this file (a few minutes on 2 idle cores), `npm run bench -- --only repo` to refresh section 5 alone, or `npm run bench -- --quick` for a smoke run that writes nothing (`npm run bench -- --help` lists the options).',
    '',
    '## Targets',
    '',
    '| target | goal | measured | |',
    '|---|---|---:|---|',
    ...targets(results).map((target) => `| ${target.what} | ${target.goal} | ${target.measured} | ${verdict(target.met)} |`),
    '',
    ...analysisSection(results),
    '',
    ...eslintSection(results),
    '',
    ...protocolSection(results),
    '',
    ...packageSection(results),
    '',
    ...repoSection(results.repo, machine, results.repoError),
    ...indexSection(results.index, results.indexError),
    '',
    ...hotSpotSection(results),
    '',
  ].join('\n');
}
