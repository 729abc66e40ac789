/** Where every token is at the current moment: a pure function of the engine's view (which step
 * each request is in, from when to when), the log's flights and the simulated time. Writes into
 * reusable typed arrays so that a frame allocates nothing per token. */
import { BROKER_NAMES, type Mode, type SystemView, type WaitView } from '../../engine/index.ts';
import type { Flight } from '../../store/lanes/flights.ts';
import {
  along,
  dwellArea,
  edgeOf,
  type Box,
  type DiagramLayout,
  type EdgeId,
  type NodeId,
  type Point,
} from './geometry.ts';
import { KIND_CODE, type TokenKind } from './tokens.ts';
import type { WaitKind } from '../../engine/index.ts';

export interface TokenSource {
  mode: Mode;
  /** The lane's layout (layouts.ts): where its nodes and edges are drawn. */
  layout: DiagramLayout;
  nowMs: number;
  view: SystemView;
  flights: readonly Flight[];
  dlqOrders: readonly number[];
  /** Reduced motion: a token sits at one end of an edge or the other, never in between. */
  steps?: boolean;
  /** Moving tokens drawn at most, each of requests, busy workers and flights (MAX_MOVING unless
   * frames run late: frameBudget.ts). The first ones of each are drawn where they would be
   * anyway, so a lower cap draws a subset of the same tokens, never one in another place. */
  maxMoving?: number;
}

/** Set per call: whether tokens jump between places (reduced motion) instead of gliding, and the
 * lane's layout. */
let stepwise = false;
let geo: DiagramLayout;
let movingCap = 200;

/** A point `t` of the way along an edge; with reduced motion, the nearer end. */
function glide(edge: Parameters<typeof along>[0], t: number, out: Point): void {
  along(edge, stepwise ? (t < 0.5 ? 0 : 1) : t, out);
}

const CELL = 8;
/** A pile's tokens sit this far apart in a row (diagram units): drawTokens copies a row at once. */
export const PILE_CELL = CELL;

/** Tokens drawn in a waiting area at most: as many as fit with its rows squeezed to half a cell,
 * past which a pile looks no fuller. The node's label gives the full count. */
export function areaCap(box: Box): number {
  const cols = Math.max(1, Math.floor(box.w / CELL));
  return cols * (Math.floor((box.h - CELL) / (CELL / 2)) + 1);
}

/** Requests in progress, busy workers and flights drawn at most, each: the nodes' numbers count
 * them all. Copying a sprite costs 10 to 30 µs in Chromium's software rendering, and a heavy run's
 * 100,000 requests drawn one by one took most of every frame. */
export const MAX_MOVING = 200;

/** What a token waits for, as the typed arrays store it (0: nothing with a known end). */
export const WAIT_CODE: Record<WaitKind, number> = { backoff: 1, lease: 2, minIdle: 3, session: 4 };

export class TokenBuffer {
  count = 0;
  x = new Float32Array(1024);
  y = new Float32Array(1024);
  kind = new Uint8Array(1024);
  order = new Int32Array(1024);
  /** The try its message is on or waits for (0: not a message, or not known). */
  attempt = new Uint16Array(1024);
  /** Its countdown: a WAIT_CODE, and from when to when (simulated ms). */
  wait = new Uint8Array(1024);
  waitStart = new Float64Array(1024);
  waitEnd = new Float64Array(1024);
  /** 1 when a worker has the message in hand (its lease runs while it works). */
  inHand = new Uint8Array(1024);

  reset(): void {
    this.count = 0;
  }

  push(x: number, y: number, kind: TokenKind, order: number, attempt = 0): void {
    if (this.count === this.x.length) this.grow();
    const i = this.count++;
    this.x[i] = x;
    this.y[i] = y;
    this.kind[i] = KIND_CODE[kind];
    this.order[i] = order;
    this.attempt[i] = attempt;
    this.wait[i] = 0;
  }

  /** Gives the token pushed last a countdown. */
  setWait(wait: WaitView): void {
    const i = this.count - 1;
    this.wait[i] = WAIT_CODE[wait.kind];
    this.waitStart[i] = wait.startMs;
    this.waitEnd[i] = wait.endMs;
    this.inHand[i] = wait.worker >= 0 && wait.message >= 0 ? 1 : 0;
  }

