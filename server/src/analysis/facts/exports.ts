// What a module exports, by path from its namespace, as the nodes that hold the values:
// `sendError` for `export function sendError` or `exports.sendError = …`, `default.ok` for
// `export default { ok }`, `Responses.ok` for a static method of an exported class. CommonJS
// exports are also the ESM default (`require(…)` and `import x from` see the same object).
// A local name exported by reference is followed to its one declaration.
import ts from 'typescript';
import { skipTypeWrappers } from './syntax';

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false);
}

/** `module.exports`, `exports`: the CommonJS export object, or a member of it (`module.exports.x`, `exports.x`). */
function commonJsTarget(expression: ts.Expression): string[] | undefined {
  if (ts.isIdentifier(expression) && expression.text === 'exports') return [];
  if (!ts.isPropertyAccessExpression(expression)) return undefined;
  if (ts.isIdentifier(expression.expression) && expression.expression.text === 'module' && expression.name.text === 'exports') return [];
  return commonJsTarget(expression.expression)?.length === 0 ? [expression.name.text] : undefined;
}

function topLevelDeclarations(sourceFile: ts.SourceFile): Map<string, ts.Node[]> {
  const locals = new Map<string, ts.Node[]>();
  const declare = (name: ts.Node | undefined, value: ts.Node): void => {
    if (name && ts.isIdentifier(name)) locals.set(name.text, [...(locals.get(name.text) ?? []), value]);
  };
  for (const statement of sourceFile.statements) {
    if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) declare(statement.name, statement);
    if (ts.isVariableStatement(statement)) for (const declaration of statement.declarationList.declarations) if (declaration.initializer) declare(declaration.name, declaration.initializer);
  }
  return locals;
}

/** Every exported value by its dotted path (`default.getUser`), objects and static class members expanded. */
export function exportedValues(sourceFile: ts.SourceFile): Map<string, ts.Node> {
  const locals = topLevelDeclarations(sourceFile);
  const values = new Map<string, ts.Node>();
  const seen = new Set<ts.Node>();
  const exportValue = (path: readonly string[], node: ts.Node): void => {
    const value = ts.isExpression(node) ? skipTypeWrappers(node) : node;
    if (seen.has(value)) return;
    seen.add(value);
    if (ts.isIdentifier(value)) {
      const declared = locals.get(value.text);
      if (declared?.length === 1) exportValue(path, declared[0]);
    } else if (ts.isObjectLiteralExpression(value)) {
      for (const property of value.properties) {
        const key = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
        if (!key) continue;
        if (ts.isMethodDeclaration(property)) exportValue([...path, key], property);
        else if (ts.isPropertyAssignment(property)) exportValue([...path, key], property.initializer);
        else if (ts.isShorthandPropertyAssignment(property)) exportValue([...path, key], property.name);
      }
    } else {
      if (path.length > 0) values.set(path.join('.'), value);
      if (ts.isClassLike(value)) {
        for (const member of value.members) {
          if (hasModifier(member, ts.SyntaxKind.StaticKeyword) && ts.isMethodDeclaration(member) && ts.isIdentifier(member.name)) exportValue([...path, member.name.text], member);
        }
      }
    }
    seen.delete(value);
  };
  for (const statement of sourceFile.statements) {
    const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && exported) {
      const name = hasModifier(statement, ts.SyntaxKind.DefaultKeyword) ? 'default' : statement.name?.text;
      if (name) exportValue([name], statement);
    } else if (ts.isVariableStatement(statement) && exported) {
      for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name) && declaration.initializer) exportValue([declaration.name.text], declaration.initializer);
    } else if (ts.isExportAssignment(statement) && !statement.isExportEquals) {
      exportValue(['default'], statement.expression);
    } else if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) exportValue([element.name.text], element.propertyName ?? element.name);
    } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = commonJsTarget(statement.expression.left);
      if (!target) continue;
      // `module.exports = { ok }`: `require(…).ok`, and `.ok` of an ESM default import.
      exportValue(target, statement.expression.right);
      exportValue(['default', ...target], statement.expression.right);
    }
  }
  return values;
}
