// Runs a text through the analysis and every feature in-process (diagnostics, hover, code actions,
// their fixes, inlay hints) and lists each broken invariant: a range outside the document, a fix
// that makes the file parse worse, an unbounded message. Exceptions propagate to the caller.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver';
import { analyze } from '../../../server/src/analysis';
import { parseErrorCount, syntaxErrorCount } from '../../../server/src/analysis/engine/parse';
import type { AnalysisOptions, AnalysisResult } from '../../../server/src/analysis/types';
import { FIX_ALL_KIND, codeActions } from '../../../server/src/features/codeActions';
import { toDiagnostic } from '../../../server/src/features/diagnostics';
import { hoverAt } from '../../../server/src/features/hover';
import { inlayHints } from '../../../server/src/features/inlayHints';
import type { Random } from './random';

/** Messages quote code, shortened; anything longer than this echoes user text unbounded. */
export const MAX_MESSAGE_LENGTH = 400;

export interface FeatureCounts {
  analyses: number;
  diagnostics: number;
  hovers: number;
  codeActionRequests: number;
  fixesApplied: number;
  inlayHintRequests: number;
}

export const emptyCounts = (): FeatureCounts => ({ analyses: 0, diagnostics: 0, hovers: 0, codeActionRequests: 0, fixesApplied: 0, inlayHintRequests: 0 });

const show = (position: Position): string => `${position.line}:${position.character}`;

/** A position is inside the document when converting it to an offset and back changes nothing. */
function outside(document: TextDocument, range: Range): boolean {
  const roundTrip = (position: Position): boolean => {
    const back = document.positionAt(document.offsetAt(position));
    return back.line === position.line && back.character === position.character;
  };
  return !roundTrip(range.start) || !roundTrip(range.end) || document.offsetAt(range.start) > document.offsetAt(range.end);
}

/** What one run checks against: the document, its analysis, and where problems are written. */
interface Run {
  document: TextDocument;
  text: string;
  fileName: string;
  options: AnalysisOptions;
  analysis: AnalysisResult;
  counts: FeatureCounts;
  problems: string[];
}

function checkDiagnostics(run: Run): Diagnostic[] {
  const { document, text, problems } = run;
  return run.analysis.findings.map((finding) => {
    if (finding.range.start < 0 || finding.range.start > finding.range.end || finding.range.end > text.length) {
      problems.push(`${finding.ruleId}: range ${finding.range.start}-${finding.range.end} is outside 0-${text.length}`);
    }
    if (finding.message.length > MAX_MESSAGE_LENGTH) problems.push(`${finding.ruleId}: message of ${finding.message.length} characters`);
    for (const fix of finding.fixes) {
      if (fix.title.length > MAX_MESSAGE_LENGTH) problems.push(`${finding.ruleId}: fix title of ${fix.title.length} characters`);
    }
    const diagnostic = toDiagnostic(finding, document);
    if (outside(document, diagnostic.range) || document.offsetAt(diagnostic.range.start) !== finding.range.start) {
      problems.push(`${finding.ruleId}: diagnostic range ${show(diagnostic.range.start)}-${show(diagnostic.range.end)} does not map back to ${finding.range.start}`);
    }
    run.counts.diagnostics++;
    return diagnostic;
  });
}

/** Quick fixes (for the given diagnostics) and fix-all: every edit inside, every result parsing no worse. */
function checkCodeActions(run: Run, diagnostics: Diagnostic[], whole: Range): void {
  const { document, text, fileName, problems } = run;
  // Parsed only when there is a fix to compare with: a skipped document may be too big or too deep to parse.
  let errors: number | undefined;
  const errorsBefore = (): number => (errors ??= syntaxErrorCount(text, fileName));
  for (const only of [undefined, [FIX_ALL_KIND]]) {
    const params = { textDocument: { uri: document.uri }, range: whole, context: { diagnostics, only } };
    run.counts.codeActionRequests++;
    // As the server does: the count from the analysis's own parse, when it parsed.
    const parsedErrors = run.analysis.sourceFile && parseErrorCount(run.analysis.sourceFile);
    for (const action of codeActions(document, run.analysis.findings, params, fileName, run.options, parsedErrors)) {
      const edits: TextEdit[] = action.edit?.changes?.[document.uri] ?? [];
      for (const edit of edits) {
        if (outside(document, edit.range)) problems.push(`action "${action.title}": edit ${show(edit.range.start)}-${show(edit.range.end)} is outside the document`);
      }
      const fixed = TextDocument.applyEdits(document, edits);
      const errorsAfter = syntaxErrorCount(fixed, fileName);
      if (errorsAfter > errorsBefore()) problems.push(`action "${action.title}" makes the file parse worse (${errorsBefore()} → ${errorsAfter} syntax errors):\n${fixed}`);
      run.counts.fixesApplied++;
    }
  }
}

function checkHovers(run: Run, offsets: number[]): void {
  const { document, problems } = run;
  const refs = run.analysis.statusRefs;
  for (const ref of refs) {
    if (ref.range.start < 0 || ref.range.end > run.text.length) problems.push(`status ref ${ref.code} at ${ref.range.start}-${ref.range.end} is outside 0-${run.text.length}`);
  }
  for (const offset of offsets) {
    const position = document.positionAt(offset);
    const hover = hoverAt(document, refs, position);
    run.counts.hovers++;
    if (!hover) continue;
    const value = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    if (value.trim() === '') problems.push(`empty hover at ${show(position)}`);
    // An offset between \r and \n has no position of its own: compare with where the position lands.
    const at = document.offsetAt(position);
    if (hover.range && (outside(document, hover.range) || document.offsetAt(hover.range.start) > at || document.offsetAt(hover.range.end) < at)) {
      problems.push(`hover at ${show(position)} has range ${show(hover.range.start)}-${show(hover.range.end)}, not around it`);
    }
  }
}

/**
 * `quickFixLimit` bounds how many diagnostics go into the code-action request: each action's result
 * is parsed again, which is what a huge document cannot afford per diagnostic.
 */
export function exerciseFeatures(text: string, fileName: string, options: AnalysisOptions, random: Random, counts: FeatureCounts, quickFixLimit = Infinity): string[] {
  const document = TextDocument.create(`file:///fuzz/${fileName}`, 'javascript', 1, text);
  const run: Run = { document, text, fileName, options, analysis: analyze(text, fileName, options), counts, problems: [] };
  counts.analyses++;
  const whole: Range = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
  checkCodeActions(run, checkDiagnostics(run).slice(0, quickFixLimit), whole);
  // A few random places, and every status reference's own (number and `.status` member).
  const refs = run.analysis.statusRefs;
  checkHovers(run, [...Array.from({ length: 4 }, () => random.int(text.length + 1)), ...refs.flatMap((ref) => [ref.range.start, ref.memberRange?.start ?? ref.range.end])]);
  for (const hint of inlayHints(document, refs, whole)) {
    if (outside(document, { start: hint.position, end: hint.position })) run.problems.push(`inlay hint at ${show(hint.position)} is outside the document`);
  }
  counts.inlayHintRequests++;
  return run.problems;
}
