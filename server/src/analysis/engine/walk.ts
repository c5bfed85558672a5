// The file's one walk. Every reader of the walk (bindings, collectors, status positions, the file
// index) looks only at nodes of its own kinds, so the walk hands it those alone. For an
// edited document it keeps, per top-level statement and per reader, the nodes the reader took there.
// TypeScript's incremental parse reuses the statements an edit did not touch (the same objects, whose
// positions it moves), so the next walk hands each reader its own nodes of those statements instead
// of walking their subtrees again and asking every reader about every node.
import ts from 'typescript';

/** One reader of the walk. */
export interface WalkReader {
  /** Names what `read` takes; the same key must mean the same answers in every analysis. */
  readonly key: string;
  /** The kinds of node it reads; the file itself is read first when `SourceFile` is one. */
  readonly kinds: ReadonlySet<ts.SyntaxKind>;
  /**
   * Reads a node of its kinds (parents before children, in source order); says whether the reader
   * took it. False must mean that reading the node again would do nothing, whatever the reader met
   * before and whether the statement is checked: judged from the node's own statement, for the next
   * walk does not hand the node to this reader again while its statement is unchanged.
   */
  read(node: ts.Node, inChecked: boolean): boolean;
  /** Given a kept statement's nodes `read` took, all at once: the same as `read` on each in turn, faster. */
  readTaken?(nodes: readonly ts.Node[], inChecked: boolean): void;
}

/** Per statement of an edited document, per reader's key, the nodes the reader took in it, in walk order. */
const takenByStatement = new WeakMap<ts.Statement, Map<string, ts.Node[]>>();

/**
 * Hands each reader the file and each node of its kinds in it, with whether the node's statement is
 * one `checked` names (all are without it). With `keep`, a statement a previous walk kept gives each
 * reader the nodes it took there, and the others keep theirs (the documents being edited; a file read
 * once keeps nothing). Readers are independent, so each may take a statement's nodes in turn.
 */
export function walkFile(sourceFile: ts.SourceFile, readers: readonly WalkReader[], keep: boolean, checked?: (statement: ts.Statement) => boolean): void {
  for (const reader of readers) if (reader.kinds.has(ts.SyntaxKind.SourceFile)) reader.read(sourceFile, true);
  const everyReader = readersByKind(readers);
  for (const statement of sourceFile.statements) {
    const inChecked = !checked || checked(statement);
    const kept = keep ? takenByStatement.get(statement) : undefined;
    let walking = readers;
    let byKind = everyReader;
    if (kept) {
      let read = 0;
      for (const reader of readers) {
        const nodes = kept.get(reader.key);
        if (!nodes) continue;
        read++;
        if (reader.readTaken) reader.readTaken(nodes, inChecked);
        else for (const node of nodes) reader.read(node, inChecked);
      }
      if (read === readers.length) continue;
      // A reader new to this statement (the file's frameworks changed) walks it.
      walking = readers.filter((reader) => !kept.has(reader.key));
      byKind = readersByKind(walking);
    }
    // A file read once keeps nothing: no lists to fill.
    const taken = keep ? walking.map((): ts.Node[] => []) : undefined;
    const walk = (node: ts.Node): void => {
      const indexes = byKind[node.kind];
      if (indexes) for (const index of indexes) if (walking[index].read(node, inChecked)) taken?.[index].push(node);
      ts.forEachChild(node, walk);
    };
    walk(statement);
    if (!taken) continue;
    const byReader = kept ?? new Map<string, ts.Node[]>();
    walking.forEach((reader, index) => byReader.set(reader.key, taken[index]));
    takenByStatement.set(statement, byReader);
  }
}

/** Per kind of node, the positions in `readers` of those that read it: each node is offered to those alone. */
function readersByKind(readers: readonly WalkReader[]): (number[] | undefined)[] {
  const byKind: (number[] | undefined)[] = [];
  readers.forEach((reader, index) => {
    for (const kind of reader.kinds) (byKind[kind] ??= []).push(index);
  });
  return byKind;
}
