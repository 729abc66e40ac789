/** `npm run bench:seek` (and part of `npm run bench`): how long a user waits for a seek in a long
 * run, and the memory the checkpoints behind it take. A 1-hour run at 50 orders/s (enough
 * handlers and workers that both lanes keep up), played through the store's frame loop with a
 * user's change on the way; then 30 far jumps, backward and forward alternately, each timed from
 * the store's `seek` until the new moment is published (sliced jumps included). Run with
 * --expose-gc so the checkpoints' memory is measured on the heap (with the typed arrays' buffers,
 * which V8 keeps outside it). */
// Every broker registered: this runs any of them, with no first load to keep small.
import '../src/engine/queue/all.ts';
import { serialize } from 'node:v8';
import { approxBytes } from '../src/store/replay/approxBytes.ts';
import { Lane } from '../src/store/lanes/lane.ts';
import { createSimulator } from '../src/store/simulatorStore.ts';
import type { FrameClock } from '../src/store/simulatorTypes.ts';

const HOUR_MS = 3_600_000;
const JUMPS = 30;
/** A far jump: at least this much simulated time from where the user is. */
const FAR_MS = 600_000;

let pending: ((wallMs: number) => void) | null = null;
const clock: FrameClock = {
  now: () => performance.now(),
  requestFrame(callback) {
    pending = callback;
    return 1;
  },
  cancelFrame() {
    pending = null;
  },
};
/** Runs the frames the store asks for, as the browser would, until it asks for none. */
function pumpFrames(until: () => boolean): void {
  for (let guard = 0; guard < 1_000_000 && pending && !until(); guard++) {
    const callback = pending;
    pending = null;
    callback(clock.now());
  }
}

const simulator = createSimulator({
  clock,
  durationMs: HOUR_MS,
  settings: {
    'traffic.pattern': 'steady',
    'traffic.rate': 50,
    'server.handlers': 200,
    'workers.count': 100,
  },
});
const store = simulator.store;

const played = performance.now();
store.getState().setSpeed(1_000_000);
store.getState().play();
pumpFrames(() => store.getState().simMs >= HOUR_MS / 3);
store.getState().change('workers.count', '80'); // a user's timed change, 20 minutes in
store.getState().play();
pumpFrames(() => store.getState().simMs >= HOUR_MS);
store.getState().pause();
const playMs = performance.now() - played;

// A seeded generator, so that every run of the benchmark makes the same jumps.
let seed = 12345;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

const waits: number[] = [];
const directions: string[] = [];
for (let i = 0; i < JUMPS; i++) {
  const now = store.getState().simMs;
  const back = i % 2 === 0 ? now >= FAR_MS : now > HOUR_MS - FAR_MS;
  const target = back
    ? Math.round(random() * (now - FAR_MS))
    : Math.round(now + FAR_MS + random() * (HOUR_MS - FAR_MS - now));
  const started = performance.now();
  store.getState().seek(target);
  pumpFrames(() => store.getState().jump === null);
  const waited = performance.now() - started;
  if (store.getState().simMs !== target) throw new Error(`the seek to ${target} ms did not land`);
  waits.push(waited);
  directions.push(back ? 'back' : 'forward');
}

const sorted = [...waits].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
const worst = sorted[sorted.length - 1]!;
// What one checkpoint costs to take (while playing, a dropped frame) and to restore.
const taking: number[] = [];
const restoring: number[] = [];
const recipe = simulator.recipe();
// The store's lanes are its own: copies of them, restored from the newest checkpoint before now
// and run on to now, are the same lanes (a replay is byte for byte the live run).
const nowMs = store.getState().simMs;
const from = simulator.checkpoints().latestFor(nowMs, recipe.changes);
if (!from) throw new Error(`no checkpoint before ${nowMs} ms`);
const copies = {
  sync: new Lane('sync', recipe, 0, { checkpoint: from.lanes.sync, applied: from.applied.length }),
  async: new Lane('async', recipe, 0, {
    checkpoint: from.lanes.async,
    applied: from.applied.length,
  }),
};
copies.sync.runUntil(nowMs);
copies.async.runUntil(nowMs);
for (let i = 0; i < 5; i++) {
  let started = performance.now();
  const lanes = { sync: copies.sync.checkpoint(), async: copies.async.checkpoint() };
  approxBytes(lanes);
  taking.push(performance.now() - started);
  started = performance.now();
  for (const mode of ['sync', 'async'] as const) {
    new Lane(mode, recipe, 0, { checkpoint: lanes[mode], applied: recipe.changes.length });
  }
  restoring.push(performance.now() - started);
}

const cps = simulator.checkpoints();
const count = cps.all.length;
const spacing = cps.spacingNow;
const estimateMb = cps.bytes / 1e6;
let engineBytes = 0;
for (const cp of cps.all) {
  for (const lane of Object.values(cp.lanes)) engineBytes += serialize(lane.sim.state).length;
}
const gc = (globalThis as { gc?: () => void }).gc;
let heapMb = NaN;
if (gc) {
  gc();
  const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const before = used();
  cps.clear();
  gc();
  heapMb = (before - used()) / 1e6;
}

const backs = waits.filter((_, i) => directions[i] === 'back');
const forwards = waits.filter((_, i) => directions[i] === 'forward');
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log('Seeking in a 1-hour run at 50 orders/s (both lanes; a change at 20 min)');
console.log(`  playing the hour through the frame loop: ${(playMs / 1000).toFixed(1)} s`);
console.log(
  `  ${JUMPS} far jumps (≥ ${FAR_MS / 60_000} min), seek until published: ` +
    `median ${median.toFixed(1)} ms, worst ${worst.toFixed(1)} ms (bars: 50 ms, 100 ms)`,
);
console.log(
  `    backward: median ${med(backs).toFixed(1)} ms, worst ${Math.max(...backs).toFixed(1)} ms; ` +
    `forward: median ${med(forwards).toFixed(1)} ms, worst ${Math.max(...forwards).toFixed(1)} ms`,
);
console.log(
  `  checkpoints: ${count}, every ${spacing.toLocaleString('en-GB')} log entries ` +
    `(about ${(HOUR_MS / 1000 / Math.max(1, count)) | 0} s of this run)`,
);
console.log(
  `  their memory: ${gc ? `${heapMb.toFixed(1)} MB on the heap and in buffers` : 'heap not measured (no --expose-gc)'}, ` +
    `${estimateMb.toFixed(1)} MB estimated (the cap counts this), ` +
    `${(engineBytes / 1e6).toFixed(1)} MB of engine state serialised`,
);
console.log(
  `  one checkpoint of both lanes (median of 5): taking it ${med(taking).toFixed(1)} ms, ` +
    `restoring it ${med(restoring).toFixed(1)} ms`,
);
simulator.dispose();
