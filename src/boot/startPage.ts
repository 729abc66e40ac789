/** Starting the page from its link: reads the parameters, puts the simulator in the link's state,
 * marks the root for the embed stylesheet, keeps the address bar in step, and opens the host API
 * when framed. */
import { isBroker, loadAllBrokers, loadBroker } from '../engine/index.ts';
import { loadAllLessons } from '../scenarios/index.ts';
import type { Simulator } from '../store/simulatorTypes.ts';
import type { PageStore } from '../store/pageStore.ts';
import { syncAddressBar } from '../url/addressSync.ts';
import { applyPageAttributes } from '../url/pageAttributes.ts';
import { parseParams } from '../url/parseParams.ts';
import { applyUrlState } from '../url/storeState.ts';
import type { Notice, UrlState } from '../url/urlState.ts';

export function isFramed(win: Window): boolean {
  try {
    return win.top !== win;
  } catch {
    return true; // a cross-origin top that cannot even be compared
  }
}

export function readPage(win: Window) {
  return parseParams(win.location.search);
}

/** Applies the link and starts the page's wiring; `autoplay` is decided by the caller. Returns
 * how to stop the wiring and the notices about a moment the link named but could not have. */
export function startPage(
  win: Window,
  handles: { simulator: Simulator; page: PageStore },
  page: UrlState,
  autoplay: boolean,
): { stop: () => void; notices: Notice[] } {
  const { simulator } = handles;
  // Playing is asked for here, not after: play() would drop a sliced jump where it had got to.
  const notices = applyUrlState(simulator.store, page, { play: autoplay });
  // After the link's own values are in: the lock holds those.
  simulator.store.getState().setLocked(page.lock);
  applyPageAttributes(win.document.documentElement, page, isFramed(win));
  if (page.theme !== null) handles.page.getState().setTheme(page.theme);
  if (page.present) handles.page.getState().setPresenting(true);
  const stops = [syncAddressBar(win, simulator, page), startHostApi(win, simulator, page)];
  return { stop: () => stops.forEach((stop) => stop()), notices };
}

/** The host API (src/embed) loads only in a frame: outside one it never runs, and it was 4 KB of
 * the initial JavaScript (check:bundle). The messages that arrive while it loads are kept and
 * given to it in order once it listens, so a host that writes at once loses none. It starts once
 * every lesson and every broker has loaded too, so that its `loadScenario` opens any lesson and
 * its `set` of `queue.broker` any broker at once, and it replies in order (a lesson that could not
 * load is refused by name). */
function startHostApi(win: Window, simulator: Simulator, page: UrlState): () => void {
  if (!isFramed(win)) return () => {};
  const early: MessageEvent[] = [];
  const keep = (event: MessageEvent) => early.push(event);
  win.addEventListener('message', keep);
  let stop: (() => void) | null = null;
  let stopped = false;
  Promise.all([
    import('../embed/bridge.ts'),
    loadAllLessons().catch(() => undefined),
    loadAllBrokers().catch(() => undefined),
  ]).then(
    ([{ startEmbedBridge }]) => {
      win.removeEventListener('message', keep);
      if (stopped) return;
      stop = startEmbedBridge(win, simulator, page);
      for (const { data, origin, source } of early) {
        win.dispatchEvent(new MessageEvent('message', { data, origin, source }));
      }
    },
    // A lost connection: the page still works, without the host API (the host hears no 'ready').
    () => win.removeEventListener('message', keep),
  );
  return () => {
    stopped = true;
    win.removeEventListener('message', keep);
    stop?.();
  };
}

/** Loads the broker a link names (`queue.broker=kafka`) before the page starts its run; a
 * lesson's broker loads with the lesson (scenarios/load.ts). One that does not arrive is left
 * out of the run with a notice (applyUrlState). */
export function loadLinkBroker(state: UrlState): Promise<void> {
  const broker = state.settings['queue.broker'];
  if (broker === undefined || !isBroker(broker)) return Promise.resolve();
  return loadBroker(broker).catch(() => undefined);
}