  private grow(): void {
    const size = this.x.length * 2;
    const copy = <T extends Float32Array | Float64Array | Uint8Array | Uint16Array | Int32Array>(
      a: T,
      b: T,
    ): T => {
      b.set(a);
      return b;
    };
    this.x = copy(this.x, new Float32Array(size));
    this.y = copy(this.y, new Float32Array(size));
    this.kind = copy(this.kind, new Uint8Array(size));
    this.order = copy(this.order, new Int32Array(size));
    this.attempt = copy(this.attempt, new Uint16Array(size));
    this.wait = copy(this.wait, new Uint8Array(size));
    this.waitStart = copy(this.waitStart, new Float64Array(size));
    this.waitEnd = copy(this.waitEnd, new Float64Array(size));
    this.inHand = copy(this.inHand, new Uint8Array(size));
  }
}

/** A stable pseudo-random number in [0, 1) for an order, so a token keeps its spot in a node. */
function hash01(n: number, salt: number): number {
  let x = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 1, 0xc2b2ae35);
  x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d);
  x ^= x >>> 12;
  return (x >>> 0) / 4294967296;
}

const p: Point = { x: 0, y: 0 };

function dwell(place: NodeId, order: number): void {
  const a = dwellArea(geo, place);
  p.x = a.x + hash01(order, 1) * a.w;
  p.y = a.y + hash01(order, 2) * a.h;
}

function progress(now: number, since: number, until: number): number {
  return until > since ? Math.min(Math.max((now - since) / (until - since), 0), 1) : 1;
}

/** A call to another node: out along the edge, a wait there, and back. */
function call(edge: EdgeId, place: NodeId, f: number, order: number): void {
  const leg = 0.2;
  if (f < leg) glide(edgeOf(geo, edge), f / leg, p);
  else if (f > 1 - leg) glide(edgeOf(geo, edge), (1 - f) / leg, p);
  else dwell(place, order);
}

/** Slot `i` of `n` in a grid filling `box` (from the right when `fromRight`); rows squeeze
 * together when there are more tokens than the box holds, like a pile that grows. */
function slot(box: Box, i: number, n: number, fromRight: boolean): void {
  const cols = Math.max(1, Math.floor(box.w / CELL));
  const rows = Math.ceil(n / cols);
  const rowStep = rows > 1 ? Math.min(CELL, (box.h - CELL) / (rows - 1)) : CELL;
  const col = i % cols;
  p.x = fromRight ? box.x + box.w - CELL / 2 - col * CELL : box.x + CELL / 2 + col * CELL;
  p.y = box.y + CELL / 2 + Math.floor(i / cols) * rowStep;
}

export function layoutTokens(src: TokenSource, out: TokenBuffer): void {
  out.reset();
  stepwise = src.steps ?? false;
  geo = src.layout;
  movingCap = Math.min(src.maxMoving ?? MAX_MOVING, MAX_MOVING);
  const { view, nowMs: now } = src;
  let waiting = 0;
  let working = 0;
  const waitingCap = areaCap(geo.waitingArea);
  const waitingTotal = Math.min(view.handlers.waiting, waitingCap);
  for (const r of view.requests) {
    if (r.step === 'waiting') {
      if (waiting >= waitingCap) continue;
      slot(geo.waitingArea, waiting++, waitingTotal, true);
    } else {
      if (working++ >= movingCap) continue;
      const f = progress(now, r.since, r.until);
      // The layout says where each step is drawn; the enqueue step (and any step it does not
      // draw) is the web server's own work.
      const at = geo.requestSteps[r.step];
      if (!at) dwell('server', r.order);
      else if (at.how === 'call') call(at.edge, at.node, f, r.order);
      else if (f < 0.35) glide(edgeOf(geo, at.edge), f / 0.35, p);
      else dwell(at.node, r.order);
    }
    out.push(p.x, p.y, 'request', r.order);
  }
  if (src.mode === 'async') layoutMessages(src, out);
  layoutFlights(src, out);
}

