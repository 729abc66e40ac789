// A canonical text of a value, for "byte for byte" comparisons: JSON that also spells out what
// JSON would lose or blur (maps, sets, typed arrays, -0, NaN, infinities, undefined). Unlike
// v8.serialize it does not depend on how the engine happens to store a number (a small integer
// and the same value as a double serialise differently there).
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === undefined) return '(undefined)';
    if (typeof v === 'number') {
      if (Object.is(v, -0)) return '(-0)';
      if (!Number.isFinite(v)) return `(${v})`;
      return v;
    }
    if (v instanceof Map) return { '(map)': [...v] };
    if (v instanceof Set) return { '(set)': [...v] };
    if (ArrayBuffer.isView(v)) return { [`(${v.constructor.name})`]: Array.from(v as never) };
    return v;
  });
}
