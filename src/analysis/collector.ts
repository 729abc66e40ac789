/** Turns one lane's event log into what the analysis panels show, in bounded memory and cheaply
 * enough to run every animation frame.
 *
 * How the store uses it (one Collector per lane):
 *
 *   const collector = new Collector();
 *   // every frame, after advancing the simulation:
 *   const page = sim.readLog(cursor);
 *   collector.ingest(page.entries, sim.now, page.dropped);
 *   cursor = page.next;
 *   const analysis = collector.snapshot();   // a new object only when something changed
 *   // on a seek backwards, replay from zero:
 *   collector.reset(); collector.ingest(sim.readLog(0).entries, sim.now);
 *   // for the waterfall of an order the user picked:
 *   const trace = orderTrace(collector, orderId); // trace.ts; null once no longer kept
 *
 * Entries must arrive in time order. Everything the collector keeps is capped: the newest entries
 * worth telling, the most recently active orders' entries, the latest response times and email
 * delays, and time series that halve their resolution when full (series.ts). Snapshots are
 * plain, never mutated afterwards, and reuse unchanged arrays, so React memoizes on them. */
import type { LogEntry } from '../engine/index.ts';
import { cloneWith } from './cloneWith.ts';
import type {
  CollectorOptions,
  LaneAnalysis,
  LevelPoint,
  PercentilePoint,
  QueueStats,
} from './laneAnalysis.ts';
import { tells } from './told.ts';
import { OutcomeCounter, type OutcomePoint } from './outcomes.ts';
import { nearestRank } from './percentiles.ts';
import { RecentOrders } from './recentOrders.ts';
import { HalvingSeries, RateMeter, RollingMean, SampleRing } from './series.ts';
import { ToldRing } from './toldRing.ts';

export type {
  CollectorOptions,
  EventLine,
  LaneAnalysis,
  LevelPoint,
  PercentilePoint,
  QueueStats,
} from './laneAnalysis.ts';

const PLACEMENTS_KEPT = 100_000;
const CALLS_AVERAGED = 200;

function mergeLevels(a: LevelPoint, b: LevelPoint): LevelPoint {
  return { ...b, queuePeak: Math.max(a.queuePeak, b.queuePeak) };
}

export class Collector {
  private readonly opts: Required<CollectorOptions>;
  private nowMs = 0;
  private ingested = 0;
  private dropped = 0;
  private version = 0;
  private cache: LaneAnalysis | null = null;
  private cacheVersion = -1;
  private dirty = { events: true, responses: true, delays: true, orders: true, series: true };

  private readonly told: ToldRing;
  private readonly orders: RecentOrders;
  private readonly placedAt = new Map<number, number>();
  private readonly responses: SampleRing;
  private readonly delays: SampleRing;
  private readonly levels: HalvingSeries<LevelPoint>;
  private readonly trend: HalvingSeries<PercentilePoint>;
  private readonly outcomes = new OutcomeCounter();
  private readonly outcomeTrend: HalvingSeries<OutcomePoint>;
  private readonly scratch: Float64Array;
  private newResponses = 0;
  private nextSampleMs: number;

  private depth = 0;
  private peak = 0;
  private readonly waiting = new Set<number>();
  private readonly workerState = new Map<number, 'busy' | 'crashed'>();
  private busy = 0;
  private crashed = 0;
  private readonly orderRate = new RateMeter();
  private readonly arrivalRate = new RateMeter();
  private readonly deliveryRate = new RateMeter();
  private readonly calls = new RollingMean(CALLS_AVERAGED);

  constructor(options: CollectorOptions = {}) {
    this.opts = {
      events: options.events ?? 200,
      orders: options.orders ?? 500,
      entriesPerOrder: options.entriesPerOrder ?? 400,
      samples: options.samples ?? 5_000,
      points: options.points ?? 480,
      firstIntervalMs: options.firstIntervalMs ?? 100,
      percentileWindow: options.percentileWindow ?? 200,
    };
    this.told = new ToldRing(this.opts.events);
    this.orders = new RecentOrders(this.opts.orders, this.opts.entriesPerOrder);
    this.responses = new SampleRing(this.opts.samples);
    this.delays = new SampleRing(this.opts.samples);
    this.levels = new HalvingSeries(this.opts.points, this.opts.firstIntervalMs, mergeLevels);
    this.trend = new HalvingSeries(this.opts.points, this.opts.firstIntervalMs, (_a, b) => b);
    // Running totals: a merged point is the later one's.
    this.outcomeTrend = new HalvingSeries(
      this.opts.points,
      this.opts.firstIntervalMs,
      (_a, b) => b,
    );
    this.scratch = new Float64Array(this.opts.percentileWindow);
    this.nextSampleMs = this.opts.firstIntervalMs;
  }

