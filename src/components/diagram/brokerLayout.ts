/** What the diagram shows of the broker the queue follows, as pure data: the queue node's title,
 * Kafka's partition rows, RabbitMQ's prefetch badges and the dropped counter, all computed from
 * the engine's view and laid out in the lane's own coordinates (see geometry.ts). */
import {
  BROKER_NAMES,
  type Broker,
  type PartitionView,
  type SystemView,
} from '../../engine/index.ts';
import type { Translate } from '../../i18n/react.tsx';
import type { MessageId } from '../../i18n/runtime.ts';
import { WORKERS_DRAWN } from '../../store/publish/snapshot.ts';
import type { Box, Point } from './geometry.ts';
import { localShortCount } from './localCount.ts';

/** The queue node's title: what the broker calls its queue, and the broker's name. */
export interface QueueTitle {
  noun: string;
  name: string;
  /** Said after the name where there is room for it (Kafka's partition count). */
  detail: string;
}

/** What each broker calls its queue ("Topic" for Kafka), in the language on; the engine's
 * English noun (BROKER_NAMES' queueNoun) is the catalog's English. */
export const QUEUE_NOUNS: Readonly<Record<Broker, MessageId>> = {
  ideal: 'node.queue',
  sqs: 'node.queue',
  rabbitmq: 'node.queue',
  kafka: 'node.topic',
  redis: 'node.stream',
};

/** The brokers whose short name is a word rather than a product's name: worded by the catalog. */
const WORDED_NAMES: Readonly<Partial<Record<Broker, MessageId>>> = { ideal: 'node.ideal' };

/** A product's name stays as it is; the ideal broker's, the noun and the partitions are worded. */
export function queueTitle(t: Translate, broker: Broker, partitions: number): QueueTitle {
  const noun = t(QUEUE_NOUNS[broker]);
  const worded = WORDED_NAMES[broker];
  const name = worded ? t(worded) : BROKER_NAMES[broker].short;
  const detail = BROKER_NAMES[broker].partitioned
    ? t('node.partitions', { count: partitions })
    : '';
  return { noun, name, detail };
}

/** The whole title as one phrase, for screen readers and tests: "Topic · Kafka (4 partitions)". */
export function queueTitleText(t: Translate, title: QueueTitle): string {
  const values = { noun: title.noun, broker: title.name, detail: title.detail };
  return t(title.detail ? 'node.queueTitleDetail' : 'node.queueTitle', values);
}

/** The part of the view the broker overlays draw; small, so that a change is cheap to detect. */
export interface BrokerSummary {
  broker: Broker;
  partitions: readonly PartitionView[];
  /** RabbitMQ: held messages of the workers drawn one by one (retired workers are not drawn). */
  prefetched: readonly number[];
  /** RabbitMQ: held messages summed over every worker, drawn or not. */
  held: number;
  dropped: number;
}

export function brokerSummary(view: SystemView): BrokerSummary {
  const prefetched: number[] = [];
  const held = view.totals.prefetched;
  for (const w of view.workers) {
    if (w.state !== 'retired' && prefetched.length < WORKERS_DRAWN) prefetched.push(w.prefetched);
  }
  return {
    broker: view.broker,
    partitions: view.partitions,
    prefetched,
    held,
    dropped: view.dropped,
  };
}

export function sameSummary(a: BrokerSummary, b: BrokerSummary): boolean {
  if (a.broker !== b.broker || a.dropped !== b.dropped || a.held !== b.held) return false;
  if (a.partitions.length !== b.partitions.length) return false;
  if (a.prefetched.length !== b.prefetched.length) return false;
  for (let i = 0; i < a.prefetched.length; i++) {
    if (a.prefetched[i] !== b.prefetched[i]) return false;
  }
  for (let i = 0; i < a.partitions.length; i++) {
    const p = a.partitions[i]!;
    const q = b.partitions[i]!;
    if (p.id !== q.id || p.lag !== q.lag || p.blocked !== q.blocked || p.owner !== q.owner) {
      return false;
    }
  }
  return true;
}

/** Partition rows drawn in the queue node at most; beyond that the last row says "+N more". */
export const MAX_PARTITION_ROWS = 8;
/** Up to this many rows stand in one column; more share two. */
const ONE_COLUMN = 4;
const ROW_STEP = 15;
/** The first row's baseline, below the queue's title. */
const ROWS_TOP = 50;
const INSET = 8;
/** Shorter bars than this are not drawn: the numbers say it all. */
const MIN_BAR = 10;
/** Widest character of the rows' bold 12.5px text (DejaVu Sans, the widest fallback font). */
const CHAR_W = 8.7;
/** A bar's length stands for the lag against the longest shown, or this many records at least. */
const MIN_FULL_SCALE = 10;

export interface PartitionRow {
  id: number;
  label: string;
  lag: number;
  blocked: boolean;
  /** Where the row's label starts and its baseline, and how wide the whole row may be. */
  x: number;
  y: number;
  w: number;
  /** Where the bar (or, when blocked, the stop sign) starts, and the bar's length: 0 when
   * blocked, where the sign and the word "blocked" stand in its place. */
  barX: number;
  bar: number;
  /** The bar's full length; 0 when there is no room for bars at all. */
  barMax: number;
  /** Read aloud and shown on hover. */
  description: string;
}

export interface PartitionLayout {
  rows: PartitionRow[];
  /** Partitions not drawn, and how many of those are blocked. */
  more: number;
  moreBlocked: number;
  /** Where the "+N more" line goes (when `more` > 0). */
  moreAt: { x: number; y: number };
}

