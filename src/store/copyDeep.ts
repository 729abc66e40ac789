/** A deep copy that keeps what structuredClone drops: the classes of objects (a Collector stays a
 * Collector, with its methods) and the functions they hold. Shared references stay shared and
 * cycles are copied as cycles. For the lanes' checkpoints, whose derived state (the analysis, the
 * order book) is made of small classes over maps, sets, arrays and typed arrays. */

type Copies = Map<object, unknown>;

export function copyDeep<T>(value: T): T {
  return copy(value, new Map()) as T;
}

function copy(value: unknown, copies: Copies): unknown {
  if (typeof value !== 'object' || value === null) return value; // functions are shared too
  const done = copies.get(value);
  if (done !== undefined) return done;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    copies.set(value, out);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i], copies);
    return out;
  }
  if (ArrayBuffer.isView(value)) {
    const out = structuredClone(value);
    copies.set(value, out);
    return out;
  }
  if (value instanceof Map) {
    const out = new Map();
    copies.set(value, out);
    for (const [k, v] of value) out.set(copy(k, copies), copy(v, copies));
    return out;
  }
  if (value instanceof Set) {
    const out = new Set();
    copies.set(value, out);
    for (const v of value) out.add(copy(v, copies));
    return out;
  }
  const out = Object.create(Object.getPrototypeOf(value) as object | null) as Record<
    string,
    unknown
  >;
  copies.set(value, out);
  for (const key of Object.keys(value)) {
    out[key] = copy((value as Record<string, unknown>)[key], copies);
  }
  return out;
}
