// The default output: per file, each finding with its position, severity, message and rule id
// and a code frame; then one summary line with counts and how many `--fix` would fix.
import * as path from 'node:path';
import type { Severity } from '../../analysis/types';
import type { FileReport, ReportedFinding } from '../analyseFile';
import type { Formatter, FormatContext, Totals } from './formatter';

const COLOURS: Record<Severity | 'dim' | 'bold', string> = { error: '31', warning: '33', information: '36', hint: '90', dim: '2', bold: '1' };

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export function readableFormatter(context: FormatContext): Formatter {
  const paint = (colour: keyof typeof COLOURS, text: string): string => (context.colour ? `\u001b[${COLOURS[colour]}m${text}\u001b[0m` : text);
  const frame = (finding: ReportedFinding): string => {
    const number = String(finding.start.line);
    const width = finding.start.line === finding.end.line ? Math.max(1, finding.end.column - finding.start.column) : Math.max(1, finding.lineText.length - finding.start.column + 1);
    const indent = finding.lineText.slice(0, finding.start.column - 1).replace(/[^\t]/g, ' ');
    return [`  ${paint('dim', `${number} |`)} ${finding.lineText}`, `  ${' '.repeat(number.length)} ${paint('dim', '|')} ${indent}${paint(finding.severity, '^'.repeat(width))}`].join('\n');
  };
  return {
    file(report: FileReport) {
      const name = path.relative(context.cwd, report.file) || report.file;
      if (report.fixed) context.write(`${paint('bold', name)}: ${context.fix === 'write' ? 'fixed' : 'would fix'} ${plural(report.fixed.edits, 'finding')}\n`);
      if (report.findings.length === 0) return;
      context.write(`${paint('bold', name)}\n`);
      for (const finding of report.findings) {
        const where = `${name}:${finding.start.line}:${finding.start.column}`;
        context.write(`  ${where}  ${paint(finding.severity, finding.severity)}  ${finding.message}  ${paint('dim', finding.ruleId)}\n`);
        if (finding.lineText) context.write(`${frame(finding)}\n`);
      }
      context.write('\n');
    },
    end(totals: Totals) {
      const { error, warning, information, hint } = totals.bySeverity;
      const counts = [plural(error, 'error'), plural(warning, 'warning'), `${information} information`, plural(hint, 'hint')].join(', ');
      const fixable = totals.fixable > 0 ? `; ${totals.fixable} fixable with --fix` : '';
      context.write(`${plural(totals.files, 'file')} checked: ${counts}${fixable}\n`);
    },
  };
}
