// The file's one walk. Every reader of the walk (bindings, collectors, status positions, the file
// index) looks only at nodes of the kinds in `WALK_KINDS`, so the walk hands it those alone; and for
// an edited document it keeps, per top-level statement, the list of such nodes it met. TypeScript's
// incremental parse reuses the statements an edit did not touch (the same objects, whose positions
// it moves), so the next walk reads their lists instead of walking their subtrees again.
import ts from 'typescript';
import { COLLECTOR_WALK_KINDS } from '../adapters/collector';
import { HELPER_WALK_KINDS } from '../adapters/helperCalls';
import { HANDING_KINDS } from '../adapters/thrownErrors';
import { BINDING_KINDS } from '../facts/bindings';
import { INDEXED_KINDS, LISTED_KINDS } from '../facts/fileIndex';
import { STATUS_HOLDING_KINDS } from '../facts/refs';

/** Every kind of node a reader of the walk looks at. */
const WALK_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([...COLLECTOR_WALK_KINDS, ...HELPER_WALK_KINDS, ...HANDING_KINDS, ...BINDING_KINDS, ...INDEXED_KINDS, ...LISTED_KINDS, ...STATUS_HOLDING_KINDS]);

/** Per statement of an edited document, the nodes of `WALK_KINDS` in it, in walk order. */
const nodesByStatement = new WeakMap<ts.Statement, ts.Node[]>();

/**
 * Calls `visit` on the file and on each node of `WALK_KINDS` in it, parents before children, saying
 * whether the node's statement is one `checked` names (all are without it). With `keep`, reads the
 * statements a previous walk kept from their lists, and keeps the lists of the others (the
 * documents being edited; a file read once keeps nothing).
 */
export function walkFile(sourceFile: ts.SourceFile, visit: (node: ts.Node, inChecked: boolean) => void, keep: boolean, checked?: (statement: ts.Statement) => boolean): void {
  let kept: ts.Node[] | undefined;
  let inChecked = true;
  const walk = (node: ts.Node): void => {
    if (WALK_KINDS.has(node.kind)) {
      visit(node, inChecked);
      kept?.push(node);
    }
    ts.forEachChild(node, walk);
  };
  visit(sourceFile, true);
  for (const statement of sourceFile.statements) {
    inChecked = !checked || checked(statement);
    const nodes = keep ? nodesByStatement.get(statement) : undefined;
    if (nodes) {
      for (const node of nodes) visit(node, inChecked);
      continue;
    }
    kept = keep ? [] : undefined;
    walk(statement);
    if (kept) nodesByStatement.set(statement, kept);
  }
}
