/** The diagram's layouts as data. Wide: the steps in a row, 900 x 280, low enough that two lanes
 * fit one screen. Tall: the steps stacked two abreast, 340 units wide, for a phone, where a lane
 * is narrow and the page scrolls down (its text is drawn at 12 px or more from 314 px wide). */
import type { Flow, Mode, Place } from '../../engine/index.ts';
import { deferred } from '../deferred.ts';
import {
  box,
  layout,
  pt,
  type Box,
  type DiagramLayout,
  type EdgeId,
  type LayoutKind,
  type StepPlace,
} from './geometry.ts';

const SYNC_PLACES: readonly Place[] = ['customer', 'server', 'payment', 'database', 'email'];
const ASYNC_PLACES: readonly Place[] = [
  'customer',
  'server',
  'payment',
  'database',
  'queue',
  'worker',
  'email',
  'dlq',
];
const SYNC_EDGES: readonly EdgeId[] = [
  'customer-server',
  'server-payment',
  'server-database',
  'server-email',
  'email-customer',
];
const ASYNC_EDGES: readonly EdgeId[] = [
  'customer-server',
  'server-payment',
  'server-database',
  'server-queue',
  'queue-worker',
  'worker-email',
  'queue-dlq',
  'email-customer',
];

const WIDE_NODES: Record<Place, Box> = {
  customer: box(2, 70, 116, 120),
  server: box(196, 44, 176, 176),
  payment: box(420, 4, 160, 74),
  database: box(420, 86, 160, 74),
  queue: box(420, 166, 160, 100),
  worker: box(598, 166, 118, 100),
  email: box(734, 166, 162, 100),
  dlq: box(598, 86, 196, 74),
};

const at = (node: Place, edge: EdgeId, how: StepPlace['how'] = 'call'): StepPlace => ({
  node,
  edge,
  how,
});

/** Where the checkout's steps are drawn: the validation at the web server, the charge at the
 * payment service, the save at the database and the email at the email service (called by the
 * server in sync, by the workers in async). */
const CHECKOUT_STEPS = {
  titles: {},
  emailNode: 'email' as const,
  jobSteps: { email: at('email', 'worker-email') },
};
const REQUEST_STEPS = {
  validate: at('server', 'customer-server', 'arrive'),
  charge: at('payment', 'server-payment'),
  save: at('database', 'server-database'),
};
const SYNC_STEPS = {
  ...CHECKOUT_STEPS,
  requestSteps: { ...REQUEST_STEPS, email: at('email', 'server-email') },
};
const ASYNC_STEPS = { ...CHECKOUT_STEPS, requestSteps: REQUEST_STEPS };

/** Both lanes draw the same wide picture, so a student compares them node by node. */
const WIDE_COMMON = {
  kind: 'wide' as const,
  w: 900,
  h: 280,
  nodes: WIDE_NODES,
  edges: {
    'customer-server': [pt(118, 132), pt(196, 132)],
    'server-payment': [pt(372, 82), pt(420, 41)],
    'server-database': [pt(372, 121), pt(420, 121)],
    'server-email': [pt(372, 192), pt(400, 216), pt(734, 216)],
    'server-queue': [pt(372, 192), pt(400, 216), pt(420, 216)],
    'queue-worker': [pt(580, 216), pt(598, 216)],
    'worker-email': [pt(716, 216), pt(734, 216)],
    'queue-dlq': [pt(550, 166), pt(620, 156)],
    'email-customer': [pt(815, 266), pt(815, 274), pt(60, 274), pt(60, 190)],
  },
  waitingArea: box(124, 64, 64, 150),
  waitingLabel: { x: 156, y: 230, anchor: 'middle' as const },
  note: { x: 740, y: 62, lines: 'wide' as const, text: 'stage.note.checkout.wide' as const },
  droppedAt: pt(WIDE_NODES.dlq.x + WIDE_NODES.dlq.w + 8, WIDE_NODES.dlq.y + 34),
};

/** The tall layout: customers, the waiting line and the web server across the top; payment and
 * the database under them; then the queue with the dead letters beside it, and the workers with
 * the email service beside them. Sync has no queue row: its email service takes the queue's
 * place, and the note that says so stands beside it. The way back to the customers runs up the
 * left margin. */
const TALL_ASYNC_NODES: Record<Place, Box> = {
  customer: box(10, 4, 116, 104),
  server: box(170, 4, 166, 134),
  payment: box(10, 162, 160, 74),
  database: box(186, 162, 150, 74),
  queue: box(10, 264, 160, 100),
  dlq: box(186, 276, 150, 74),
  worker: box(10, 394, 130, 100),
  email: box(176, 394, 160, 100),
};

const TALL_COMMON = {
  kind: 'tall' as const,
  w: 340,
  waitingArea: box(132, 16, 32, 92),
  waitingLabel: { x: 165, y: 124, anchor: 'end' as const },
  droppedAt: pt(TALL_ASYNC_NODES.dlq.x + 8, TALL_ASYNC_NODES.dlq.y + TALL_ASYNC_NODES.dlq.h + 6),
};

