// Test helpers for the UI layers: a frame clock the test drives by hand, and a simulator on it.
import { createSimulator, type SimulatorOptions } from '../../src/store/simulatorStore.ts';
import { createPageStore } from '../../src/store/pageStore.ts';

export interface ManualClock {
  now(): number;
  requestFrame(callback: (wallMs: number) => void): number;
  cancelFrame(id: number): void;
  /** Runs frames every 16 ms of wall time for `ms`. */
  advance(ms: number): void;
}

export function manualClock(): ManualClock {
  let now = 0;
  let pending: ((wallMs: number) => void) | null = null;
  let id = 0;
  return {
    now: () => now,
    requestFrame(callback) {
      pending = callback;
      return ++id;
    },
    cancelFrame() {
      pending = null;
    },
    advance(ms) {
      const end = now + ms;
      while (now < end) {
        now = Math.min(end, now + 16);
        const callback = pending;
        pending = null;
        callback?.(now);
      }
    },
  };
}

export function testSimulator(options: SimulatorOptions = {}) {
  const clock = manualClock();
  const simulator = createSimulator({ clock, ...options });
  return {
    clock,
    simulator,
    store: simulator.store,
    handles: { simulator, page: createPageStore() },
  };
}
