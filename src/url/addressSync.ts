/** Keeps the address bar on the current state with history.replaceState, at most once a second
 * (browsers throttle it, and a playing run changes every frame), in the browser's idle time: the
 * write (the link's state, then replaceState) takes a few ms, and run between two frames of a
 * playing spike it made one of them late (bench:ui). */
import { linkLocale, onLocaleChange } from '../i18n/runtime.ts';
import type { Simulator } from '../store/simulatorTypes.ts';
import { serializeState } from './serializeState.ts';
import { urlStateOf } from './storeState.ts';
import type { UrlState } from './urlState.ts';

const EVERY_MS = 1000;

export function syncAddressBar(win: Window, simulator: Simulator, page: UrlState): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const write = () => {
    timer = null;
    if (stopped) return;
    const state = simulator.store.getState();
    // Mid-jump the moment on screen is the one it left: the address keeps the link's own moment
    // (a reload must not lose it); the landing publishes, and that writes.
    if (state.jump !== null) return;
    const search = serializeState({ ...urlStateOf(state, page), lang: linkLocale() });
    const current = win.location.search;
    if (search === current || (current === '' && search === '?v=1')) return;
    win.history.replaceState(win.history.state, '', `${search}${win.location.hash}`);
  };
  const idle = win.requestIdleCallback?.bind(win);
  const due = () => (idle ? idle(write, { timeout: EVERY_MS }) : write());
  const schedule = () => {
    timer ??= setTimeout(due, EVERY_MS);
  };
  const unsubscribe = simulator.store.subscribe(schedule);
  // A language the reader picks is kept in the address, so that a reload keeps it.
  const stopLanguage = onLocaleChange(schedule);
  return () => {
    stopped = true;
    unsubscribe();
    stopLanguage();
    if (timer !== null) clearTimeout(timer);
  };
}
