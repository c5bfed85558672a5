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

/** A file's index as a walk fills it: the parts it hands nodes to, and `remember`, which completes the index once the walk is over and keeps it for the file. */
export interface FileIndexing {
  parts: FileIndexPart[];
  remember(sourceFile: ts.SourceFile): FileIndex;
}

export function fileIndexing(): FileIndexing {
  const nodes = gathering<ts.Node>('listed nodes', LISTED_KINDS);
  const strings = gathering<ts.StringLiteralLike>('strings', STRING_KINDS);
  const properties = gathering<ts.PropertyAssignment | ts.ShorthandPropertyAssignment>('properties', PROPERTY_KINDS);
  const modules = new Set<string>();
  return {
    parts: [nodes.part, strings.part, properties.part, { key: 'modules', kinds: MODULE_KINDS, read: (node) => addModule(node, modules) }],
    remember: (sourceFile) => {
      const index = { modules, strings: strings.list(), properties: properties.list(), nodes: nodes.list() };
      indexByFile.set(sourceFile, index);
      return index;
    },
  };
}

const STRING_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([ts.SyntaxKind.StringLiteral, ts.SyntaxKind.NoSubstitutionTemplateLiteral]);
const PROPERTY_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([ts.SyntaxKind.PropertyAssignment, ts.SyntaxKind.ShorthandPropertyAssignment]);

/**
 * A list gathered in walk order. A kept statement's nodes arrive as the one list the walk kept, and
 * the lists are joined once the walk is over: an edit does not copy the file's nodes one by one.
 */
function gathering<T extends ts.Node>(key: string, kinds: ReadonlySet<ts.SyntaxKind>): { part: FileIndexPart; list(): T[] } {
  const runs: (readonly T[])[] = [];
  let walked: T[] | undefined;
  return {
    part: {
      key,
      kinds,
      read: (node) => {
        if (!walked) runs.push((walked = []));
        walked.push(node as T);
        return true;
      },
      readTaken: (nodes) => {
        walked = undefined;
        runs.push(nodes as readonly T[]);
      },
    },
    list: () => {
      let length = 0;
      for (const run of runs) length += run.length;
      const list = new Array<T>(length);
      let at = 0;
      for (const run of runs) for (let index = 0; index < run.length; index++) list[at++] = run[index];
      return list;
    },
  };
}

const MODULE_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([ts.SyntaxKind.ImportDeclaration, ts.SyntaxKind.ExternalModuleReference, ts.SyntaxKind.CallExpression]);

function addModule(node: ts.Node, modules: Set<string>): boolean {
  if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) modules.add(node.moduleSpecifier.text);
  else if (ts.isExternalModuleReference(node) && ts.isStringLiteral(node.expression)) modules.add(node.expression.text);
  else if (isRequireCall(node)) modules.add(node.arguments[0].text);
  else return false;
  return true;
}

/** The file's index: the one its analysis's walk gathered, or else from a walk of its own (a file read outside that walk). */
export function fileIndexOf(sourceFile: ts.SourceFile): FileIndex {
  const cached = indexByFile.get(sourceFile);
  if (cached) return cached;
  const { parts, remember } = fileIndexing();
  const visit = (node: ts.Node): void => {
    for (const part of parts) if (part.kinds.has(node.kind)) part.read(node);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return remember(sourceFile);
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
