/** The diagram's layout for any flow of 1-8 steps other than the checkout (which keeps its
 * hand-tuned layouts.ts): customers, the waiting line and the web server as the checkout has them,
 * then a node per request step, and in async the queue, the workers, a node per background step
 * and the dead letters. Pure: the same flow, kind and mode give the same layout. */
import type { Flow, FlowStep, Mode, Place } from '../../engine/index.ts';
import {
  box,
  layout,
  pt,
  type Box,
  type DiagramLayout,
  type EdgeId,
  type LayoutKind,
  type LayoutSpec,
  type NodeId,
  type NoteId,
  type Point,
  type StepNode,
  type StepPlace,
  type StepTitle,
} from './geometry.ts';

/** Where a place the layout does not draw goes: out of sight, so nothing reads it by accident. */
const HIDDEN = box(-1000, -1000, 0, 0);

/** A step node's height: its title, its "N working" line and room for tokens under them. */
const STEP_H = 74;
const GAP = 10;

/** The compact detail's title (21 units, bold) is about this wide per character, a Chinese one a
 * whole em; a step's name must fit its node at that size (diagram.css, detail.ts). */
const TITLE_CHAR = 12.6;
const TITLE_CJK = 21;
const TITLE_PAD = 20;

/** English and Spanish articles, which a short name leaves out. */
const ARTICLES = /(?<![\p{L}])(the|a|an|el|la|los|las|un|una)\s+/giu;

function titleUnits(text: string): number {
  let units = 0;
  for (const c of text) units += c >= '\u2e80' ? TITLE_CJK : TITLE_CHAR;
  return units;
}

