/** Where the diagram's nodes and edges are, as data: a layout is a drawing box, node boxes and
 * edge paths (layouts.ts holds the wide one and the phone's tall ones), and the functions here
 * answer questions about whichever layout a lane draws, for the SVG and the token canvas alike. */
import type { Mode, Place } from '../../engine/index.ts';

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

/** A point and a box, written short in the layouts' tables. */
export const pt = (x: number, y: number): Point => ({ x, y });
export const box = (x: number, y: number, w: number, h: number): Box => ({ x, y, w, h });

/** A node of a generated layout (flowLayout.ts) that stands for one flow step. */
export type StepNode = `step:${string}`;
/** What the note says: why this lane has no queue (the checkout's, or a flow's in either mode). */
export type NoteId = `stage.note.${'checkout' | 'sync' | 'async'}.${'wide' | 'narrow'}`;
/** Anything a layout draws as a node: the checkout's places, or a generated layout's steps. */
export type NodeId = Place | StepNode;

/** A generated layout's edge to a step's node: from the web server (a request step) or from the
 * workers (a background step). */
export type StepEdge = `server-step:${string}` | `worker-step:${string}`;

/** A step node's name (short enough for its node), the step's label, and the step's index in
 * the flow (where the lane's snapshot counts its work). */
export interface StepTitle {
  short: string;
  full: string;
  index: number;
}

/** How a token reaches the node of the step it is at: `arrive` glides in from the customers and
 * waits at the node (the checkout's validation at the web server); `call` goes out along the
 * edge, waits at the node and comes back. */
export interface StepPlace {
  node: NodeId;
  edge: EdgeId;
  how: 'arrive' | 'call';
}

export type EdgeId =
  | StepEdge
  | 'customer-server'
  | 'server-payment'
  | 'server-database'
  | 'server-email'
  | 'server-queue'
  | 'queue-worker'
  | 'worker-email'
  | 'queue-dlq'
  | 'email-customer';

/** Wide (a row of steps, two lanes one above the other) or tall (steps stacked, for a phone). */
export type LayoutKind = 'wide' | 'tall';

/** What a layout is made of; `layout()` adds what follows from it. */
export interface LayoutSpec {
  kind: LayoutKind;
  mode: Mode;
  w: number;
  h: number;
  /** Top-left boxes of every node; only `places` are drawn. The checkout's places always have a
   * box (a generated layout puts those it does not draw out of sight); step nodes have one when
   * drawn. */
  nodes: Record<Place, Box> & Partial<Record<StepNode, Box>>;
  places: readonly NodeId[];
  /** The titles of step nodes (the checkout's places have their own, DiagramSvg's TITLES), and
   * the full label each stands for. */
  titles: Readonly<Record<string, StepTitle>>;
  /** Where a request at each step, or a worker's job of each step, is drawn, by step id; the
   * first request step of a generated layout also glides in from the customers (`first`). */
  requestSteps: Readonly<Record<string, StepPlace>>;
  jobSteps: Readonly<Record<string, StepPlace>>;
  /** The node that stands for the email service, where failed calls flash and emails leave for
   * the inbox (email-customer), or null when the flow sends no email. */
  emailNode: NodeId | null;
  /** Polylines from the first node to the second; only `edgeIds` are drawn. */
  edges: Partial<Record<EdgeId, readonly Point[]>>;
  edgeIds: readonly EdgeId[];
  /** Where requests wait for a handler, and where its "waiting line" label goes. */
  waitingArea: Box;
  waitingLabel: Point & { anchor: 'start' | 'middle' | 'end' };
  /** The note where the async checkout has its queue ("No queue here…"): its first line's centre,
   * its lines' width, and its message in this lane (null: no note), wrapped where it is drawn
   * (noteLines.ts) since its lines depend on the language. */
  note: Point & { lines: 'wide' | 'narrow'; text: NoteId | null };
  /** The top-left of RabbitMQ's "N dropped" badge, beside or below the dead letters. */
  droppedAt: Point;
}

export interface DiagramLayout extends LayoutSpec {
  /** Every edge of the checkout by name (empty when not drawn), and the step edges drawn. */
  edges: Record<EdgeId, readonly Point[]>;
  /** Ready messages on the left of the queue box, messages waiting to come back (a backoff, a
   * lease nobody works on) on the right, wide enough for three countdown rings side by side. */
  queueReady: Box;
  queueRetry: Box;
  /** Dead letters pile up along the bottom of their node. */
  dlqPile: Box;
  /** Where the drawn nodes write their words (labels keep off them). */
  textBands: readonly Box[];
  /** The queue node's corner badge (the close-up's button), when the queue is drawn. */
  queueBadge: Box | null;
}

/** Half a token's width, in diagram units (drawTokens draws shapes in a 15 x 15 box). */
export const TOKEN_HALF = 7.5;

/** The baseline of each node's lowest status line above the tokens (from the node's top). */
const TEXT_BOTTOM: Partial<Record<Place, number>> = { server: 88, customer: 56, email: 48 };
/** A step node's number sits under its title in the compact detail, as the email's does. */
const STEP_TEXT_BOTTOM = 48;

const OFF: Box = { x: -1000, y: -1000, w: 0, h: 0 };

/** A node's box (a node the layout does not have is far out of sight, never NaN). */
export function boxOf(l: Pick<LayoutSpec, 'nodes'>, id: NodeId): Box {
  return (l.nodes as Record<string, Box | undefined>)[id] ?? OFF;
}

