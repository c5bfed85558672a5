// OpenAPI drift → LSP diagnostics and quick-fixes, on the document's lines and on the code's.
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { DRIFT_FINDINGS, type Drift } from '../analysis/openapi/drift';
import { DIAGNOSTIC_SOURCE, diagnosticSeverity } from './diagnostics';
import { toRange, type Positioned } from './positions';

export function driftDiagnostic(drift: Drift, positions: Positioned): Diagnostic {
  return {
    range: toRange(positions, drift.range),
    severity: diagnosticSeverity(DRIFT_FINDINGS[drift.kind].severity),
    source: DIAGNOSTIC_SOURCE,
    code: DRIFT_FINDINGS[drift.kind].id,
    message: drift.message,
    data: { drift: true, start: drift.range.start, end: drift.range.end },
  };
}

export function malformedDiagnostic(message: string, range: { start: number; end: number }, positions: Positioned): Diagnostic {
  return { range: toRange(positions, range), severity: diagnosticSeverity(DRIFT_FINDINGS.malformed.severity), source: DIAGNOSTIC_SOURCE, code: DRIFT_FINDINGS.malformed.id, message };
}

/**
 * Quick-fixes for the drifts whose range meets the requested one. `positionsOf` gives positions for
 * any file a fix edits (the document or a code file), or undefined when it cannot be placed.
 */
export function driftActions(drifts: readonly Drift[], requested: { start: number; end: number }, positionsOf: (uri: string) => Positioned | undefined, diagnosticFor: (drift: Drift) => Diagnostic): CodeAction[] {
  return drifts
    .filter((drift) => drift.range.start <= requested.end && requested.start <= drift.range.end)
    .flatMap((drift) =>
      drift.fixes.flatMap((fix): CodeAction[] => {
        const positions = positionsOf(fix.uri);
        if (!positions) return [];
        return [{
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnosticFor(drift)],
          edit: { changes: { [fix.uri]: fix.edits.map((edit) => ({ range: toRange(positions, edit), newText: edit.newText })) } },
        }];
      }),
    );
}
