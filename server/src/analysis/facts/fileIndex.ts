// What per-file questions look through, gathered during the analysis's one walk so that none of
// them walks the file again: the modules it loads, its string literals, its property assignments,
// and its functions, calls, declarations and assignments in order, so that a handler's own readings
// take its run of that list instead of walking its subtree. A file analysed outside that walk (a test
// asking one question) is walked once here instead.
import ts from 'typescript';

export interface FileIndex {
  /** `import … from 'x'`, `import x = require('x')`, `require('x')` anywhere. */
  modules: Set<string>;
  /** Every string literal and no-substitution template, in source order. */
  strings: ts.StringLiteralLike[];
  /** Every `key: value` and `{ key }` of an object literal, in source order. */
  properties: (ts.PropertyAssignment | ts.ShorthandPropertyAssignment)[];
  /** The file's nodes of `LISTED_KINDS`, parents before children: by position, a subtree's are one run of it. */
  nodes: ts.Node[];
}

const indexByFile = new WeakMap<ts.SourceFile, FileIndex>();

export function emptyFileIndex(): FileIndex {
  return { modules: new Set(), strings: [], properties: [], nodes: [] };
}

/**
 * The kinds of node that readings of a subtree (`listedWithin`) may look for: functions and classes
 * (where a reading stops), statements that leave a function, declarations, assignments and calls.
 * The file's walk visits these among others.
 */
export const LISTED_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.ClassExpression,
  ts.SyntaxKind.ReturnStatement,
  ts.SyntaxKind.ThrowStatement,
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.NewExpression,
  ts.SyntaxKind.BinaryExpression,
]);

/**
 * One part of an index, as the file's walk fills it (a `WalkReader`): the kinds of node it reads, how
 * it reads one (true when it took it), and for parts that only gather nodes, a kept statement's at once.
 */
export interface FileIndexPart {
  key: string;
  kinds: ReadonlySet<ts.SyntaxKind>;
  read(node: ts.Node): boolean;
  readTaken?(nodes: readonly ts.Node[]): void;
}

/** The parts that fill `index`, in walk order. */
export function fileIndexParts(index: FileIndex): FileIndexPart[] {
  const gathering = <T extends ts.Node>(key: string, kinds: ReadonlySet<ts.SyntaxKind>, into: T[]): FileIndexPart => ({
    key,
    kinds,
    read: (node) => {
      into.push(node as T);
      return true;
    },
    readTaken: (nodes) => {
      for (const node of nodes) into.push(node as T);
    },
  });
  return [
    gathering('listed nodes', LISTED_KINDS, index.nodes),
    gathering('strings', new Set([ts.SyntaxKind.StringLiteral, ts.SyntaxKind.NoSubstitutionTemplateLiteral]), index.strings),
    gathering('properties', new Set([ts.SyntaxKind.PropertyAssignment, ts.SyntaxKind.ShorthandPropertyAssignment]), index.properties),
    { key: 'modules', kinds: MODULE_KINDS, read: (node) => addModule(node, index.modules) },
  ];
}

const MODULE_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([ts.SyntaxKind.ImportDeclaration, ts.SyntaxKind.ExternalModuleReference, ts.SyntaxKind.CallExpression]);

function addModule(node: ts.Node, modules: Set<string>): boolean {
  if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) modules.add(node.moduleSpecifier.text);
  else if (ts.isExternalModuleReference(node) && ts.isStringLiteral(node.expression)) modules.add(node.expression.text);
  else if (isRequireCall(node)) modules.add(node.arguments[0].text);
  else return false;
  return true;
}

/** A walk of its own that fills `index` (a file read outside the analysis's walk). */
export function fileIndexReader(index: FileIndex): (node: ts.Node) => void {
  const parts = fileIndexParts(index);
  return (node) => {
    for (const part of parts) if (part.kinds.has(node.kind)) part.read(node);
  };
}

/** Keeps the index a walk of the whole file gathered. */
export function rememberFileIndex(sourceFile: ts.SourceFile, index: FileIndex): void {
  indexByFile.set(sourceFile, index);
}

export function fileIndexOf(sourceFile: ts.SourceFile): FileIndex {
  const cached = indexByFile.get(sourceFile);
  if (cached) return cached;
  const index = emptyFileIndex();
  const add = fileIndexReader(index);
  const visit = (node: ts.Node): void => {
    add(node);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  indexByFile.set(sourceFile, index);
  return index;
}

/**
 * The nodes of `LISTED_KINDS` in `root`'s subtree, `root` first when it is one, parents before
 * children: in the walk's order a subtree's are one run of the file's list, found by position.
 */
export function listedWithin(root: ts.Node): readonly ts.Node[] {
  const nodes = fileIndexOf(root.getSourceFile()).nodes;
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (nodes[middle].pos < root.pos) low = middle + 1;
    else high = middle;
  }
  // Ancestors (and empty nodes before it) that start where `root` starts come first.
  while (low < nodes.length && nodes[low].pos === root.pos && !isWithin(nodes[low], root)) low++;
  return nodes.slice(low, runEnd(nodes, low, root));
}

/**
 * Calls `visit` on each node of `listedWithin(root)` in walk order; where it answers `'skip'`, that
 * node's descendants are left out (a nested function the reading does not enter).
 */
export function visitListed(root: ts.Node, visit: (node: ts.Node) => 'skip' | undefined): void {
  const nodes = listedWithin(root);
  for (let index = 0; index < nodes.length; index++) if (visit(nodes[index]) === 'skip') index = afterSubtree(nodes, index) - 1;
}

/** The nodes of `listedWithin(root)` whose first token starts before `offset`, in walk order. */
export function listedBefore(root: ts.Node, offset: number): ts.Node[] {
  const nodes = listedWithin(root);
  const before: ts.Node[] = [];
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index];
    // Positions only grow in walk order: the rest starts at `offset` or later.
    if (node.pos >= offset) break;
    // Its trivia begins before `offset` and its first token does not: nor do its descendants'.
    if (node.end > offset && node.getStart() >= offset) index = afterSubtree(nodes, index) - 1;
    else before.push(node);
  }
  return before;
}

/** The index just past the subtree of `nodes[index]` (its descendants follow it in `nodes`). */
export function afterSubtree(nodes: readonly ts.Node[], index: number): number {
  return runEnd(nodes, index + 1, nodes[index]);
}

/** From `start`, the end of the run of `root`'s descendants: what starts inside it, or empty at its very end. */
function runEnd(nodes: readonly ts.Node[], start: number, root: ts.Node): number {
  let end = start;
  while (end < nodes.length && (nodes[end].pos < root.end || (nodes[end].pos === root.end && nodes[end].end === root.end && isWithin(nodes[end], root)))) end++;
  return end;
}

function isWithin(node: ts.Node, root: ts.Node): boolean {
  for (let current: ts.Node | undefined = node; current && current.pos >= root.pos; current = current.parent) if (current === root) return true;
  return false;
}

function isRequireCall(node: ts.Node): node is ts.CallExpression & { arguments: [ts.StringLiteral] } {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0]);
}
