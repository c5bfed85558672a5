// Which modules a file loads: `import … from 'x'`, `import 'x'`, `import x = require('x')`,
// `require('x')` anywhere. Read on demand, for the few questions that depend on a file's imports.
import type ts from 'typescript';
import { fileIndexOf } from './fileIndex';

export function importedModules(sourceFile: ts.SourceFile): ReadonlySet<string> {
  return fileIndexOf(sourceFile).modules;
}
