// What the names of one file stand for, as far as a reader of that file can tell:
// imports of status-constant libraries and `const` numbers or objects of numbers.
import ts from 'typescript';
import { skipTypeWrappers } from './syntax';
import { constantValue, tableFor } from './constants';
import type { ConstantTable } from '../types';

type LibraryTable = Exclude<ConstantTable, 'local'>;

export type Binding =
  | { kind: 'table'; table: LibraryTable }
  | { kind: 'member'; table: LibraryTable; member: string }
  | { kind: 'number'; value: number }
  | { kind: 'object'; members: ReadonlyMap<string, number> };

export type Bindings = ReadonlyMap<string, Binding>;

/** Records what `node` binds, if anything; called for every node of the file in one walk. */
export function addBindingsOf(node: ts.Node, bindings: Map<string, Binding>): void {
  if (ts.isImportDeclaration(node)) addImport(node, bindings);
  else if (ts.isVariableDeclaration(node) && isConst(node)) addConst(node, bindings);
}

function isConst(declaration: ts.VariableDeclaration): boolean {
  const list = declaration.parent;
  return ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
}

function bindImported(module: string, imported: string, local: string, bindings: Map<string, Binding>): void {
  const table = tableFor(module, imported);
  if (table) {
    bindings.set(local, { kind: 'table', table });
    return;
  }
  // A member imported by name: `import { NOT_FOUND } from 'http-status-codes'`.
  const moduleTable = tableFor(module, '*');
  if (moduleTable && constantValue(moduleTable, imported) !== undefined) {
    bindings.set(local, { kind: 'member', table: moduleTable, member: imported });
  }
}

function addImport(node: ts.ImportDeclaration, bindings: Map<string, Binding>): void {
  if (!ts.isStringLiteral(node.moduleSpecifier) || !node.importClause) return;
  const module = node.moduleSpecifier.text;
  const clause = node.importClause;
  if (clause.name) bindImported(module, 'default', clause.name.text, bindings);
  const named = clause.namedBindings;
  if (!named) return;
  if (ts.isNamespaceImport(named)) {
    bindImported(module, '*', named.name.text, bindings);
    return;
  }
  for (const element of named.elements) {
    bindImported(module, (element.propertyName ?? element.name).text, element.name.text, bindings);
  }
}

/** `require('x')` or `require('x').Member`: the module and the member taken. */
function requireOf(expression: ts.Expression): { module: string; member?: string } | undefined {
  if (ts.isPropertyAccessExpression(expression)) {
    const inner = requireOf(expression.expression);
    return inner && !inner.member ? { module: inner.module, member: expression.name.text } : undefined;
  }
  if (
    ts.isCallExpression(expression) &&
    ts.isIdentifier(expression.expression) &&
    expression.expression.text === 'require' &&
    expression.arguments.length === 1 &&
    ts.isStringLiteral(expression.arguments[0])
  ) {
    return { module: expression.arguments[0].text };
  }
  return undefined;
}

function addConst(node: ts.VariableDeclaration, bindings: Map<string, Binding>): void {
  const init = node.initializer && skipTypeWrappers(node.initializer);
  if (!init) return;
  const required = requireOf(init);
  if (required) {
    if (ts.isIdentifier(node.name)) {
      // CommonJS default export (`const httpStatus = require('http-status')`) or a member.
      bindImported(required.module, required.member ?? (tableFor(required.module, 'default') ? 'default' : '*'), node.name.text, bindings);
    } else if (ts.isObjectBindingPattern(node.name) && !required.member) {
      for (const element of node.name.elements) {
        if (!ts.isIdentifier(element.name)) continue;
        const imported = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
        bindImported(required.module, imported, element.name.text, bindings);
      }
    }
    return;
  }
  if (!ts.isIdentifier(node.name)) return;
  if (ts.isNumericLiteral(init)) {
    bindings.set(node.name.text, { kind: 'number', value: Number(init.text) });
  } else if (ts.isObjectLiteralExpression(init)) {
    const members = new Map<string, number>();
    for (const property of init.properties) {
      if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
      const value = skipTypeWrappers(property.initializer);
      if (ts.isNumericLiteral(value)) members.set(property.name.text, Number(value.text));
    }
    if (members.size > 0) bindings.set(node.name.text, { kind: 'object', members });
  }
}