function layoutMessages(src: TokenSource, out: TokenBuffer): void {
  const { view, nowMs: now } = src;
  // A partitioned queue (Kafka's) shows a row per partition in place of the ready and retry areas.
  if (!BROKER_NAMES[view.broker].partitioned) {
    layoutReady(view, out);
    layoutComingBack(view, out);
  }
  let busy = 0;
  for (const w of view.workers) {
    if (w.state !== 'busy' || busy++ >= movingCap) continue;
    const f = progress(now, w.since, w.until);
    // A job is drawn at its step's node, reached from the workers.
    const at = geo.jobSteps[w.step];
    if (!at) dwell('worker', w.order);
    else if (f < 0.2) glide(edgeOf(geo, at.edge), f / 0.2, p);
    else dwell(at.node, w.order);
    out.push(p.x, p.y, w.receives > 1 ? 'retry' : 'job', w.order, w.wait?.attempt ?? w.receives);
    if (w.wait) out.setWait(w.wait);
  }
}

function layoutReady(view: SystemView, out: TokenBuffer): void {
  const ready = Math.min(view.visible.length, areaCap(geo.queueReady));
  for (let i = 0; i < ready; i++) {
    const m = view.visible[i]!;
    slot(geo.queueReady, i, ready, false);
    out.push(p.x, p.y, m.receives > 0 ? 'retry' : 'job', m.order, m.receives + 1);
  }
}

/** Ringed tokens in the retry area sit this far apart, so that their countdown rings stay apart. */
export const RING_CELL = 26;

/** Past the roomy slots, the last one holds a pile of the latest to come back, without rings. */
function pileOf(retry: Box, cols: number): Box {
  return {
    x: retry.x + (cols - 1) * RING_CELL + 2,
    y: retry.y + retry.h / 2 + 2,
    w: RING_CELL - 4,
    h: retry.h / 2 - 2,
  };
}

/** Messages waiting to come back (a backoff, or a lease nobody works on: its worker crashed), the
 * soonest first, each in a cell roomy enough for its countdown ring: one row for three, two rows
 * for six; more, and the latest pile up in the last cell without rings. */
function layoutComingBack(view: SystemView, out: TokenBuffer): void {
  const retry = geo.queueRetry;
  const cols = Math.floor(retry.w / RING_CELL);
  const pile = pileOf(retry, cols);
  let n = 0;
  for (const w of view.waits) if (comingBack(w)) n++;
  n = Math.min(n, cols * 2 - 1 + areaCap(pile));
  const roomy = n <= cols * 2 ? n : cols * 2 - 1;
  const rows = n <= cols ? 1 : 2;
  let i = 0;
  for (const w of view.waits) {
    if (!comingBack(w)) continue;
    if (i >= n) break;
    if (i < roomy) {
      const col = i % cols;
      const row = Math.floor(i / cols);
      p.x = retry.x + RING_CELL / 2 + col * RING_CELL;
      // One row sits a little high, leaving room under it for the retry counters.
      p.y = rows === 1 ? retry.y + 12 : retry.y + 10 + row * (retry.h - 20);
      out.push(p.x, p.y, 'retry', w.order, w.attempt);
      out.setWait(w);
    } else {
      slot(pile, i - roomy, n - roomy, false);
      out.push(p.x, p.y, 'retry', w.order, w.attempt);
    }
    i++;
  }
}

/** A message waiting to come back, nobody working on it. */
function comingBack(w: WaitView): boolean {
  return w.message >= 0 && w.worker < 0;
}

function layoutFlights(src: TokenSource, out: TokenBuffer): void {
  const now = src.nowMs;
  let deadFlying = 0;
  let drawn = 0;
  for (const flight of src.flights) {
    if (flight.startMs > now || flight.endMs <= now) continue;
    if (drawn++ >= movingCap) {
      // Not drawn, but still in flight: the dead-letter pile must not show it yet.
      if (flight.kind === 'dead') deadFlying++;
      continue;
    }
    const f = progress(now, flight.startMs, flight.endMs);
    switch (flight.kind) {
      case 'success':
      case 'error':
        glide(geo.edges['customer-server'], 1 - f, p);
        break;
      case 'email':
      case 'duplicate':
        glide(geo.edges['email-customer'], f, p);
        break;
      case 'failed':
        dwell(geo.emailNode ?? 'server', flight.order + 7919);
        break;
      case 'dead':
        deadFlying++;
        glide(geo.edges['queue-dlq'], f, p);
        break;
    }
    out.push(p.x, p.y, flight.kind, flight.order);
  }
  const pile = src.dlqOrders.length - deadFlying;
  for (let i = 0; i < pile; i++) {
    slot(geo.dlqPile, i, pile, true);
    out.push(p.x, p.y, 'dead', src.dlqOrders[i]!);
  }
}
