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

/** The keys of a walk's readers, in order: one object per distinct list, so walks compare lists by reference. */
interface ReaderSet {
  positions: ReadonlyMap<string, number>;
}

/** Every reader set met: as many as the combinations of frameworks that files have. */
const readerSets = new Map<string, ReaderSet>();

function readerSetOf(readers: readonly WalkReader[]): ReaderSet {
  const keys = readers.map((reader) => reader.key);
  const id = keys.join('\n');
  let set = readerSets.get(id);
  if (!set) readerSets.set(id, (set = { positions: new Map(keys.map((key, position) => [key, position])) }));
  return set;
}

/** What a statement of an edited document kept: per reader of the walk that kept it, in that walk's order, the nodes it took there. */
interface KeptStatement {
  readers: ReaderSet;
  taken: readonly (readonly ts.Node[])[];
}

const takenByStatement = new WeakMap<ts.Statement, KeptStatement>();

/**
 * Hands each reader the file and each node of its kinds in it, with whether the node's statement is
 * one `checked` names (all are without it). With `keep`, a statement a previous walk kept gives each
 * reader the nodes it took there, and the others keep theirs (the documents being edited; a file read
 * once keeps nothing). Readers are independent, so each may take a statement's nodes in turn.
 */
export function walkFile(sourceFile: ts.SourceFile, readers: readonly WalkReader[], keep: boolean, checked?: (statement: ts.Statement) => boolean): void {
  for (const reader of readers) if (reader.kinds.has(ts.SyntaxKind.SourceFile)) reader.read(sourceFile, true);
  const everyReader = readersByKind(readers);
  const readerSet = keep ? readerSetOf(readers) : undefined;
  for (const statement of sourceFile.statements) {
    const inChecked = !checked || checked(statement);
    const kept = readerSet && takenByStatement.get(statement);
    // The readers of the walk that kept the statement (the file's frameworks did not change): no key to look up.
    if (kept && kept.readers === readerSet) {
      for (let position = 0; position < readers.length; position++) handTaken(readers[position], kept.taken[position], inChecked);
      continue;
    }
    const taken: (readonly ts.Node[])[] = [];
    const walking: number[] = [];
    readers.forEach((reader, position) => {
      const from = kept?.readers.positions.get(reader.key);
      if (kept && from !== undefined) handTaken(reader, (taken[position] = kept.taken[from]), inChecked);
      else walking.push(position);
    });
    // Readers new to the statement walk it: all of them, the first time.
    if (walking.length > 0) walkStatement(statement, walking.length === readers.length ? everyReader : readersByKind(walking.map((position) => readers[position])), walking, readers, inChecked, readerSet && taken);
    if (readerSet) takenByStatement.set(statement, { readers: readerSet, taken });
  }
}

function handTaken(reader: WalkReader, nodes: readonly ts.Node[], inChecked: boolean): void {
  if (nodes.length === 0) return;
  if (reader.readTaken) reader.readTaken(nodes, inChecked);
  else for (const node of nodes) reader.read(node, inChecked);
}

/** Shared by every statement where a reader took nothing. */
const NOTHING: readonly ts.Node[] = Object.freeze([]);

/**
 * Walks a statement for the readers at `walking` (their positions in `readers`, which `byKind` lists
 * by kind of node), and fills `taken` at each one's position when given (a file read once keeps nothing).
 */
function walkStatement(statement: ts.Statement, byKind: readonly (number[] | undefined)[], walking: readonly number[], readers: readonly WalkReader[], inChecked: boolean, taken: (readonly ts.Node[])[] | undefined): void {
  const lists = taken ? walking.map((): ts.Node[] => []) : undefined;
  const walk = (node: ts.Node): void => {
    const indexes = byKind[node.kind];
    if (indexes) for (const index of indexes) if (readers[walking[index]].read(node, inChecked)) lists?.[index].push(node);
    ts.forEachChild(node, walk);
  };
  walk(statement);
  if (taken && lists) walking.forEach((position, index) => (taken[position] = lists[index].length > 0 ? lists[index] : NOTHING));
}

/** Per kind of node, the positions in `readers` of those that read it: each node is offered to those alone. */
function readersByKind(readers: readonly WalkReader[]): (number[] | undefined)[] {
  const byKind: (number[] | undefined)[] = [];
  readers.forEach((reader, index) => {
    for (const kind of reader.kinds) (byKind[kind] ??= []).push(index);
  });
  return byKind;
}
