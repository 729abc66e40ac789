/** Seeded random streams: sfc32 seeded through splitmix32, one independent stream per purpose. */

/** The whole generator state: four 32-bit words, plain data so a simulation can be snapshotted. */
export interface RngState {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** The named streams. Each concern draws only from its own, so moving the failure slider never
 * changes when orders arrive, and sync and async runs of one seed see the very same orders. */
export const STREAM_NAMES = [
  'arrivals',
  'validate',
  'charge',
  'save',
  'enqueue',
  'email',
  'emailFailure',
  'crash',
  'backoff',
  // Streams are derived from their names, so one added here moves none of the others.
  'serverCrash',
] as const;
export type StreamName = (typeof STREAM_NAMES)[number];
/** The named streams, and one or two per flow step beyond the checkout's (see streamNames). */
export type Streams = Record<StreamName, RngState> & Partial<Record<string, RngState>>;

function splitmix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  let z = x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A generator for one purpose, derived from the master seed and the purpose's name. */
export function createStream(seed: number, name: string): RngState {
  let x = (seed ^ hashName(name)) >>> 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    x = splitmix32(x + i * 0x632be5ab);
    words.push(x);
  }
  const state: RngState = { a: words[0]!, b: words[1]!, c: words[2]!, d: words[3]! };
  for (let i = 0; i < 12; i++) uniform(state);
  return state;
}

export function createStreams(seed: number, extra: readonly string[] = []): Streams {
  const streams = {} as Streams;
  for (const name of STREAM_NAMES) streams[name] = createStream(seed, name);
  for (const name of extra) streams[name] ??= createStream(seed, name);
  return streams;
}

/** A uniform draw strictly inside (0, 1), so that -log(u) and log(1 - u) are always finite. */
export function uniform(s: RngState): number {
  const t0 = (s.a + s.b) | 0;
  s.a = s.b ^ (s.b >>> 9);
  s.b = (s.c + (s.c << 3)) | 0;
  s.c = (s.c << 21) | (s.c >>> 11);
  s.d = (s.d + 1) | 0;
  const t = (t0 + s.d) | 0;
  s.c = (s.c + t) | 0;
  return ((t >>> 0) + 0.5) / 4294967296;
}

/** An exponential draw with mean 1. */
export function exponential(s: RngState): number {
  return -Math.log(uniform(s));
}

/** A standard normal draw (Box-Muller; both uniforms are consumed every time, for determinism). */
export function normal(s: RngState): number {
  const u1 = uniform(s);
  const u2 = uniform(s);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
