// Edits re-check only what they touch. A file is cut into units (`units.ts`); the findings and
// status references of each unit are kept with the text they came from. After an edit, a route
// handler, in-place middleware or top-level function that kept its text keeps them, shifted to its
// new offsets, and its sites are not even built; the rules check the rest: the units whose text
// changed, every other unit (imports, constants, error classes, mounts, error handlers: what the
// whole file reads), and the units that name a function the edit changed or that the changed code
// names anew (`change.ts`). Bindings and frameworks are still read from the whole file, by a walk
// that replays the statements TypeScript reused (`walk.ts`), so they are never stale. When unsure,
// the whole file is checked.
import ts from 'typescript';
import type { Framework } from '../adapters/frameworks';
import { analysisSteps, type RuleScope } from '../index';
import type { AnalysisOptions, AnalysisResult, Finding, ResponseSite, StatusRef, TextRange } from '../types';
import { editSpan, parseErrorCount, type PreviousParse } from './parse';
import { changeOf, wordsOf } from './change';
import { unitAt, unitsOf, type Unit } from './units';

/**
 * What the last analysis of a document leaves for the next one: its tree, its units and their findings.
 * Findings may come from imported modules (`result.modulesAsked`): when one of them changes, the host
 * keeps only the tree (`text` and `sourceFile`), as it does with its own cached results.
 */
export interface KeptAnalysis extends PreviousParse {
  fileName: string;
  optionsKey: string;
  units: Unit[];
  frameworks: Framework[];
  /** Per unit, the findings of the sites in it, in the result's order. */
  findingsByUnit: Finding[][];
  /** Per unit, its status references (`res.status(404)`, `new ApiError(404)`): not read again while it is reused. */
  refsByUnit: (readonly StatusRef[])[];
}

export interface ReusingResult {
  /** The findings and status references of the whole file; the sites of the units checked again only. */
  result: AnalysisResult;
  /**
   * What the next edit starts from: the tree, with units and findings when this result can seed a reuse
   * (not when a rule failed); undefined when nothing was parsed.
   */
  kept?: KeptAnalysis | PreviousParse;
  /** Units whose sites the rules checked, and units whose findings were kept. */
  rechecked: number;
  reused: number;
}

/**
 * The analysis in steps, as `analysisSteps`, reusing what `previous` found for the units this edit left
 * alone. `previous` is consumed (its tree is updated in place), as with `parseEdited`.
 */
export function* reusingAnalysisSteps(
  text: string,
  fileName: string,
  options: AnalysisOptions,
  previous?: KeptAnalysis | PreviousParse,
): Generator<void, ReusingResult, void> {
  const optionsKey = keyOf(options);
  const usable = previous && 'units' in previous && previous.fileName === fileName && previous.optionsKey === optionsKey ? previous : undefined;
  let units: Unit[] = [];
  let frameworks: Framework[] = [];
  let reusedUnit: boolean[] = [];
  const findingUnit = new Map<Finding, number>();
  let refsByUnit: (readonly StatusRef[])[] = [];
  /** The references built in the part checked, per unit: added to what the unit kept, if anything. */
  const builtByUnit = new Map<number, StatusRef[]>();
  let reusedCount = 0;
  // The frameworks come from the facts the analysis has just read: not worked out twice per edit.
  const scopeOf = (sourceFile: ts.SourceFile, fileFrameworks: readonly Framework[]): RuleScope => {
    units = unitsOf(sourceFile);
    frameworks = [...fileFrameworks];
    const plan = usable && planReuse(usable, text, sourceFile, units, frameworks);
    reusedUnit = units.map(() => false);
    refsByUnit = units.map(() => NO_REFS);
    const reused: Finding[] = [];
    const reusedRefs: StatusRef[] = [];
    for (const [index, kept] of plan ?? []) {
      reusedUnit[index] = true;
      reusedCount++;
      for (const finding of kept.findings) {
        findingUnit.set(finding, index);
        reused.push(finding);
      }
      refsByUnit[index] = kept.refs;
      reusedRefs.push(...kept.refs);
    }
    return {
      // A node's full start lies in its statement's unit (units start at their leading trivia).
      wants: (node) => !reusedUnit[unitAt(units, node.pos)],
      reused,
      reusedRefs,
      reported: (site, finding) => findingUnit.set(finding, unitAt(units, siteStart(site))),
      builtRefs: (refs) => {
        for (const ref of refs) {
          const unit = unitAt(units, ref.range.start);
          const built = builtByUnit.get(unit);
          if (built) built.push(ref);
          else builtByUnit.set(unit, [ref]);
        }
      },
    };
  };
  const result = yield* analysisSteps(text, fileName, options, previous, scopeOf);
  const rechecked = units.length - reusedCount;
  if (!result.sourceFile) return { result, rechecked, reused: reusedCount };
  // A rule that threw skipped the sites after the failing one: start afresh next time.
  if (result.ruleErrors.length > 0) return { result, kept: { text, sourceFile: result.sourceFile }, rechecked, reused: reusedCount };
  // A reference is built where its site is, in the part checked; a kept unit would keep its own first.
  for (const [unit, built] of builtByUnit) refsByUnit[unit] = refsByUnit[unit].length === 0 ? built : [...refsByUnit[unit], ...built];
  const findingsByUnit: Finding[][] = units.map(() => []);
  for (const finding of result.findings) {
    const index = findingUnit.get(finding);
    // Not from a site (a disable comment naming no rule): read again from the text each time.
    if (index !== undefined) findingsByUnit[index].push(finding);
  }
  return { result, kept: { text, sourceFile: result.sourceFile, fileName, optionsKey, units, frameworks, findingsByUnit, refsByUnit }, rechecked, reused: reusedCount };
}