/** `text` cut to `room` units, with an ellipsis when cut. */
function cut(text: string, room: number): string {
  let out = '';
  for (const c of text) {
    if (titleUnits(`${out}${c}…`) > room) break;
    out += c;
  }
  return out.length > 0 ? `${out}…` : ([...text][0] ?? '');
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "createAccount" → "Create account". */
function idWords(id: string): string {
  return capital(id.replace(/([A-Z])/g, ' $1').toLowerCase());
}

/** The name a step's node shows in `width` units: its label if it fits, else the label without
 * its articles, its id in words (an English label's only: a step's id is English), the label's
 * last word, or the id (or a translated label) cut short. */
export function shortName(
  step: Pick<FlowStep, 'id' | 'label'>,
  width: number,
  english = true,
): string {
  const room = Math.max(TITLE_CHAR, width - TITLE_PAD);
  const label = step.label.trim();
  const words = label.replace(ARTICLES, '').trim();
  const last = capital(words.split(/\s+/).pop() ?? '');
  const names = english ? [label, words, idWords(step.id), last] : [label, words, last];
  for (const name of names) {
    if (name.length > 0 && titleUnits(name) <= room) return name;
  }
  return cut(english ? idWords(step.id) : words, room);
}

const stepNode = (id: string): StepNode => `step:${id}`;

/** A flow step with its index in the flow. */
/** A step with its place in the flow, and whether its label is English (see shortName). */
type Step = FlowStep & { index: number; english: boolean };

/** `n` boxes in a grid of `cols` columns filling `area` across, rows of STEP_H from its top. */
function grid(area: Box, n: number, cols: number, maxW = 230): Box[] {
  const w = Math.min(maxW, (area.w - (cols - 1) * GAP) / cols);
  const out: Box[] = [];
  for (let i = 0; i < n; i++) {
    const col = i % cols;
    const row = Math.floor(i / cols);
    out.push(box(area.x + col * (w + GAP), area.y + row * (STEP_H + GAP), w, STEP_H));
  }
  return out;
}

const bottomOf = (b: Box) => b.y + b.h;
const cyOf = (b: Box) => b.y + b.h / 2;
const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

/** Each step's name is made for the narrowest step node of its kind of layout (the async wide
 * layout's two request columns; the tall layout's left column), so a step has one name in both
 * lanes and a student can compare them node by node. */
const NAME_W: Record<LayoutKind, number> = { wide: 143, tall: 156 };

interface Parts {
  /** The width each step's name is made for (NAME_W). */
  nameW: number;
  nodes: Record<Place, Box> & Partial<Record<StepNode, Box>>;
  places: NodeId[];
  edges: Partial<Record<EdgeId, readonly Point[]>>;
  edgeIds: EdgeId[];
  titles: Record<string, StepTitle>;
  requestSteps: Record<string, StepPlace>;
  jobSteps: Record<string, StepPlace>;
}

function emptyParts(kind: LayoutKind, customer: Box, server: Box): Parts {
  return {
    nameW: NAME_W[kind],
    nodes: {
      customer,
      server,
      payment: HIDDEN,
      database: HIDDEN,
      email: HIDDEN,
      queue: HIDDEN,
      worker: HIDDEN,
      dlq: HIDDEN,
    },
    places: ['customer', 'server'],
    edges: {},
    edgeIds: ['customer-server'],
    titles: {},
    requestSteps: {},
    jobSteps: {},
  };
}

function addStep(parts: Parts, step: Step, b: Box, edge: EdgeId, path: readonly Point[]) {
  const node = stepNode(step.id);
  parts.nodes[node] = b;
  parts.places.push(node);
  parts.titles[node] = {
    short: shortName(step, parts.nameW, step.english),
    full: step.label,
    index: step.index,
  };
  parts.edges[edge] = path;
  parts.edgeIds.push(edge);
}

/** The request steps in rows under (wide) or beside (tall) the server: each edge leaves the
 * server along a lane of its own through the gap next to its node's row, so none crosses a node. */
function requestRows(
  parts: Parts,
  steps: readonly Step[],
  cells: readonly Box[],
  route: (cell: Box, row: number) => readonly Point[],
  cols: number,
) {
  steps.forEach((step, i) => {
    const cell = cells[i]!;
    const edge: EdgeId = `server-step:${step.id}`;
    addStep(parts, step, cell, edge, route(cell, Math.floor(i / cols)));
    parts.requestSteps[step.id] = { node: stepNode(step.id), edge, how: 'call' };
  });
}

/** Sync's note, and async's when it has nothing in the background. */
function noteText(mode: Mode, lines: 'wide' | 'narrow'): NoteId {
  return `stage.note.${mode}.${lines}`;
}

/** The layout for `flow` in `mode` (sync runs every step in the request). */
export function flowLayout(
  flow: Flow,
  kind: LayoutKind,
  mode: Mode,
  english = true,
): DiagramLayout {
  const steps = flow.steps.map((s, index) => ({ ...s, index, english }));
  const request = steps.filter((s) => mode === 'sync' || s.where === 'request');
  const background = mode === 'sync' ? [] : steps.filter((s) => s.where === 'background');
  const spec = kind === 'wide' ? wide(mode, request, background) : tall(mode, request, background);
  const email = flow.steps.some((s) => s.id === 'email') ? stepNode('email') : null;
  return layout({ ...spec, emailNode: email });
}

type Spec = Omit<LayoutSpec, 'emailNode'>;

function wide(mode: Mode, request: Step[], background: Step[]): Spec {
  const parts = emptyParts('wide', box(2, 70, 116, 120), box(196, 44, 176, 176));
  parts.edges['customer-server'] = [pt(118, 132), pt(196, 132)];
  const server = parts.nodes.server;
  const left = 420;
  const right = 896;
  // With jobs, the background steps take the right-hand column from the top and the request
  // steps two columns left of it; without, the request steps have the width in rows of three.
  const jobs = background.length > 0;
  const cols = Math.min(jobs ? 2 : 3, Math.max(1, request.length));
  const cells = grid(box(left, 4, (jobs ? 716 : right) - left, 0), request.length, cols);
  // The lane between rows r and r+1 (below the last row for row 0 of one row): the edge runs from
  // the server's side to it, along it and up or down into its node.
  const laneY = (row: number) => 4 + STEP_H + GAP / 2 + Math.max(0, row - 1) * (STEP_H + GAP);
  requestRows(
    parts,
    request,
    cells,
    (cell, row) => {
      const y = laneY(row);
      const fromY = clamp(y, server.y + 12, bottomOf(server) - 12);
      const into = row === 0 ? bottomOf(cell) : cell.y;
      return [
        pt(372, fromY),
        pt(396, fromY),
        pt(396, y),
        pt(cell.x + cell.w / 2, y),
        pt(cell.x + cell.w / 2, into),
      ];
    },
    cols,
  );
  let bottom = cells.length > 0 ? Math.max(...cells.map(bottomOf)) : 0;
  let note: LayoutSpec['note'] = { x: 0, y: 0, lines: 'wide', text: null };
  if (background.length === 0) {
    note = { x: (left + right) / 2, y: bottom + 34, lines: 'wide', text: noteText(mode, 'wide') };
    bottom = note.y + 2 * 19 + 10;
  } else {
    // Room above the queue for its broker's tab, clear of the request edges' lane.
    bottom = backgroundWide(parts, background, request.length > 0 ? bottom + 20 : 14);
  }
  const h = Math.max(280, Math.ceil(bottom + 14));
  // A background email leaves its column on the right, down the margin; a request email goes
  // back along its request edge's lane to the margin left of the steps.
  addEmailEdge(parts, (b) => {
    const down = [pt(60, h - 5), pt(60, 190)];
    if (b.x >= 734) return [pt(b.x + b.w, cyOf(b)), pt(898, cyOf(b)), pt(898, h - 5), ...down];
    const [, , , lane, into] = parts.edges['server-step:email']!;
    return [into!, lane!, pt(404, lane!.y), pt(404, h - 5), ...down];
  });
  return {
    ...parts,
    kind: 'wide',
    mode,
    w: 900,
    h,
    waitingArea: box(124, 64, 64, 150),
    waitingLabel: { x: 156, y: 230, anchor: 'middle' },
    note,
    droppedAt: pt(parts.nodes.dlq.x + parts.nodes.dlq.w + 8, parts.nodes.dlq.y + 34),
  };
}

/** The queue under the request steps, the dead letters under it, the workers beside it and the
 * background steps in a column on the right; returns the lowest edge drawn. A little shorter than
 * the checkout's, so one row of request steps keeps the checkout's height (280) and the lane is
 * drawn at the checkout's size and detail beside a sync lane. */
function backgroundWide(parts: Parts, background: Step[], top: number): number {
  const queue = box(420, top, 160, 90);
  const worker = box(598, top, 118, 90);
  const dlq = box(420, bottomOf(queue) + 6, 160, 68);
  placeQueue(parts, queue, worker, dlq);
  parts.edges['server-queue'] = routeFromServer(parts.nodes.server, cyOf(queue), 420);
  parts.edges['queue-worker'] = [pt(580, cyOf(worker)), pt(598, cyOf(worker))];
  parts.edges['queue-dlq'] = [pt(500, bottomOf(queue)), pt(500, dlq.y)];
  const column = box(734, 4, 162, 0);
  const cells = grid(column, background.length, 1);
  jobNodes(parts, background, cells, (cell) => {
    const y = clamp(cyOf(cell), worker.y + 14, bottomOf(worker) - 14);
    return [pt(716, y), pt(725, y), pt(725, cyOf(cell)), pt(734, cyOf(cell))];
  });
  return Math.max(bottomOf(dlq), ...cells.map(bottomOf));
}

function placeQueue(parts: Parts, queue: Box, worker: Box, dlq: Box) {
  Object.assign(parts.nodes, { queue, worker, dlq });
  parts.places.push('queue', 'worker', 'dlq');
  parts.edgeIds.push('server-queue', 'queue-worker', 'queue-dlq');
}

function jobNodes(
  parts: Parts,
  background: Step[],
  cells: readonly Box[],
  route: (cell: Box) => readonly Point[],
) {
  background.forEach((step, i) => {
    const cell = cells[i]!;
    const edge: EdgeId = `worker-step:${step.id}`;
    addStep(parts, step, cell, edge, route(cell));
    parts.jobSteps[step.id] = { node: stepNode(step.id), edge, how: 'call' };
  });
}

/** From the server's right side to `x` at height `y`, going round below the server if needed. */
function routeFromServer(server: Box, y: number, x: number): readonly Point[] {
  const right = server.x + server.w;
  if (y >= server.y + 12 && y <= bottomOf(server) - 12) return [pt(right, y), pt(x, y)];
  const fromY = clamp(y, server.y + 12, bottomOf(server) - 12);
  return [pt(right, fromY), pt(right + 24, fromY), pt(right + 24, y), pt(x, y)];
}

/** The email step's node sends emails to the customers' inbox: an edge round the outside. */
function addEmailEdge(parts: Parts, path: (b: Box) => readonly Point[]) {
  const b = parts.nodes[stepNode('email')];
  if (!b) return;
  parts.edges['email-customer'] = path(b);
  parts.edgeIds.push('email-customer');
}

function tall(mode: Mode, request: Step[], background: Step[]): Spec {
  const parts = emptyParts('tall', box(10, 4, 116, 104), box(170, 4, 166, 134));
  parts.edges['customer-server'] = [pt(126, 58), pt(170, 58)];
  // Two columns either side of a middle lane at x 172 that the server's edges run down.
  const column = (i: number) => (i % 2 === 0 ? box(10, 0, 156, 0) : box(178, 0, 158, 0));
  const cells = request.map((_, i) => {
    const c = column(i);
    return box(c.x, 162 + Math.floor(i / 2) * (STEP_H + GAP), c.w, STEP_H);
  });
  requestRows(
    parts,
    request,
    cells,
    (cell) => {
      const side = cell.x < 172 ? cell.x + cell.w : cell.x;
      return [pt(172, 138), pt(172, cyOf(cell)), pt(side, cyOf(cell))];
    },
    2,
  );
  let bottom = cells.length > 0 ? Math.max(...cells.map(bottomOf)) : 138;
  let note: LayoutSpec['note'] = { x: 0, y: 0, lines: 'narrow', text: null };
  if (background.length === 0) {
    note = { x: 170, y: bottom + 34, lines: 'narrow', text: noteText(mode, 'narrow') };
    bottom = note.y + 4 * 19 + 10;
  } else {
    const top = bottom + 24;
    const queue = box(10, top, 160, 100);
    const dlq = box(186, top + 12, 150, 74);
    const worker = box(10, bottomOf(queue) + 30, 130, 100);
    placeQueue(parts, queue, worker, dlq);
    parts.edges['server-queue'] = [pt(176, 138), pt(176, cyOf(queue)), pt(170, cyOf(queue))];
    parts.edges['queue-worker'] = [pt(75, bottomOf(queue)), pt(75, worker.y)];
    parts.edges['queue-dlq'] = [pt(170, cyOf(dlq)), pt(186, cyOf(dlq))];
    const jobCells = grid(box(176, worker.y, 160, 0), background.length, 1);
    jobNodes(parts, background, jobCells, (cell) => {
      const y = clamp(cyOf(cell), worker.y + 14, bottomOf(worker) - 14);
      return [pt(140, y), pt(158, y), pt(158, cyOf(cell)), pt(176, cyOf(cell))];
    });
    bottom = Math.max(bottomOf(worker), ...jobCells.map(bottomOf));
  }
  const h = Math.ceil(bottom + 18);
  // Round the right margin and up the left one; from the left column, up the left margin.
  addEmailEdge(parts, (b) =>
    b.x < 172
      ? [pt(b.x, cyOf(b)), pt(4, cyOf(b)), pt(4, 56), pt(10, 56)]
      : [
          pt(b.x + b.w, cyOf(b)),
          pt(338, cyOf(b)),
          pt(338, h - 6),
          pt(4, h - 6),
          pt(4, 56),
          pt(10, 56),
        ],
  );
  return {
    ...parts,
    kind: 'tall',
    mode,
    w: 340,
    h,
    waitingArea: box(132, 16, 32, 92),
    waitingLabel: { x: 165, y: 124, anchor: 'end' },
    note,
    droppedAt: pt(parts.nodes.dlq.x + 8, parts.nodes.dlq.y + parts.nodes.dlq.h + 6),
  };
}