const TALL_TOP = {
  'customer-server': [pt(126, 58), pt(170, 58)],
  'server-payment': [pt(190, 138), pt(120, 162)],
  'server-database': [pt(262, 138), pt(262, 162)],
};

/** Down the gap between payment and the database, into the side of the node under payment. */
const DOWN_THE_MIDDLE = [pt(178, 138), pt(178, 296), pt(170, 296)];

const TALL_SYNC_NODES: Record<Place, Box> = {
  ...TALL_ASYNC_NODES,
  email: box(10, 264, 160, 100),
};

export const LAYOUTS: Record<LayoutKind, Record<Mode, DiagramLayout>> = {
  wide: {
    sync: layout({
      ...WIDE_COMMON,
      ...SYNC_STEPS,
      mode: 'sync',
      places: SYNC_PLACES,
      edgeIds: SYNC_EDGES,
    }),
    async: layout({
      ...WIDE_COMMON,
      ...ASYNC_STEPS,
      mode: 'async',
      places: ASYNC_PLACES,
      edgeIds: ASYNC_EDGES,
      note: { ...WIDE_COMMON.note, text: null },
    }),
  },
  tall: {
    sync: layout({
      ...TALL_COMMON,
      ...SYNC_STEPS,
      mode: 'sync',
      h: 382,
      nodes: TALL_SYNC_NODES,
      places: SYNC_PLACES,
      edges: {
        ...TALL_TOP,
        'server-email': DOWN_THE_MIDDLE,
        'email-customer': [pt(90, 364), pt(90, 374), pt(4, 374), pt(4, 56), pt(10, 56)],
      },
      edgeIds: SYNC_EDGES,
      note: { x: 261, y: 290, lines: 'narrow', text: 'stage.note.checkout.narrow' },
    }),
    async: layout({
      ...TALL_COMMON,
      ...ASYNC_STEPS,
      mode: 'async',
      h: 512,
      nodes: TALL_ASYNC_NODES,
      places: ASYNC_PLACES,
      edges: {
        ...TALL_TOP,
        'server-queue': DOWN_THE_MIDDLE,
        'queue-worker': [pt(75, 364), pt(75, 394)],
        'worker-email': [pt(140, 444), pt(176, 444)],
        'queue-dlq': [pt(170, 326), pt(186, 326)],
        'email-customer': [pt(256, 494), pt(256, 504), pt(4, 504), pt(4, 56), pt(10, 56)],
      },
      edgeIds: ASYNC_EDGES,
      note: { x: 261, y: 290, lines: 'narrow', text: null },
    }),
  },
};

/** Whether the flow is the checkout as its hand-tuned layouts draw it: its four steps, with only
 * the email in the background. Any other flow (the checkout with its charge moved to the
 * background, too) gets a layout generated from its steps. */
export function isDrawnCheckout(flow: Flow): boolean {
  const ids = flow.steps.map((s) => `${s.id}:${s.where}`).join(',');
  return ids === 'validate:request,charge:request,save:request,email:background';
}

/** Generated layouts by what they are drawn from, so a lane restored from a checkpoint (a new
 * flow object, the same steps) keeps its layout object. */
const generated = new Map<string, DiagramLayout>();
const GENERATED_KEPT = 32;

/** What makes the layout of a flow other than the checkout: loaded on demand, since most pages
 * draw only the checkout, and it was part of the initial JavaScript (check:bundle). The page loads
 * it before its first screen when the link runs another flow (App.tsx), and a lane whose flow
 * changes to one waits for it (useDiagramFit). */
export const FLOW_LAYOUT = deferred(() => import('./flowLayout.ts'));

/** Whether `layoutFor` can draw the flow now: the checkout always, another flow once FLOW_LAYOUT
 * has loaded. */
export function canLayOut(flow?: Flow): boolean {
  return !flow || isDrawnCheckout(flow) || FLOW_LAYOUT.current() !== undefined;
}

/** The layout a lane draws for its flow: the checkout's own, else one made from the flow's steps
 * (which needs FLOW_LAYOUT loaded: `canLayOut`), named by their labels (`english`: as the flow
 * has them, else translated: see shortName). */
export function layoutFor(
  kind: LayoutKind,
  mode: Mode,
  flow?: Flow,
  english = true,
): DiagramLayout {
  if (!flow || isDrawnCheckout(flow)) return LAYOUTS[kind][mode];
  const maker = FLOW_LAYOUT.current();
  if (!maker) throw new Error(`the layout of the flow "${flow.label}" has not loaded yet`);
  const steps = flow.steps.map((s) => [s.id, s.label, s.where]);
  const key = JSON.stringify([kind, mode, steps, english]);
  let made = generated.get(key);
  if (!made) {
    if (generated.size >= GENERATED_KEPT) generated.clear();
    generated.set(key, (made = maker.flowLayout(flow, kind, mode, english)));
  }
  return made;
}

/** The wide layout's drawing box and nodes, for code that draws only it (exports, tests). */
export const WIDE = LAYOUTS.wide.async;
