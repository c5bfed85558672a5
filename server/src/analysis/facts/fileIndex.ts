// What per-file questions look through, gathered during the analysis's one walk so that none of
// them walks the file again: the modules it loads, its string literals, its property assignments.
// A file analysed outside that walk (a test asking one question) is walked once here instead.
import ts from 'typescript';

export interface FileIndex {
  /** `import … from 'x'`, `import x = require('x')`, `require('x')` anywhere. */
  modules: Set<string>;
  /** Every string literal and no-substitution template, in source order. */
  strings: ts.StringLiteralLike[];
  /** Every `key: value` and `{ key }` of an object literal, in source order. */
  properties: (ts.PropertyAssignment | ts.ShorthandPropertyAssignment)[];
}

const indexByFile = new WeakMap<ts.SourceFile, FileIndex>();

export function emptyFileIndex(): FileIndex {
  return { modules: new Set(), strings: [], properties: [] };
}

/** The kinds of node the index keeps or reads a module from. Tested first on every node of the walk: one look-up in a set, where each `ts.isX` is a look-up in TypeScript's very large namespace object. */
export const INDEXED_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.PropertyAssignment,
  ts.SyntaxKind.ShorthandPropertyAssignment,
  ts.SyntaxKind.ImportDeclaration,
  ts.SyntaxKind.ExternalModuleReference,
  ts.SyntaxKind.CallExpression,
]);

/** Adds what `node` itself holds; called for every node of the file, parents before children. */
export function addToFileIndex(node: ts.Node, index: FileIndex): void {
  if (!INDEXED_KINDS.has(node.kind)) return;
  if (ts.isStringLiteralLike(node)) index.strings.push(node);
  else if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) index.properties.push(node);
  else if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) index.modules.add(node.moduleSpecifier.text);
  else if (ts.isExternalModuleReference(node) && ts.isStringLiteral(node.expression)) index.modules.add(node.expression.text);
  else if (isRequireCall(node)) index.modules.add(node.arguments[0].text);
}

/** Keeps the index a walk of the whole file gathered. */
export function rememberFileIndex(sourceFile: ts.SourceFile, index: FileIndex): void {
  indexByFile.set(sourceFile, index);
}

export function fileIndexOf(sourceFile: ts.SourceFile): FileIndex {
  const cached = indexByFile.get(sourceFile);
  if (cached) return cached;
  const index = emptyFileIndex();
  const visit = (node: ts.Node): void => {
    addToFileIndex(node, index);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  indexByFile.set(sourceFile, index);
  return index;
}

function isRequireCall(node: ts.Node): node is ts.CallExpression & { arguments: [ts.StringLiteral] } {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0]);
}
