/** The copies behind the store's checkpoints: a fresh instance of an object's class given its
 * fields, some replaced by copies. Each class copies what it changes in place and shares what it
 * never changes (log entries, points once pushed, published snapshots), which is what makes a
 * checkpoint cheap to take and to restore. The fresh instance comes from the class's constructor,
 * so copies have the same shape as the originals and the code that runs on both stays optimised
 * (an object made otherwise, say with Object.create, made a seek's first replay several times
 * slower). `replaced` names fields, private ones included. */
export function cloneWith<T extends object>(fresh: T, source: T, replaced: object): T {
  return Object.assign(fresh, source, replaced);
}
