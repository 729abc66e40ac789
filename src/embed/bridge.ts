/** Wires the host API to the window when the page is framed: accepts commands only from the
 * parent window (and its origin, when `parentOrigin` is given), and sends `ready`, throttled
 * `state`, `resize` and, once subscribed, the narrated `event`s. */
import { eventLine } from '../analysis/narrate.ts';
import type { Mode } from '../engine/index.ts';
import type { Simulator } from '../store/simulatorTypes.ts';
import { URL_VERSION, type UrlState } from '../url/urlState.ts';
import { COMMANDS, HARMLESS, outbound, type Outbound } from './protocol.ts';
import { queued, runQueue, type Queued } from './queue.ts';
import { publicState, simulatorTarget } from './simulatorTarget.ts';

/** `state` and `event` messages at most this often (4 a second). */
const THROTTLE_MS = 250;
/** Events sent per lane and tick at most, so a spike does not flood the host. */
const EVENTS_PER_TICK = 20;
const MODES: readonly Mode[] = ['sync', 'async'];
/** Messages waiting for the next turn at most; past that a flood is answered at once with an
 * error, so neither the queue nor the time to work through it can grow without end. */
const MAX_QUEUED = 10_000;

interface ReplyTo {
  source: MessageEventSource;
  origin: string;
}

export function startEmbedBridge(win: Window, simulator: Simulator, page: UrlState): () => void {
  const parent = win.parent;
  if (parent === win) return () => {};
  const target = page.parentOrigin ?? '*';
  const post = (message: Outbound, to: MessageEventSource = parent, origin = target) =>
    (to as Window).postMessage(message, origin);

  let subscribed = false;
  const lastEvent: Record<Mode, { generation: number; id: number }> = {
    sync: { generation: -1, id: -1 },
    async: { generation: -1, id: -1 },
  };
  /** Remembers the newest event of each lane without sending it (on subscribing, after a seek). */
  const sendEvents = (send: boolean) => {
    const generation = simulator.store.getState().generation;
    for (const mode of MODES) {
      const events = simulator.lane(mode).analysis().events;
      const seen = lastEvent[mode];
      const fresh = seen.generation === generation && send;
      const newer = fresh ? events.filter((e) => e.id > seen.id) : [];
      for (const e of newer.slice(0, EVENTS_PER_TICK).reverse().map(eventLine)) {
        post(outbound({ type: 'event', lane: mode, t: e.tMs / 1000, text: e.text, tone: e.tone }));
      }
      lastEvent[mode] = { generation, id: events[0]?.id ?? -1 };
    }
  };

  const api = simulatorTarget(
    simulator,
    page,
    () => {
      subscribed = true;
      sendEvents(false);
    },
    (message) => post(message),
  );
  const policy = { api: page.api };

  // Messages are read on arrival and run together on the next turn, so that a burst is
  // coalesced (queue.ts) instead of redrawing the page once per message.
  let waiting: Queued<ReplyTo>[] = [];
  let drainTimer: ReturnType<typeof setTimeout> | null = null;
  const drain = () => {
    drainTimer = null;
    const batch = waiting;
    waiting = [];
    for (const { reply, to } of runQueue(batch, api, policy)) post(reply, to.source, to.origin);
  };
  const onMessage = (event: MessageEvent) => {
    if (event.source !== parent || event.source === null) return;
    if (page.parentOrigin !== null && event.origin !== page.parentOrigin) return;
    const to = {
      source: event.source,
      origin: page.parentOrigin ?? (event.origin === 'null' ? '*' : event.origin),
    };
    if (waiting.length >= MAX_QUEUED) {
      const message = `too many messages at once: ${MAX_QUEUED} are waiting; send fewer`;
      const { id } = queued(event.data, to).command;
      post(outbound({ type: 'error', message } as const, id), to.source, to.origin);
      return;
    }
    waiting.push(queued(event.data, to));
    drainTimer ??= setTimeout(drain, 0);
  };
  win.addEventListener('message', onMessage);

  let lastState = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  const tick = () => {
    timer = null;
    const state = publicState(simulator.store.getState(), page, simulator.lane('async').config);
    const text = JSON.stringify(state);
    if (text !== lastState) {
      lastState = text;
      post(outbound({ type: 'state', state } as const));
    }
    if (subscribed) sendEvents(true);
  };
  const schedule = () => {
    timer ??= setTimeout(tick, THROTTLE_MS);
  };
  const unsubscribe = simulator.store.subscribe(schedule);
  const offFrame = simulator.onFrame(schedule);

  let lastHeight = -1;
  const sendSize = () => {
    const height = Math.ceil(win.document.documentElement.scrollHeight);
    if (height === lastHeight) return;
    lastHeight = height;
    post(outbound({ type: 'resize', height } as const));
    parent.postMessage({ context: 'iframe.resize', height, source: 'sync-vs-async' }, target);
  };
  const resize =
    typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => sendSize());
  resize?.observe(win.document.documentElement);

  post(
    outbound({
      type: 'ready',
      version: URL_VERSION,
      api: page.api,
      commands: page.api ? COMMANDS : HARMLESS,
    } as const),
  );
  sendSize();
  schedule();

  return () => {
    win.removeEventListener('message', onMessage);
    unsubscribe();
    offFrame();
    resize?.disconnect();
    if (timer !== null) clearTimeout(timer);
    if (drainTimer !== null) clearTimeout(drainTimer);
  };
}
