/** The rows of the orders table, the text alternative to the animation: the latest orders of a
 * lane with what their customer has seen and where the order (or its email job) is now, in the
 * language on. */
import type { Step, SystemView } from '../../engine/index.ts';
import type { OrderStory } from '../../store/lanes/orderBook.ts';
// The table's words load with it, in the part below the stage (not the first load).
import '../../i18n/parts/analysis.ts';
import type { Translate } from '../../i18n/react.tsx';
import type { MessageId } from '../../i18n/runtime.ts';
import { pageTranslator } from '../../i18n/translate.ts';

export interface TableRow {
  order: number;
  placedAtMs: number;
  /** Where the order or its email job is now, in words. */
  now: string;
  page: string;
  responseMs: number | null;
  email: string;
}

/** Where a request is on the server, by its step (`orderDetails.now.<step>`). */
const STEP_NOW: Record<Step | 'waiting', MessageId> = {
  waiting: 'orderDetails.now.waiting',
  validate: 'orderDetails.now.validate',
  charge: 'orderDetails.now.charge',
  save: 'orderDetails.now.save',
  enqueue: 'orderDetails.now.enqueue',
  email: 'orderDetails.now.email',
};

/** Where each order in progress is, from the engine's view of this moment. */
export function placesNow(view: SystemView, t: Translate = pageTranslator()): Map<number, string> {
  const where = new Map<number, string>();
  for (const m of view.visible) {
    where.set(m.order, t('orderDetails.now.queued', { again: m.receives > 0 ? 'yes' : 'no' }));
  }
  for (const m of view.delayed) where.set(m.order, t('orderDetails.now.retry'));
  for (const w of view.workers) {
    if (w.state === 'busy') where.set(w.order, t('orderDetails.now.worker', { id: w.id }));
  }
  // The server's work comes first: a request still in progress says what the customer waits on.
  for (const r of view.requests) {
    const id = STEP_NOW[r.step as Step | 'waiting'];
    where.set(r.order, id ? t(id) : t('orderDetails.now.step', { step: r.step }));
  }
  return where;
}

export function tableRow(
  story: OrderStory,
  where: Map<number, string>,
  t: Translate = pageTranslator(),
): TableRow {
  const reason =
    story.reason === 'timeout' ? 'timeout' : story.reason === 'server crashed' ? 'crashed' : 'none';
  const page =
    story.page === null
      ? t('orderDetails.page.none')
      : story.page === 'error'
        ? t('orderDetails.page.error', { reason })
        : story.failedStep
          ? t('orderDetails.page.failedStep', { step: story.failedStep, reason })
          : t('orderDetails.page.success', { reason });
  return {
    order: story.order,
    placedAtMs: story.placedAt,
    now:
      where.get(story.order) ??
      t(story.overAt >= 0 ? 'orderDetails.now.done' : 'orderDetails.now.going'),
    page,
    responseMs: story.page === null ? null : story.pageAt - story.placedAt,
    email: t('orderDetails.email', { email: story.email }),
  };
}

/** The newest `n` orders at or below `highest`, newest first. */
export function latestRows(
  get: (order: number) => OrderStory | undefined,
  highest: number,
  n: number,
  view: SystemView,
  t: Translate = pageTranslator(),
): TableRow[] {
  const where = placesNow(view, t);
  const rows: TableRow[] = [];
  for (let id = highest; id > 0 && rows.length < n; id--) {
    const story = get(id);
    if (story) rows.push(tableRow(story, where, t));
    else if (rows.length > 0) break;
  }
  return rows;
}
