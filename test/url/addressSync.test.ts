// The address bar during a long jump: it keeps the link's own moment until the jump lands, so a
// reload (or a copy of the address) mid-jump does not lose it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { syncAddressBar } from '../../src/url/addressSync.ts';
import { parseParams } from '../../src/url/parseParams.ts';
import { applyUrlState } from '../../src/url/storeState.ts';
import { testSimulator } from '../support/simulator.ts';

/** A frame clock where every reading costs 2 ms, so the jump is computed in slices. */
function slowMachine() {
  let now = 0;
  let pending: ((wallMs: number) => void) | null = null;
  return {
    now: () => (now += 2),
    requestFrame(callback: (wallMs: number) => void) {
      pending = callback;
      return 1;
    },
    cancelFrame() {
      pending = null;
    },
    frame() {
      const callback = pending;
      pending = null;
      callback?.(now);
    },
  };
}

/** The window's parts syncAddressBar uses, with the addresses it wrote. */
function fakeWindow(search: string) {
  const written: string[] = [];
  const win = {
    location: { search, hash: '' },
    history: {
      state: null,
      replaceState(_state: unknown, _title: string, url: string) {
        written.push(url);
        win.location.search = url;
      },
    },
  };
  return { win: win as unknown as Window, written };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the address bar while a link’s jump is under way', () => {
  it('keeps the link’s t until the jump lands, then writes the moment it landed on', () => {
    const search = '?v=1&scenario=too-few-workers&t=100';
    const clock = slowMachine();
    const { simulator, store } = testSimulator({ clock });
    const page = parseParams(search).state;
    applyUrlState(store, page);
    const { win, written } = fakeWindow(search);
    const stop = syncAddressBar(win, simulator, page);
    clock.frame(); // the jump moves on: a change of the store, which schedules a write
    expect(store.getState().jump).not.toBeNull();
    vi.advanceTimersByTime(1000);
    expect(written).toEqual([]);
    for (let i = 0; i < 10_000 && store.getState().jump !== null; i++) clock.frame();
    expect(store.getState().simMs).toBe(100_000);
    store.getState().setSpeed(2); // any change after landing is written, with its moment
    vi.advanceTimersByTime(1000);
    expect(written).toEqual(['?v=1&scenario=too-few-workers&speed=2&t=100']);
    stop();
  });
});
