/** About how many bytes a value holds in memory, from a walk of its object graph (shared objects
 * counted once). Rough by design (V8's real layout varies), but cheap, deterministic and
 * proportional, which is what the checkpoints' memory cap needs. Each distinct string counts once. */

const OBJECT = 24;
const SLOT = 8;

export function approxBytes(root: unknown): number {
  const seen = new Set<object>();
  const strings = new Set<string>();
  const stack: unknown[] = [root];
  let bytes = 0;
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      // The engine's strings are a few constants (kinds, steps, pages), one copy each in memory.
      if (!strings.has(value)) bytes += 16 + value.length * 2;
      strings.add(value);
    } else if (typeof value === 'number') bytes += SLOT;
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (ArrayBuffer.isView(value)) bytes += OBJECT + value.byteLength;
    else if (Array.isArray(value)) {
      bytes += OBJECT + value.length * SLOT;
      for (const item of value)
        if (typeof item === 'object' || typeof item === 'string') stack.push(item);
    } else if (value instanceof Map) {
      bytes += OBJECT + value.size * 3 * SLOT;
      for (const [k, v] of value) stack.push(k, v);
    } else if (value instanceof Set) {
      bytes += OBJECT + value.size * 2 * SLOT;
      for (const v of value) stack.push(v);
    } else {
      const record = value as Record<string, unknown>;
      for (const key in record) {
        bytes += SLOT;
        const v = record[key];
        if (typeof v === 'object' || typeof v === 'string') stack.push(v);
      }
      bytes += OBJECT;
    }
  }
  return bytes;
}