/** An edge's points (none for an edge the layout does not draw). */
export function edgeOf(l: Pick<DiagramLayout, 'edges'>, id: EdgeId): readonly Point[] {
  return (l.edges as Record<string, readonly Point[] | undefined>)[id] ?? NO_EDGE;
}

export function isStepNode(id: NodeId): id is StepNode {
  return id.startsWith('step:');
}

const NO_EDGE: readonly Point[] = [];

/** A layout with the parts that follow from its nodes: the queue's areas, the dead-letter pile,
 * the bands of words and the queue's corner badge, all placed inside their nodes. */
export function layout(spec: LayoutSpec): DiagramLayout {
  const q = spec.nodes.queue;
  const d = spec.nodes.dlq;
  const c = spec.nodes.customer;
  const drawn = (p: Place) => spec.places.includes(p);
  const edges = { ...spec.edges } as Record<EdgeId, readonly Point[]>;
  for (const id of Object.keys(EDGE_NAMES) as EdgeId[]) edges[id] = spec.edges[id] ?? NO_EDGE;
  return {
    ...spec,
    edges,
    queueReady: { x: q.x + 12, y: q.y + 60, w: 52, h: 31 },
    queueRetry: { x: q.x + 70, y: q.y + 58, w: 78, h: 40 },
    dlqPile: { x: d.x + 12, y: d.y + 53, w: d.w - 24, h: 18 },
    textBands: [
      ...spec.places.map((p) => ({ ...boxOf(spec, p), h: 56 })),
      { x: c.x, y: c.y + c.h - 28, w: c.w, h: 28 },
    ],
    queueBadge: drawn('queue') ? { x: q.x + q.w - 16, y: q.y + q.h - 16, w: 26, h: 26 } : null,
  };
}

/** Every edge by name, so that a layout's record is complete (an edge it does not draw is empty). */
const EDGE_NAMES: Record<Exclude<EdgeId, StepEdge>, true> = {
  'customer-server': true,
  'server-payment': true,
  'server-database': true,
  'server-email': true,
  'server-queue': true,
  'queue-worker': true,
  'worker-email': true,
  'queue-dlq': true,
  'email-customer': true,
};

/** The area inside a node where the centres of tokens that dwell there are scattered: below its
 * status lines and inside its frame, so a token covers neither. */
export function dwellArea(l: LayoutSpec, place: NodeId): Box {
  const b = boxOf(l, place);
  const text = isStepNode(place) ? STEP_TEXT_BOTTOM : TEXT_BOTTOM[place];
  const top = (text ?? 44) + 4 + TOKEN_HALF;
  const bottom = b.h - 3 - TOKEN_HALF;
  return {
    x: b.x + 4 + TOKEN_HALF,
    y: b.y + top,
    w: b.w - 8 - 2 * TOKEN_HALF,
    h: Math.max(2, bottom - top),
  };
}

/** The title's baseline in each node, from its top: lower where a tab sits on the top edge. */
export function titleBaseline(place: NodeId): number {
  return place === 'queue' || place === 'worker' ? 28 : 23;
}

/** Whether a box `w` x `h` centred at (cx, cy) would cross a drawn node's frame: lie partly inside
 * it and partly out (a label inside a node, or clear of all of them, reads; one across a border
 * does not), or touch the queue's corner badge. */
export function crossesFrame(
  l: DiagramLayout,
  cx: number,
  cy: number,
  w: number,
  h: number,
): boolean {
  const x0 = cx - w / 2;
  const x1 = cx + w / 2;
  const y0 = cy - h / 2;
  const y1 = cy + h / 2;
  for (const place of l.places) {
    const b = boxOf(l, place);
    const overlaps = x1 > b.x && x0 < b.x + b.w && y1 > b.y && y0 < b.y + b.h;
    const inside = x0 >= b.x && x1 <= b.x + b.w && y0 >= b.y && y1 <= b.y + b.h;
    if (overlaps && !inside) return true;
  }
  const q = l.queueBadge;
  return q !== null && x1 > q.x && x0 < q.x + q.w && y1 > q.y && y0 < q.y + q.h;
}

/** Whether a box `w` x `h` centred at (cx, cy) would cover any drawn node's words (a focused
 * token's "#N" label keeps off them). */
export function coversText(l: DiagramLayout, cx: number, cy: number, w: number, h: number) {
  return l.textBands.some(
    (b) => cx + w / 2 > b.x && cx - w / 2 < b.x + b.w && cy + h / 2 > b.y && cy - h / 2 < b.y + b.h,
  );
}

/** The ring round a focused token, in diagram units. */
export const FOCUS_RADIUS = 12;

/** The ring's label ("#N", `h` units high and about twice as wide) goes above the token, outside
 * its ring, unless there it would cover a node's words or leave the drawing, and below would not. */
export function labelBelow(l: DiagramLayout, x: number, y: number, h = 14): boolean {
  const off = FOCUS_RADIUS + 2 + h / 2;
  const aboveBad = coversText(l, x, y - off, 2 * h, h) || y - off - h / 2 < 0;
  return aboveBad && !coversText(l, x, y + off, 2 * h, h) && y + off + h / 2 <= l.h;
}

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
  out.x = points[0]?.x ?? 0;
  out.y = points[0]?.y ?? 0;
}

function dist(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

/** SVG path data for a polyline. */
export function pathOf(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join('');
}
