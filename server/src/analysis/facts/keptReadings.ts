// What an unchanged statement of an edited document tells a reading, made once. TypeScript's
// incremental parse keeps such a statement as the same object in every version, with the same subtree
// and the same list of nodes each reader of the walk took there (`engine/walk.ts`); what the statement,
// or those nodes, tell a reading of their own subtree alone is therefore the same each time, and kept
// with them: a reader's notes, a statement's kind of unit, the modules it loads, its style counts.

/** `read(key)`, made the first time this statement or list of taken nodes is met and kept in `readings` after. */
export function readOnce<K extends object, T>(readings: WeakMap<K, T>, key: K, read: (key: K) => T): T {
  let reading = readings.get(key);
  if (reading === undefined) {
    reading = read(key);
    readings.set(key, reading);
  }
  return reading;
}
