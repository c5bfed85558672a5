// `--format json`: one array of files with findings (paths relative to the working folder),
// written file by file.
import * as path from 'node:path';
import type { FileReport } from '../analyseFile';
import type { Formatter, FormatContext } from './formatter';

export function jsonFormatter(context: FormatContext): Formatter {
  let first = true;
  return {
    file(report: FileReport) {
      if (report.findings.length === 0 && !report.fixed) return;
      context.write(`${first ? '[\n' : ',\n'}${JSON.stringify({ ...report, file: path.relative(context.cwd, report.file) || report.file })}`);
      first = false;
    },
    end() {
      context.write(first ? '[]\n' : '\n]\n');
    },
  };
}
