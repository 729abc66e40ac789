/** The rows of the orders table, the text alternative to the animation: the latest orders of a
 * lane with what their customer has seen and where the order (or its email job) is now. */
import type { Step, SystemView } from '../../engine/index.ts';
import type { OrderStory } from '../../store/lanes/orderBook.ts';

export interface TableRow {
  order: number;
  placedAtMs: number;
  /** Where the order or its email job is now, in words. */
  now: string;
  page: string;
  responseMs: number | null;
  email: string;
}

const STEP_NOW: Record<Step | 'waiting', string> = {
  waiting: 'waiting for a server handler',
  validate: 'server: checking payment details',
  charge: 'server: charging the card',
  save: 'server: saving the order',
  enqueue: 'server: putting the email job on the queue',
  email: 'server: sending the email (customer waits)',
};

/** Where each order in progress is, from the engine's view of this moment. */
export function placesNow(view: SystemView): Map<number, string> {
  const where = new Map<number, string>();
  for (const m of view.visible) {
    where.set(m.order, m.receives > 0 ? 'email job back in the queue' : 'email job in the queue');
  }
  for (const m of view.delayed) where.set(m.order, 'email job waiting to retry');
  for (const w of view.workers) {
    if (w.state === 'busy') where.set(w.order, `worker ${w.id}: sending the email`);
  }
  // The server's work comes first: a request still in progress says what the customer waits on.
  for (const r of view.requests) {
    where.set(r.order, STEP_NOW[r.step as Step | 'waiting'] ?? `server: step ${r.step}`);
  }
  return where;
}

export function tableRow(story: OrderStory, where: Map<number, string>): TableRow {
  const page =
    story.page === null
      ? 'none yet'
      : story.page === 'error'
        ? 'error'
        : story.failedStep
          ? `success, then ${story.failedStep} failed`
          : 'success';
  const reason =
    story.reason === 'timeout'
      ? ' (gave up waiting)'
      : story.reason === 'server crashed'
        ? ' (server crashed)'
        : '';
  const email = {
    pending: 'not sent yet',
    sent: 'sent',
    lost: 'lost',
    dead: 'dead-lettered',
  }[story.email];
  return {
    order: story.order,
    placedAtMs: story.placedAt,
    now: where.get(story.order) ?? (story.overAt >= 0 ? 'done' : 'in progress'),
    page: page + reason,
    responseMs: story.page === null ? null : story.pageAt - story.placedAt,
    email,
  };
}

/** The newest `n` orders at or below `highest`, newest first. */
export function latestRows(
  get: (order: number) => OrderStory | undefined,
  highest: number,
  n: number,
  view: SystemView,
): TableRow[] {
  const where = placesNow(view);
  const rows: TableRow[] = [];
  for (let id = highest; id > 0 && rows.length < n; id--) {
    const story = get(id);
    if (story) rows.push(tableRow(story, where));
    else if (rows.length > 0) break;
  }
  return rows;
}