/** Which partitions get a row: all when they fit; otherwise every blocked one first (a stuck
 * partition is the lesson, so it is never hidden), then the lowest ids, shown in id order. */
export function shownPartitions(
  partitions: readonly PartitionView[],
  max = MAX_PARTITION_ROWS,
): PartitionView[] {
  if (partitions.length <= max) return [...partitions];
  const room = max - 1;
  const chosen = new Set<PartitionView>();
  for (const p of partitions) if (p.blocked && chosen.size < room) chosen.add(p);
  for (const p of partitions) if (chosen.size < room) chosen.add(p);
  return [...chosen].sort((a, b) => a.id - b.id);
}

/** The rows inside the queue node `q` (its box in the lane's layout). */
export function partitionLayout(
  t: Translate,
  partitions: readonly PartitionView[],
  q: Box,
): PartitionLayout {
  const shown = shownPartitions(partitions);
  const slots = shown.length + (shown.length < partitions.length ? 1 : 0);
  const columns = slots > ONE_COLUMN ? 2 : 1;
  const perColumn = Math.max(1, Math.ceil(slots / columns));
  const gap = 8;
  const w = (q.w - 2 * INSET - (columns - 1) * gap) / columns;
  const scale = Math.max(MIN_FULL_SCALE, ...shown.map((p) => p.lag));
  const place = (i: number) => ({
    x: q.x + INSET + Math.floor(i / perColumn) * (w + gap),
    y: q.y + ROWS_TOP + (i % perColumn) * ROW_STEP,
  });
  // The bar runs between the label ("P12") and the lag number, each as wide as its longest.
  const labelW = textWidth(`P${Math.max(0, ...shown.map((p) => p.id))}`) + 5;
  const numberW = textWidth(Math.max(0, ...shown.map((p) => p.lag)).toLocaleString(t.locale)) + 5;
  const fits = w - labelW - numberW;
  const barMax = fits >= MIN_BAR ? fits : 0;
  const rows = shown.map((p, i): PartitionRow => {
    const label = `P${p.id}`;
    return {
      id: p.id,
      label,
      lag: p.lag,
      blocked: p.blocked,
      ...place(i),
      w,
      barX: place(i).x + labelW,
      bar: p.blocked || barMax === 0 ? 0 : p.lag > 0 ? Math.max(2, (p.lag / scale) * barMax) : 0,
      barMax,
      description: t(p.blocked ? 'node.partitionBlocked' : 'node.partition', {
        id: p.id,
        lag: p.lag,
      }),
    };
  });
  const hidden = partitions.filter((p) => !shown.includes(p));
  return {
    rows,
    more: hidden.length,
    moreBlocked: hidden.filter((p) => p.blocked).length,
    moreAt: place(shown.length),
  };
}

function textWidth(text: string): number {
  return text.length * CHAR_W;
}

/** "+5 more", with how many of them are blocked when any are. */
export function moreText(t: Translate, more: number, blocked: number): string {
  return blocked > 0
    ? t('node.moreBlocked', { count: more, blocked })
    : t('node.more', { count: more });
}

/** RabbitMQ's badge beside a worker: the messages it holds under its prefetch, "+3" ("99+"). */
export function heldBadge(held: number): string {
  return held > 99 ? '99+' : `+${held}`;
}

/** The workers' line. After a cut, workers beyond the new count are still busy with their last
 * message: "6 of 0 busy" would count them against a pool they have left, so the line then says
 * how many are busy, and `leavingText` what the extra ones are doing. */
export function workersLine(
  t: Translate,
  busy: number,
  leaving: number,
  crashed: number,
  total: number,
): string {
  const n = (count: number) => localShortCount(t.locale, count);
  if (crashed > 0) return t('node.busyDown', { busy: n(busy), down: n(crashed) });
  return leaving > 0
    ? t('node.busy', { busy: n(busy) })
    : t('node.busyOf', { busy: n(busy), total: n(total) });
}

/** Under the worker node while workers beyond a cut finish: "6 finishing last job". */
export function leavingText(t: Translate, leaving: number): string {
  return t('node.leaving', { count: leaving });
}

/** The same in a sentence, for the tag's tooltip and screen readers. */
export function leavingSentence(t: Translate, leaving: number, total: number): string {
  return t('node.leavingWhy', { count: leaving, total });
}

/** RabbitMQ's held messages over all workers, on the worker node's tab: "+16 held". */
export function heldTotalText(t: Translate, held: number): string {
  return t('node.heldTotal', { count: held });
}

export function droppedText(t: Translate, dropped: number): string {
  return t('node.dropped', { count: dropped });
}

/** Where worker glyph `i` of `drawn` sits in the worker node (from its top-left), or null when
 * it is not drawn. A broker whose workers hold prefetched messages (RabbitMQ) spaces them out,
 * draws at most two rows of four, and leaves room above each for its held badge (lower when one
 * row leaves room to spare). */
export function workerSlot(i: number, drawn: number, prefetches: boolean): Point | null {
  if (!prefetches) {
    if (i >= WORKERS_DRAWN) return null;
    return { x: 10 + (i % 5) * 19, y: 38 + Math.floor(i / 5) * 19 };
  }
  if (i >= 8) return null;
  if (drawn <= 4) return { x: 10 + i * 28, y: 54 };
  return { x: 10 + (i % 4) * 25, y: 44 + Math.floor(i / 4) * 20 };
}
