/** The coarse, React-facing picture of one lane at the current moment: counts for every node of
 * the diagram and the user's screen. Published only when it changes, so node labels re-render on
 * events, not on every frame. */
import type { Mode, SystemView } from '../../engine/index.ts';
import type { Lane, LostSpan } from '../lanes/lane.ts';
import type { EmailOutcome, OrderStory } from '../lanes/orderBook.ts';

/** `unknown`: the lane lost log entries while this order's story was open (lane.ts, `lost`), so
 * the screen claims nothing about it. */
export type ScreenPhase = 'idle' | 'waiting' | 'success' | 'error' | 'unknown';

/** What the customer followed on this lane sees. Times are from the click, in ms (-1: not yet). */
export interface ScreenState {
  order: number;
  phase: ScreenPhase;
  placedAt: number;
  pageMs: number;
  reason: string | null;
  email: EmailOutcome | 'none';
  emailMs: number;
  /** Emails the customer got: 2 or more when the email went out again (duplicates). */
  emailSends: number;
  /** The background step the customer needed that failed for good after "confirmed", or null. */
  failedStep: string | null;
  /** The other lane follows this order, a customer's second click after an error page there,
   * which this lane does not have (0 otherwise): the screen says so instead of "no order yet". */
  elsewhere: number;
}

export interface LaneSnapshot {
  mode: Mode;
  handlersBusy: number;
  handlersTotal: number;
  waiting: number;
  atPayment: number;
  atDatabase: number;
  /** Calls to the email service in progress (the server's in sync, workers' in async). */
  atEmail: number;
  /** Each flow step's work in progress, by its index in the flow: requests at it, and workers on
   * its jobs (a generated diagram's "N working"). */
  atSteps: readonly number[];
  usersWaiting: number;
  queueDepth: number;
  delayed: number;
  hidden: number;
  dlq: number;
  workersTotal: number;
  workersBusy: number;
  /** Busy workers beyond the pool's count after a cut: finishing their last message, then
   * leaving (counted in workersBusy too). */
  workersLeaving: number;
  workersCrashed: number;
  /** One letter per worker (i idle, b busy, c crashed), for the first few workers. */
  workerStates: string;
  emailDown: boolean;
  screen: ScreenState;
}

/** Workers drawn one by one; beyond this the node shows counts only. */
export const WORKERS_DRAWN = 10;

export const IDLE_SCREEN: ScreenState = {
  order: 0,
  phase: 'idle',
  placedAt: -1,
  pageMs: -1,
  reason: null,
  email: 'none',
  emailMs: -1,
  emailSends: 0,
  failedStep: null,
  elsewhere: 0,
};

export function screenOf(lane: Lane, order: number, elsewhere = 0): ScreenState {
  const story = order > 0 ? lane.book.get(order) : undefined;
  const lost = lane.lost;
  if (lost && order > 0 && (!story || overlaps(story, lost))) {
    return { ...IDLE_SCREEN, order, phase: 'unknown', placedAt: story?.placedAt ?? -1 };
  }
  // A story the book let go is not "no order yet": the order was placed, and what became of it
  // is no longer known.
  if (!story && order > 0 && lane.book.forgot(order)) {
    return { ...IDLE_SCREEN, order, phase: 'unknown' };
  }
  if (!story) return elsewhere > 0 ? { ...IDLE_SCREEN, elsewhere } : IDLE_SCREEN;
  return {
    order,
    phase: story.page ?? 'waiting',
    placedAt: story.placedAt,
    pageMs: story.page ? story.pageAt - story.placedAt : -1,
    reason: story.reason,
    email: story.email,
    emailMs: story.emailAt >= 0 ? story.emailAt - story.placedAt : -1,
    emailSends: story.sends,
    failedStep: story.failedStep,
    elsewhere: 0,
  };
}

/** Was the story still open (placed, not over) at some moment of the span? */
function overlaps(story: OrderStory, lost: LostSpan): boolean {
  return story.placedAt <= lost.toMs && (story.overAt < 0 || story.overAt >= lost.fromMs);
}

export function snapshotOf(
  lane: Lane,
  view: SystemView,
  tracked: number,
  elsewhere = 0,
): LaneSnapshot {
  // Counted from the view's totals: the lists hold only what the diagram can draw.
  const t = view.totals;
  let states = '';
  const total = view.mode === 'async' ? lane.sim.config.workers.count : 0;
  for (const w of view.workers) {
    if (w.state === 'retired') continue;
    if (states.length < WORKERS_DRAWN) states += w.state[0];
  }
  const busy = t.workers.busy;
  const atEmail = t.steps.email + (t.jobs.email ?? 0);
  const atSteps = lane.sim.config.flow.steps.map((s) => (t.steps[s.id] ?? 0) + (t.jobs[s.id] ?? 0));
  return {
    mode: view.mode,
    handlersBusy: view.handlers.busy,
    handlersTotal: view.handlers.total,
    waiting: view.handlers.waiting,
    atPayment: t.steps.charge,
    atDatabase: t.steps.save,
    atEmail,
    atSteps,
    usersWaiting: t.usersWaiting,
    queueDepth: t.visible,
    delayed: t.delayed,
    hidden: view.hidden,
    dlq: view.deadLetters,
    workersTotal: total,
    workersBusy: busy,
    workersLeaving: t.leaving,
    workersCrashed: t.workers.crashed,
    workerStates: states,
    emailDown: view.emailDown,
    screen: screenOf(lane, tracked, elsewhere),
  };
}

/** Field-by-field equality, so that an unchanged lane keeps its object and its subscribers sleep. */
export function sameSnapshot(a: LaneSnapshot, b: LaneSnapshot): boolean {
  for (const key of Object.keys(a) as (keyof LaneSnapshot)[]) {
    if (key === 'screen') continue;
    if (key === 'atSteps') {
      if (!sameNumbers(a.atSteps, b.atSteps)) return false;
    } else if (a[key] !== b[key]) return false;
  }
  const s = a.screen;
  const t = b.screen;
  return (
    s.order === t.order &&
    s.phase === t.phase &&
    s.pageMs === t.pageMs &&
    s.email === t.email &&
    s.emailMs === t.emailMs &&
    s.emailSends === t.emailSends &&
    s.elsewhere === t.elsewhere &&
    s.placedAt === t.placedAt
  );
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}
