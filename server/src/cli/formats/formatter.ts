// Output formats stream: a file's findings are written when it is done, so memory stays flat.
import type { Severity } from '../../analysis/types';
import type { FileReport } from '../analyseFile';

export interface Totals {
  files: number;
  bySeverity: Record<Severity, number>;
  /** Findings that `--fix` would fix. */
  fixable: number;
  /** Files `--fix` changed (or would, with `--fix-dry-run`). */
  fixedFiles: number;
}

export interface Formatter {
  file(report: FileReport): void;
  end(totals: Totals): void;
}

export interface FormatContext {
  cwd: string;
  write: (text: string) => void;
  /** Colours, only on a terminal. */
  colour: boolean;
  fix: 'none' | 'write' | 'dry-run';
}

export function emptyTotals(): Totals {
  return { files: 0, bySeverity: { error: 0, warning: 0, information: 0, hint: 0 }, fixable: 0, fixedFiles: 0 };
}

/** Adds a report's findings; `newFile` is false for a further report on a file already counted (drift). */
export function addToTotals(totals: Totals, report: FileReport, newFile = true): void {
  if (newFile) totals.files++;
  for (const finding of report.findings) {
    totals.bySeverity[finding.severity]++;
    if (finding.fix) totals.fixable++;
  }
  if (report.fixed) totals.fixedFiles++;
}