  /** Forgets everything, as before a replay from time zero. */
  reset(): void {
    // A fresh instance's fields replace every field here, so no piece of state can be missed.
    const fresh = new Collector(this.opts);
    const version = this.version + 1;
    Object.assign(this, fresh);
    this.version = version;
  }

  /** A copy that goes on exactly as this one would, for the store's checkpoints. What is changed
   * in place is copied; log entries, points and the last snapshot (never changed) are shared. */
  clone(): Collector {
    return cloneWith(new Collector(this.opts), this, {
      dirty: { ...this.dirty },
      told: this.told.clone(),
      orders: this.orders.clone(),
      placedAt: new Map(this.placedAt),
      responses: this.responses.clone(),
      delays: this.delays.clone(),
      levels: this.levels.clone(),
      trend: this.trend.clone(),
      outcomes: this.outcomes.clone(),
      outcomeTrend: this.outcomeTrend.clone(),
      scratch: this.scratch.slice(),
      waiting: new Set(this.waiting),
      workerState: new Map(this.workerState),
      orderRate: this.orderRate.clone(),
      arrivalRate: this.arrivalRate.clone(),
      deliveryRate: this.deliveryRate.clone(),
      calls: this.calls.clone(),
    });
  }

  /** Takes the entries written since the last call (oldest first), then moves the clock to
   * `nowMs`, sampling the series on the way. `dropped` counts entries the log ring lost. */
  ingest(entries: readonly LogEntry[], nowMs: number, dropped = 0): void {
    const later = Number.isFinite(nowMs) && nowMs > this.nowMs;
    const quiet = entries.length === 0 && dropped === 0 && !later;
    if (quiet) return; // nothing new: the next snapshot is the same object as the last
    for (const entry of entries) {
      const t = entry.t;
      if (t > this.nextSampleMs) this.sampleUntil(t, false);
      this.apply(entry);
      if (t > this.nowMs) this.nowMs = t;
    }
    if (Number.isFinite(nowMs) && nowMs > this.nowMs) this.nowMs = nowMs;
    this.sampleUntil(this.nowMs, true);
    if (dropped > 0) this.dropped += dropped;
    this.version++;
  }

  /** One of the recent orders' log entries, oldest first, for its timeline (trace.ts's
   * `orderTrace`); null if it is not kept. */
  orderEntries(order: number): readonly LogEntry[] | null {
    return this.orders.entries(order);
  }

  snapshot(): LaneAnalysis {
    if (this.cache && this.cacheVersion === this.version) return this.cache;
    const prev = this.cache;
    const d = this.dirty;
    const responses =
      d.responses || !prev
        ? { samples: this.responses.values(), errors: this.responses.values(true) }
        : prev.responses;
    const next: LaneAnalysis = {
      nowMs: this.nowMs,
      ingested: this.ingested,
      dropped: this.dropped,
      events: d.events || !prev ? this.told.told() : prev.events,
      responses,
      emailDelays: d.delays || !prev ? this.delays.values() : prev.emailDelays,
      percentiles: d.series || !prev ? [...this.trend.points] : prev.percentiles,
      levels: d.series || !prev ? [...this.levels.points] : prev.levels,
      outcomes: d.series || !prev ? [...this.outcomeTrend.points] : prev.outcomes,
      outcomesNow: this.outcomes.counts(),
      queue: this.queueStats(),
      recentOrders: d.orders || !prev ? this.orders.ids() : prev.recentOrders,
    };
    this.dirty = { events: false, responses: false, delays: false, orders: false, series: false };
    this.cache = next;
    this.cacheVersion = this.version;
    return next;
  }