/** Everything in the options but the module source (a function; the host says when a module changed). */
function keyOf(options: AnalysisOptions): string {
  return JSON.stringify({ ...options, modules: undefined });
}

function siteStart(site: ResponseSite): number {
  return site.chain.getStart();
}

const NO_REFS: readonly StatusRef[] = Object.freeze([]);

/** What a unit the edit left alone keeps from the last analysis, moved to its new offsets. */
interface KeptUnit {
  findings: readonly Finding[];
  refs: readonly StatusRef[];
}

/**
 * Which new units keep the findings of which old ones, or undefined when the whole file must be
 * checked: the old and new texts agree on a run of units at the start and at the end; the units
 * between them changed, and may be dropped, added or edited only if they are route handlers or
 * functions that give the rest of the file nothing new but through their names (`changeOf`).
 */
function planReuse(previous: KeptAnalysis, text: string, sourceFile: ts.SourceFile, units: readonly Unit[], frameworks: readonly Framework[]): Map<number, KeptUnit> | undefined {
  // A syntax error can make the parser read neighbours differently; frameworks decide every site.
  if (parseErrorCount(sourceFile) > 0 || frameworks.join() !== previous.frameworks.join()) return undefined;
  const before = previous.text;
  const old = previous.units;
  // Units inside the texts' common prefix, or at the same distance from the end inside their common suffix, kept their text.
  const { prefix, suffix } = editSpan(before, text, sourceFile);
  let head = 0;
  while (head < old.length && head < units.length && old[head].end <= prefix && old[head].start === units[head].start && old[head].end === units[head].end && old[head].kind === units[head].kind) head++;
  let tail = 0;
  const fromEnd = (unit: Unit, length: number): number => length - unit.start;
  while (tail < old.length - head && tail < units.length - head) {
    const a = old[old.length - 1 - tail];
    const b = units[units.length - 1 - tail];
    if (fromEnd(a, before.length) > suffix || fromEnd(a, before.length) !== fromEnd(b, text.length) || a.end - a.start !== b.end - b.start || a.kind !== b.kind) break;
    tail++;
  }
  const oldChanged = old.slice(head, old.length - tail);
  const newChanged = units.slice(head, units.length - tail);
  const change = changeOf(oldChanged, before, newChanged, sourceFile.statements.slice(head, units.length - tail), previous.fileName);
  if (!change) return undefined;
  const namesChanged = wordsOf(change.declared);
  const changeStart = head < old.length ? old[head].start : before.length;
  const changeEnd = tail > 0 ? old[old.length - tail].start : before.length;
  const shift = text.length - before.length;
  const move = (offset: number): number | undefined => {
    if (offset < changeStart || (offset === changeStart && changeStart < changeEnd)) return offset;
    if (offset > changeEnd || (offset === changeEnd && changeStart < changeEnd)) return offset + shift;
    return undefined;
  };
  const plan = new Map<number, KeptUnit>();
  const keep = (oldIndex: number, newIndex: number): boolean => {
    const unit = old[oldIndex];
    // Checked again: what the whole file reads, a function the changed code names, code that names a changed function.
    if (unit.kind === 'other' || (unit.name !== undefined && change.referenced.has(unit.name)) || namesChanged?.test(before.slice(unit.start, unit.end))) return true;
    const findings = movedAll(previous.findingsByUnit[oldIndex], (finding) => movedFinding(finding, move));
    const refs = movedAll(previous.refsByUnit[oldIndex], (ref) => movedRef(ref, move));
    if (!findings || !refs) return false;
    plan.set(newIndex, { findings, refs });
    return true;
  };
  for (let index = 0; index < head; index++) if (!keep(index, index)) return undefined;
  for (let index = 0; index < tail; index++) if (!keep(old.length - 1 - index, units.length - 1 - index)) return undefined;
  return plan;
}

