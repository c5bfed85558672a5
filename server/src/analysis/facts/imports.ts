// Which modules a file loads: `import … from 'x'`, `import 'x'`, `import x = require('x')`,
// `require('x')` anywhere. Read on demand, for the few questions that depend on a file's imports.
import ts from 'typescript';

const modulesByFile = new WeakMap<ts.SourceFile, ReadonlySet<string>>();

export function importedModules(sourceFile: ts.SourceFile): ReadonlySet<string> {
  const cached = modulesByFile.get(sourceFile);
  if (cached) return cached;
  const modules = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) modules.add(node.moduleSpecifier.text);
    else if (ts.isExternalModuleReference(node) && ts.isStringLiteral(node.expression)) modules.add(node.expression.text);
    else if (isRequireCall(node)) modules.add(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  modulesByFile.set(sourceFile, modules);
  return modules;
}

function isRequireCall(node: ts.Node): node is ts.CallExpression & { arguments: [ts.StringLiteral] } {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0]);
}
