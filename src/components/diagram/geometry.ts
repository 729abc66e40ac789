/** Where the diagram's nodes and edges are, in the lane's own coordinates (a 900 x 280 box, wide and low so that two lanes fit one screen):
 * the one layout that both the SVG nodes and the token canvas use. */
import type { Mode, Place } from '../../engine/index.ts';

export const VIEW_W = 900;
export const VIEW_H = 280;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Top-left boxes of every node. */
export const NODES: Record<Place, Box> = {
  customer: { x: 2, y: 70, w: 116, h: 120 },
  server: { x: 196, y: 44, w: 176, h: 176 },
  payment: { x: 420, y: 4, w: 160, h: 74 },
  database: { x: 420, y: 86, w: 160, h: 74 },
  queue: { x: 420, y: 166, w: 160, h: 100 },
  worker: { x: 598, y: 166, w: 118, h: 100 },
  email: { x: 734, y: 166, w: 162, h: 100 },
  dlq: { x: 598, y: 86, w: 196, h: 74 },
};

/** Where requests wait for a handler: the line between the customers and the server. */
export const WAITING_AREA: Box = { x: 124, y: 64, w: 64, h: 150 };

/** Half a token's width, in diagram units (drawTokens draws shapes in a 15 x 15 box). */
export const TOKEN_HALF = 7.5;

/** The baseline of each node's lowest status line above the tokens (from the node's top). */
const TEXT_BOTTOM: Partial<Record<Place, number>> = { server: 88, customer: 56, email: 48 };

/** The area inside a node where the centres of tokens that dwell there are scattered: below its
 * status lines and inside its frame, so a token covers neither. */
export function dwellArea(place: Place): Box {
  const b = NODES[place];
  const top = (TEXT_BOTTOM[place] ?? 44) + 4 + TOKEN_HALF;
  const bottom = b.h - 3 - TOKEN_HALF;
  return {
    x: b.x + 4 + TOKEN_HALF,
    y: b.y + top,
    w: b.w - 8 - 2 * TOKEN_HALF,
    h: Math.max(2, bottom - top),
  };
}

/** Ready messages on the left of the queue box, messages waiting to come back (a backoff, a lease
 * nobody works on) on the right, wide enough for three countdown rings side by side. */
export const QUEUE_READY: Box = { x: 432, y: 226, w: 52, h: 31 };
export const QUEUE_RETRY: Box = { x: 490, y: 224, w: 78, h: 40 };

/** The title's baseline in each node, from its top: lower where a tab sits on the top edge. */
export function titleBaseline(place: Place): number {
  return place === 'queue' || place === 'worker' ? 28 : 23;
}
export const DLQ_PILE: Box = { x: 610, y: 139, w: 172, h: 18 };

/** Where the nodes write their words, in diagram units: each node's title and status lines at the
 * top, and the customers' count along the bottom of theirs. */
const TEXT_BANDS: readonly Box[] = [
  ...Object.values(NODES).map((b) => ({ x: b.x, y: b.y, w: b.w, h: 56 })),
  { x: NODES.customer.x, y: NODES.customer.y + NODES.customer.h - 28, w: NODES.customer.w, h: 28 },
];

/** The queue node's corner badge (the close-up's button, about 20 px across): labels keep off it. */
const QUEUE_BADGE: Box = {
  x: NODES.queue.x + NODES.queue.w - 16,
  y: NODES.queue.y + NODES.queue.h - 16,
  w: 26,
  h: 26,
};

/** Whether a box `w` x `h` centred at (cx, cy) would cross a node's frame: lie partly inside it and
 * partly out (a label inside a node, or clear of all of them, reads; one across a border does not). */
export function crossesFrame(cx: number, cy: number, w: number, h: number): boolean {
  const x0 = cx - w / 2;
  const x1 = cx + w / 2;
  const y0 = cy - h / 2;
  const y1 = cy + h / 2;
  for (const place in NODES) {
    const b = NODES[place as Place];
    const overlaps = x1 > b.x && x0 < b.x + b.w && y1 > b.y && y0 < b.y + b.h;
    const inside = x0 >= b.x && x1 <= b.x + b.w && y0 >= b.y && y1 <= b.y + b.h;
    if (overlaps && !inside) return true;
  }
  const q = QUEUE_BADGE;
  return x1 > q.x && x0 < q.x + q.w && y1 > q.y && y0 < q.y + q.h;
}

/** Whether a box `w` x `h` centred at (cx, cy) would cover any node's words (a focused token's
 * "#N" label keeps off them). */
export function coversText(cx: number, cy: number, w: number, h: number): boolean {
  return TEXT_BANDS.some(
    (b) => cx + w / 2 > b.x && cx - w / 2 < b.x + b.w && cy + h / 2 > b.y && cy - h / 2 < b.y + b.h,
  );
}

/** The ring round a focused token, in diagram units. */
export const FOCUS_RADIUS = 12;

/** The ring's label goes above the token (ring FOCUS_RADIUS units, label about 28 x 14), unless there it
 * would cover a node's words and below would not. */
export function labelBelow(x: number, y: number): boolean {
  return coversText(x, y - 21, 28, 14) && !coversText(x, y + 21, 28, 14);
}

export type EdgeId =
  | 'customer-server'
  | 'server-payment'
  | 'server-database'
  | 'server-email'
  | 'server-queue'
  | 'queue-worker'
  | 'worker-email'
  | 'queue-dlq'
  | 'email-customer';

const pt = (x: number, y: number): Point => ({ x, y });

/** Polylines from the first node to the second. */
export const EDGES: Record<EdgeId, readonly Point[]> = {
  'customer-server': [pt(118, 132), pt(196, 132)],
  'server-payment': [pt(372, 82), pt(420, 41)],
  'server-database': [pt(372, 121), pt(420, 121)],
  'server-email': [pt(372, 192), pt(400, 216), pt(734, 216)],
  'server-queue': [pt(372, 192), pt(400, 216), pt(420, 216)],
  'queue-worker': [pt(580, 216), pt(598, 216)],
  'worker-email': [pt(716, 216), pt(734, 216)],
  'queue-dlq': [pt(550, 166), pt(620, 156)],
  'email-customer': [pt(815, 266), pt(815, 274), pt(60, 274), pt(60, 190)],
};

/** The edges drawn in each mode. */
export const EDGES_BY_MODE: Record<Mode, readonly EdgeId[]> = {
  sync: ['customer-server', 'server-payment', 'server-database', 'server-email', 'email-customer'],
  async: [
    'customer-server',
    'server-payment',
    'server-database',
    'server-queue',
    'queue-worker',
    'worker-email',
    'queue-dlq',
    'email-customer',
  ],
};

export const PLACES_BY_MODE: Record<Mode, readonly Place[]> = {
  sync: ['customer', 'server', 'payment', 'database', 'email'],
  async: ['customer', 'server', 'payment', 'database', 'queue', 'worker', 'email', 'dlq'],
};

/** The point a fraction `f` (0..1) of the way along a polyline, written into `out`. */
export function along(points: readonly Point[], f: number, out: Point): void {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += dist(points[i - 1]!, points[i]!);
  let left = Math.min(Math.max(f, 0), 1) * total;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const d = dist(a, b);
    if (left <= d || i === points.length - 1) {
      const t = d === 0 ? 1 : Math.min(left / d, 1);
      out.x = a.x + (b.x - a.x) * t;
      out.y = a.y + (b.y - a.y) * t;
      return;
    }
    left -= d;
  }
  out.x = points[0]!.x;
  out.y = points[0]!.y;
}

function dist(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

/** SVG path data for a polyline. */
export function pathOf(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join('');
}
