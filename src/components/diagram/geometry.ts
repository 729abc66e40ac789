/** Where the diagram's nodes and edges are, in the lane's own coordinates (a 900 x 336 box):
 * the one layout that both the SVG nodes and the token canvas use. */
import type { Mode, Place } from '../../engine/index.ts';

export const VIEW_W = 900;
export const VIEW_H = 336;

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
  customer: { x: 4, y: 100, w: 112, h: 120 },
  server: { x: 196, y: 72, w: 176, h: 176 },
  payment: { x: 420, y: 8, w: 160, h: 78 },
  database: { x: 420, y: 112, w: 160, h: 78 },
  queue: { x: 420, y: 222, w: 160, h: 100 },
  worker: { x: 598, y: 222, w: 118, h: 100 },
  email: { x: 734, y: 222, w: 162, h: 100 },
  dlq: { x: 598, y: 112, w: 150, h: 78 },
};

/** Where requests wait for a handler: the line between the customers and the server. */
export const WAITING_AREA: Box = { x: 124, y: 92, w: 64, h: 150 };

/** The area inside a node where tokens that dwell there are scattered, below its status lines. */
export function dwellArea(place: Place): Box {
  const b = NODES[place];
  const top = place === 'server' ? 100 : place === 'customer' ? 60 : 50;
  return { x: b.x + 12, y: b.y + top, w: b.w - 24, h: Math.max(10, b.h - top - 8) };
}

/** Ready messages on the left of the queue box, messages waiting to retry on the right. */
export const QUEUE_READY: Box = { x: 428, y: 266, w: 96, h: 50 };
export const QUEUE_RETRY: Box = { x: 532, y: 266, w: 40, h: 50 };
export const DLQ_PILE: Box = { x: 608, y: 150, w: 130, h: 34 };

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
  'customer-server': [pt(116, 160), pt(196, 160)],
  'server-payment': [pt(372, 110), pt(420, 47)],
  'server-database': [pt(372, 151), pt(420, 151)],
  'server-email': [pt(372, 220), pt(400, 272), pt(734, 272)],
  'server-queue': [pt(372, 220), pt(400, 272), pt(420, 272)],
  'queue-worker': [pt(580, 272), pt(598, 272)],
  'worker-email': [pt(716, 272), pt(734, 272)],
  'queue-dlq': [pt(550, 222), pt(620, 190)],
  'email-customer': [pt(815, 322), pt(815, 330), pt(60, 330), pt(60, 220)],
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
