// OpenAPI drift → LSP diagnostics and quick-fixes, on the document's lines and on the code's.
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { Drift, DriftKind } from '../analysis/openapi/drift';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { toRange, type Positioned } from './positions';

/** The diagnostic code of each drift kind: not rules of the analysis, so not in the rule settings. */
export const DRIFT_CODES: Readonly<Record<DriftKind | 'malformed', string>> = {
  'undeclared-status': 'openapi-undeclared-status',
  'unsent-status': 'openapi-unsent-status',
  'route-without-operation': 'openapi-route-without-operation',
  'operation-without-route': 'openapi-operation-without-route',
  malformed: 'openapi-malformed',
};

/** A status the contract does not allow is a warning; what the code may send elsewhere (middleware) is information. */
const SEVERITY: Readonly<Record<DriftKind, DiagnosticSeverity>> = {
  'undeclared-status': DiagnosticSeverity.Warning,
  'unsent-status': DiagnosticSeverity.Information,
  'route-without-operation': DiagnosticSeverity.Information,
  'operation-without-route': DiagnosticSeverity.Information,
};

export function driftDiagnostic(drift: Drift, positions: Positioned): Diagnostic {
  return {
    range: toRange(positions, drift.range),
    severity: SEVERITY[drift.kind],
    source: DIAGNOSTIC_SOURCE,
    code: DRIFT_CODES[drift.kind],
    message: drift.message,
    data: { drift: true, start: drift.range.start, end: drift.range.end },
  };
}

export function malformedDiagnostic(message: string, range: { start: number; end: number }, positions: Positioned): Diagnostic {
  return { range: toRange(positions, range), severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, code: DRIFT_CODES.malformed, message };
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