/**
 * Each item moved past the edit; undefined if one lies inside it. The list itself when none moves
 * (results are never mutated): most units of most edits.
 */
function movedAll<T>(items: readonly T[], moved: (item: T) => T | undefined): readonly T[] | undefined {
  let copy: T[] | undefined;
  for (let index = 0; index < items.length; index++) {
    const item = moved(items[index]);
    if (item === undefined) return undefined;
    if (item !== items[index]) (copy ??= items.slice(0, index)).push(item);
    else copy?.push(item);
  }
  return copy ?? items;
}

/** The reference moved past the edit; undefined if it lies inside it. */
function movedRef(ref: StatusRef, move: (offset: number) => number | undefined): StatusRef | undefined {
  const start = move(ref.range.start);
  const end = move(ref.range.end);
  if (start === undefined || end === undefined) return undefined;
  const memberStart = ref.memberRange && move(ref.memberRange.start);
  const memberEnd = ref.memberRange && move(ref.memberRange.end);
  if (ref.memberRange && (memberStart === undefined || memberEnd === undefined)) return undefined;
  // Before the edit nothing moves: results are never mutated, so the same object serves.
  if (start === ref.range.start && end === ref.range.end && memberStart === ref.memberRange?.start && memberEnd === ref.memberRange?.end) return ref;
  return { ...ref, range: { ...ref.range, start, end }, ...(ref.memberRange ? { memberRange: { ...ref.memberRange, start: memberStart!, end: memberEnd! } } : {}) };
}

/** The finding with every offset in this file moved past the edit; undefined if one lies inside it. */
function movedFinding(finding: Finding, move: (offset: number) => number | undefined): Finding | undefined {
  if (unmoved(finding, move)) return finding;
  let lost = false;
  const range = (value: TextRange): TextRange => {
    const start = move(value.start);
    const end = move(value.end);
    if (start === undefined || end === undefined) lost = true;
    return { ...value, start: start ?? 0, end: end ?? 0 };
  };
  const moved: Finding = {
    ...finding,
    range: range(finding.range),
    fixes: finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...range(edit), newText: edit.newText })) })),
    ...(finding.related ? { related: finding.related.map((note) => ('range' in note ? { ...note, range: range(note.range) } : note)) } : {}),
  };
  return lost ? undefined : moved;
}

/** Does every range the finding holds in its own file (its own, its fixes' edits, its related notes') stay where it is? */
function unmoved(finding: Finding, move: (offset: number) => number | undefined): boolean {
  const stays = (range: TextRange): boolean => move(range.start) === range.start && move(range.end) === range.end;
  return stays(finding.range) && finding.fixes.every((fix) => fix.edits.every(stays)) && (finding.related ?? []).every((note) => !('range' in note) || stays(note.range));
}
