// What a reader of the file's walk makes of a kept statement's nodes, made once. An unchanged
// statement of an edited document is the same object in every version, with the same subtree and the
// same list of nodes each reader took there (`engine/walk.ts`); what those nodes tell a reader that
// reads their own subtrees alone is therefore the same each time, and kept with the list.
import type ts from 'typescript';

/** `read(nodes)`, made the first time this list of taken nodes is met and kept in `readings` after. */
export function readOnce<T>(readings: WeakMap<readonly ts.Node[], T>, nodes: readonly ts.Node[], read: (nodes: readonly ts.Node[]) => T): T {
  let reading = readings.get(nodes);
  if (reading === undefined) {
    reading = read(nodes);
    readings.set(nodes, reading);
  }
  return reading;
}
