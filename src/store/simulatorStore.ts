/** The simulator's one store, with no React in it: the lanes (a LanePair, with its checkpoints),
 * the state creator over them (simulatorState.ts: the frame loop, recorded changes, publishing)
 * and the handles beside the state that are not state (the lanes' readers, the frame signal). */
import { createStore } from 'zustand/vanilla';
import { LanePair } from './lanes/lanePair.ts';
import { laneReader } from './lanes/laneReader.ts';
import { DEFAULT_DURATION_MS, simulatorState } from './simulatorState.ts';
import type { FrameClock, Simulator, SimulatorOptions } from './simulatorTypes.ts';

export type * from './simulatorTypes.ts';
export type { LaneReader } from './lanes/laneReader.ts';
export { DEFAULT_DURATION_MS } from './simulatorState.ts';

/** A task queued from a frame runs after that frame is drawn: a message, unlike a timer, is not
 * held back by timer clamping. The channel is made on first use, in a page only: an open port
 * would keep a Node process (a benchmark) alive. */
function afterFrame(): FrameClock['afterFrame'] {
  if (typeof MessageChannel === 'undefined' || typeof requestAnimationFrame === 'undefined') {
    return undefined;
  }
  let channel: MessageChannel | null = null;
  const queue: (() => void)[] = [];
  return (callback) => {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => queue.shift()?.();
    }
    queue.push(callback);
    channel.port2.postMessage(null);
  };
}

const deferred = afterFrame();
const browserClock: FrameClock = {
  now: () => performance.now(),
  requestFrame: (cb) => requestAnimationFrame(cb),
  cancelFrame: (id) => cancelAnimationFrame(id),
  ...(deferred ? { afterFrame: deferred } : {}),
};

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const clock = options.clock ?? browserClock;
  const pair = new LanePair({
    settings: options.settings ?? {},
    seed: options.seed ?? 1,
    durationMs: options.durationMs ?? DEFAULT_DURATION_MS,
    changes: [],
    ...(options.flow ? { flow: options.flow } : {}),
  });
  pair.runTo(0);
  const listeners = new Map<() => void, boolean>();
  const store = createStore(simulatorState({ pair, clock, options, listeners }));
  if (options.autoplay) store.getState().play();
  const readers = { sync: laneReader(pair, 'sync'), async: laneReader(pair, 'async') };

  return {
    store,
    lane: (mode) => readers[mode],
    view: (mode) => pair.view(mode),
    recipe: () => pair.currentRecipe,
    checkpoints: () => pair.checkpoints,
    onFrame(listener, thinned = false) {
      listeners.set(listener, thinned);
      return () => listeners.delete(listener);
    },
    dispose() {
      listeners.clear();
      store.getState().pause();
    },
  };
}