  private apply(e: LogEntry): void {
    const id = this.ingested++;
    if (tells(e)) {
      this.told.push(id, e);
      this.dirty.events = true;
    }
    if ('order' in e) {
      this.orders.remember(e.order, e, id);
      this.dirty.orders = true;
    }
    this.outcomes.apply(e);
    switch (e.kind) {
      case 'orderPlaced':
        this.orderRate.add(e.t);
        this.placedAt.set(e.order, e.t);
        if (this.placedAt.size > PLACEMENTS_KEPT)
          this.placedAt.delete(this.placedAt.keys().next().value!);
        break;
      case 'waitingForHandler':
        this.waiting.add(e.order);
        break;
      case 'stepStarted':
        if (e.step === 'validate' && this.waiting.size > 0) this.waiting.delete(e.order);
        break;
      case 'pageShown':
        this.responses.push(e.responseMs, e.page === 'error');
        this.newResponses++;
        this.dirty.responses = true;
        break;
      case 'messageQueued':
        this.depth = e.depth;
        if (e.depth > this.peak) this.peak = e.depth;
        this.arrivalRate.add(e.t);
        break;
      case 'messageReceived':
        this.depth = Math.max(0, this.depth - 1);
        this.deliveryRate.add(e.t);
        this.setWorker(e.worker, 'busy');
        break;
      case 'emailCall':
        this.calls.add(e.endMs - e.t);
        break;
      case 'emailSent':
        if (!e.duplicate) this.emailDone(e.order, e.t, true);
        if (e.worker >= 0) this.setWorker(e.worker, null);
        break;
      case 'emailFailed':
        if (e.worker >= 0) this.setWorker(e.worker, null);
        else this.emailDone(e.order, e.t, false);
        break;
      case 'deadLettered':
        this.emailDone(e.order, e.t, false);
        break;
      case 'serverCrashed':
        // Its job was never queued: no email will come to wait for.
        if (!e.jobSaved) this.emailDone(e.order, e.t, false);
        break;
      case 'workerCrashed':
        this.setWorker(e.worker, 'crashed');
        break;
      case 'workerRestarted':
        this.setWorker(e.worker, null);
        break;
      default:
        break;
    }
  }

  private emailDone(order: number, t: number, sent: boolean): void {
    const placed = this.placedAt.get(order);
    if (placed === undefined) return;
    this.placedAt.delete(order);
    if (!sent) return;
    this.delays.push(t - placed);
    this.dirty.delays = true;
  }

  private setWorker(worker: number, state: 'busy' | 'crashed' | null): void {
    const before = this.workerState.get(worker);
    if (before === 'busy') this.busy--;
    else if (before === 'crashed') this.crashed--;
    if (state === 'busy') this.busy++;
    else if (state === 'crashed') this.crashed++;
    if (state) this.workerState.set(worker, state);
    else this.workerState.delete(worker);
  }

  /** Records every sampling boundary up to `t` (and at `t` itself when `inclusive`). */
  private sampleUntil(t: number, inclusive: boolean): void {
    while (this.nextSampleMs < t || (inclusive && this.nextSampleMs === t)) {
      const tMs = this.nextSampleMs;
      this.levels.push({
        tMs,
        queue: this.depth,
        queuePeak: this.peak,
        serverLine: this.waiting.size,
        busyWorkers: this.busy,
        crashedWorkers: this.crashed,
      });
      this.peak = this.depth;
      this.outcomeTrend.push({ tMs, ...this.outcomes.counts() });
      if (this.newResponses > 0) {
        this.newResponses = 0;
        const n = this.responses.latest(this.opts.percentileWindow, this.scratch);
        const sorted = this.scratch.subarray(0, n).sort();
        this.trend.push({
          tMs,
          p50: nearestRank(sorted, 0.5),
          p95: nearestRank(sorted, 0.95),
          p99: nearestRank(sorted, 0.99),
        });
      }
      this.nextSampleMs = tMs + this.levels.intervalMs;
      this.dirty.series = true;
    }
  }

  private queueStats(): QueueStats {
    const now = this.nowMs;
    return {
      depth: this.depth,
      serverLine: this.waiting.size,
      busyWorkers: this.busy,
      crashedWorkers: this.crashed,
      orderRatePerSec: this.orderRate.perSec(now),
      arrivalRatePerSec: this.arrivalRate.perSec(now),
      deliveryRatePerSec: this.deliveryRate.perSec(now),
      meanEmailCallMs: this.calls.count > 0 ? this.calls.mean : null,
    };
  }
}
