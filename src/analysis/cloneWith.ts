/** The copies behind the store's checkpoints: a new instance of an object's class with its fields,
 * some replaced by copies. Each class copies what it changes in place and shares what it never
 * changes (log entries, points once pushed, published snapshots), which is what makes a
 * checkpoint cheap to take and to restore. `replaced` names fields, private ones included. */
export function cloneWith<T extends object>(source: T, replaced: object): T {
  const copy = Object.create(Object.getPrototypeOf(source) as object | null) as T;
  return Object.assign(copy, source, replaced);
}
