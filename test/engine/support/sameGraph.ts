/** Compares two object graphs as values with their sharing: the first difference's path, or null
 * when they are the same. Numbers compare with Object.is (so NaN equals NaN, 0 differs from -0);
 * typed arrays element by element; an object met a second time on one side must be met again,
 * at the same place, on the other, so two references to one order stay two references to one
 * order. How V8 happens to store a number (a small integer or a double) does not count, which is
 * why this, and not the serialised bytes, says whether a copy is faithful. */
export function graphDifference(a: unknown, b: unknown): string | null {
  const paired = new Map<object, object>();
  const pairedBack = new Map<object, object>();
  const walk = (x: unknown, y: unknown, path: string): string | null => {
    if (typeof x !== 'object' || x === null || typeof y !== 'object' || y === null) {
      return Object.is(x, y) ? null : `${path}: ${String(x)} against ${String(y)}`;
    }
    const seen = paired.get(x);
    if (seen !== undefined) return seen === y ? null : `${path}: a shared object is not shared`;
    if (pairedBack.has(y)) return `${path}: one object on one side, two on the other`;
    paired.set(x, y);
    pairedBack.set(y, x);
    if (Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return `${path}: another kind`;
    if (ArrayBuffer.isView(x)) {
      const xs = x as unknown as ArrayLike<number>;
      const ys = y as unknown as ArrayLike<number>;
      if (xs.length !== ys.length) return `${path}: length ${xs.length} against ${ys.length}`;
      for (let i = 0; i < xs.length; i++) {
        if (!Object.is(xs[i], ys[i])) return `${path}[${i}]: ${xs[i]} against ${ys[i]}`;
      }
      return null;
    }
    const xKeys = Object.keys(x);
    const yKeys = Object.keys(y);
    if (xKeys.join() !== yKeys.join()) return `${path}: keys ${xKeys} against ${yKeys}`;
    for (const key of xKeys) {
      const found = walk(
        (x as Record<string, unknown>)[key],
        (y as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (found) return found;
    }
    return null;
  };
  return walk(a, b, 'state');
}
