// Seeded vs found in a generated app, per kind of mistake: a seeded mistake is found when its
// kind's rule reports inside the handler that holds it. Every difference gets a reason worked out
// from the code: for a miss, the route facts and a second analysis with the router's mount prefix
// written into the route; for a finding no seed asked for, the line it is on.
import { analyze } from '../server/src/analysis';
import { lineOf, lineStarts } from '../server/src/analysis/engine/suppressions';
import { joinPaths, routesOfFile } from '../server/src/analysis/routes';
import type { FileRoutes } from '../server/src/analysis/routes';
import type { RuleId } from '../server/src/analysis/rules';
import type { Finding } from '../server/src/analysis/types';
import type { SeededMistake } from './generate';
import { MISTAKE_RULES, type MistakeKind } from './templates';

export interface KindReconciliation {
  kind: MistakeKind;
  rule: RuleId;
  seeded: number;
  found: number;
  /** Why the seeded ones not found were missed, one sentence per cause. */
  missed: string[];
}

export interface Reconciliation {
  kinds: KindReconciliation[];
  /** Findings of a seeded kind's rule outside every handler seeded with that kind, per rule; and findings of other rules. */
  extras: { rule: string; count: number; example: string }[];
}

const FILE_NAME = 'app.js';

/** 1-based line of each offset. */
function lineFinder(text: string): (offset: number) => number {
  const starts = lineStarts(text);
  return (offset) => lineOf(starts, offset) + 1;
}

const within = (line: number, seed: SeededMistake): boolean => line >= seed.firstLine && line <= seed.lastLine;

function reportsIn(findings: readonly Finding[], rule: RuleId, seed: SeededMistake, lineOf: (offset: number) => number): boolean {
  return findings.some((finding) => finding.ruleId === rule && within(lineOf(finding.range.start), seed));
}

/** A route registered on a router that the same file mounts under a prefix, and the text edit that writes the prefix into it. */
interface MountedRoute {
  registration: string;
  prefix: string;
  fullPath: string;
  /** Replaces `router.post('/:id'` with `app.post('/prefix/:id'` (one line, so line numbers stay). */
  edit: { start: number; end: number; newText: string };
}

function mountedRouteIn(seed: SeededMistake, text: string, routes: FileRoutes, lineOf: (offset: number) => number): MountedRoute | undefined {
  const route = routes.routes.find((candidate) => within(lineOf(candidate.range.start), seed));
  const mount = route?.on && routes.mounts.find((candidate) => 'local' in candidate.target && candidate.target.local === route.on);
  if (!route?.on || !mount || !mount.prefix) return undefined;
  const receiver = `${route.on}.${route.method}(`;
  const start = text.lastIndexOf(receiver, route.range.start);
  if (start < 0) return undefined;
  const fullPath = joinPaths(mount.prefix, route.path);
  return {
    registration: `${text.slice(start, route.range.end)}, …)`,
    prefix: mount.prefix,
    fullPath,
    edit: { start, end: route.range.end, newText: `${mount.on}.${route.method}('${fullPath}'` },
  };
}

function applyEdits(text: string, edits: readonly { start: number; end: number; newText: string }[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}

/** Why the rule did not report these seeded mistakes, counted by cause. */
function missReasons(text: string, rule: RuleId, missed: readonly SeededMistake[], routes: FileRoutes, lineOf: (offset: number) => number): string[] {
  const mounted = missed.map((seed) => ({ seed, route: mountedRouteIn(seed, text, routes, lineOf) }));
  const rewritable = mounted.filter((entry): entry is { seed: SeededMistake; route: MountedRoute } => entry.route !== undefined);
  const rewritten = applyEdits(text, rewritable.map((entry) => entry.route.edit));
  // The edits keep every line where it was, so the seeds' line ranges still hold (offsets move).
  const rewrittenFindings = rewritable.length > 0 ? analyze(rewritten, FILE_NAME).findings : [];
  const rewrittenLineOf = lineFinder(rewritten);
  const foundOnceMounted = rewritable.filter((entry) => reportsIn(rewrittenFindings, rule, entry.seed, rewrittenLineOf));
  const reasons: string[] = [];
  if (foundOnceMounted.length > 0) {
    const example = foundOnceMounted[0].route;
    reasons.push(
      `${foundOnceMounted.length} registered on a router that the file mounts under a prefix (\`${example.registration}\`, mounted at \`${example.prefix}\`): ` +
        `the rule reads the route path as registered, without the mount, and reports ${foundOnceMounted.length === rewritable.length ? 'every one' : `${foundOnceMounted.length} of ${rewritable.length}`} once the prefix is written into the route (\`${example.fullPath}\`); ` +
        'the mounts are in the route facts (analysis/routes/), which the rules do not see yet',
    );
  }
  const other = missed.length - foundOnceMounted.length;
  if (other > 0) {
    const example = missed.find((seed) => !foundOnceMounted.some((entry) => entry.seed === seed)) as SeededMistake;
    reasons.push(`${other} not reported, even with any router mount written into the route: e.g. lines ${example.firstLine}–${example.lastLine}`);
  }
  return reasons;
}

export function reconcile(text: string, seeded: readonly SeededMistake[]): Reconciliation {
  const analysed = analyze(text, FILE_NAME);
  const lineOf = lineFinder(text);
  const routes = routesOfFile(text, FILE_NAME, analysed);
  const kinds = [...new Set(seeded.map((seed) => seed.kind))].map((kind): KindReconciliation => {
    const rule = MISTAKE_RULES[kind];
    const ofKind = seeded.filter((seed) => seed.kind === kind);
    const missed = ofKind.filter((seed) => !reportsIn(analysed.findings, rule, seed, lineOf));
    return { kind, rule, seeded: ofKind.length, found: ofKind.length - missed.length, missed: missed.length > 0 ? missReasons(text, rule, missed, routes, lineOf) : [] };
  });
  const lines = text.split('\n');
  const extraByRule = new Map<string, Finding[]>();
  for (const finding of analysed.findings) {
    const line = lineOf(finding.range.start);
    const asked = seeded.some((seed) => MISTAKE_RULES[seed.kind] === finding.ruleId && within(line, seed));
    if (!asked) extraByRule.set(finding.ruleId, [...(extraByRule.get(finding.ruleId) ?? []), finding]);
  }
  const extras = [...extraByRule].map(([rule, findings]) => {
    const line = lineOf(findings[0].range.start);
    return { rule, count: findings.length, example: `line ${line}: \`${lines[line - 1].trim()}\`` };
  });
  return { kinds: kinds.sort((a, b) => b.seeded - a.seeded || a.kind.localeCompare(b.kind)), extras };
}
