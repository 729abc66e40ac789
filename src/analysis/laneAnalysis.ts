/** What the collector derives for one lane, as plain data the panels draw: the shapes of a
 * snapshot and the collector's options. */
import type { Tone, ToldEvent } from './told.ts';
import type { OutcomeCounts, OutcomePoint } from './outcomes.ts';

export interface EventLine {
  /** The entry's position in everything ingested since the last reset: a stable React key. */
  id: number;
  tMs: number;
  text: string;
  tone: Tone;
}

/** p50, p95 and p99 of the latest responses at a moment of the run. */
export interface PercentilePoint {
  tMs: number;
  p50: number;
  p95: number;
  p99: number;
}

/** How full things were at a moment of the run (the end of a sampling interval). */
export interface LevelPoint {
  tMs: number;
  /** Messages visible in the queue at tMs. */
  queue: number;
  /** The most messages visible at any moment of the interval that ends at tMs. */
  queuePeak: number;
  /** Requests waiting for a free server handler. */
  serverLine: number;
  busyWorkers: number;
  crashedWorkers: number;
}

export interface QueueStats {
  depth: number;
  serverLine: number;
  busyWorkers: number;
  crashedWorkers: number;
  /** Orders placed per second over the last 10 s. */
  orderRatePerSec: number;
  /** Messages that became visible in the queue per second (new jobs and retries), last 10 s. */
  arrivalRatePerSec: number;
  /** Messages workers took off the queue per second, last 10 s. */
  deliveryRatePerSec: number;
  /** The mean duration of the latest email calls by workers, or null before the first one. */
  meanEmailCallMs: number | null;
}

export interface LaneAnalysis {
  nowMs: number;
  /** Entries ingested since the last reset. */
  ingested: number;
  /** Entries the engine's log ring lost before they were read. */
  dropped: number;
  /** The entries worth telling, newest first; narrate.ts's `eventLine` writes their sentences. */
  events: readonly ToldEvent[];
  /** The latest response times in ms (oldest first), and those of them that were error pages. */
  responses: { samples: readonly number[]; errors: readonly number[] };
  /** The latest delays from order to first confirmation email, in ms. */
  emailDelays: readonly number[];
  percentiles: readonly PercentilePoint[];
  levels: readonly LevelPoint[];
  /** What customers had seen by the end of each sampling interval (on the levels' grid). */
  outcomes: readonly OutcomePoint[];
  /** What customers have seen up to now, which the last point of `outcomes` may trail. */
  outcomesNow: OutcomeCounts;
  queue: QueueStats;
  /** Ids of the orders whose timelines are kept, highest first. */
  recentOrders: readonly number[];
}

export interface CollectorOptions {
  /** Event sentences kept (200). */
  events?: number;
  /** Orders whose entries are kept for waterfalls, least recently active dropped first (500). */
  orders?: number;
  /** Entries kept per order (400); a longer history is cut off. */
  entriesPerOrder?: number;
  /** Response times and email delays kept (5,000 each). */
  samples?: number;
  /** Points per time series (480). */
  points?: number;
  /** The first sampling interval in simulated ms (100); it doubles as the run grows. */
  firstIntervalMs?: number;
  /** Responses each percentile point is computed over (200). */
  percentileWindow?: number;
}
