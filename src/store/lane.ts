/** One simulated checkout (sync or async) as the visualizer runs it: the engine's Simulation, the
 * cursor into its log, and what the diagram and the analysis (its Collector) derive from that log. Rebuilding a
 * lane from its recipe and running it to a moment is how the timeline seeks backwards. */
import {
  Simulation,
  buildConfig,
  type LogEntry,
  type Mode,
  type SettingValue,
  type TimedChange,
} from '../engine/index.ts';
import { Collector } from '../analysis/index.ts';
import { flightOf, pruneFlights, type Flight } from './flights.ts';
import { OrderBook } from './orderBook.ts';

/** Everything a run is a function of: replaying it gives the same run, event for event. */
export interface RunRecipe {
  settings: Readonly<Record<string, SettingValue>>;
  seed: number;
  durationMs: number;
  changes: readonly TimedChange[];
}

/** Log entries kept between two reads; the store reads after every slice of simulated time. */
const LOG_CAPACITY = 1 << 17;
/** Dead-lettered orders remembered for drawing the dead-letter queue. */
const DLQ_SHOWN = 40;

export class Lane {
  readonly mode: Mode;
  readonly sim: Simulation;
  readonly book = new OrderBook();
  /** The analysis panels' view of this lane's log: charts, waterfalls, sentences. */
  readonly analysis = new Collector();
  /** Transient tokens implied by the log (pages, sent emails, failures). */
  readonly flights: Flight[] = [];
  /** The newest dead-lettered orders, oldest first. */
  readonly dlqOrders: number[] = [];
  /** The newest message the broker dropped (RabbitMQ with no dead-letter target), for the
   * broker close-up, which shows the drop as an event. */
  lastDrop: { order: number; atMs: number } | null = null;
  /** Log entries lost because the ring overflowed between reads (should stay 0). */
  dropped = 0;
  /** The time of the newest log entry (-1 before any). */
  lastLoggedMs = -1;
  private cursor = 0;

  constructor(mode: Mode, recipe: RunRecipe) {
    this.mode = mode;
    this.sim = new Simulation({
      config: buildConfig(recipe.settings),
      mode,
      seed: recipe.seed,
      durationMs: recipe.durationMs,
      changes: recipe.changes,
      logCapacity: LOG_CAPACITY,
    });
  }

  /** How many times the message a worker holds has been received (1 on the first try). */
  receiveOf(worker: number): number {
    return this.sim.state.workers[worker]?.message?.receives ?? 1;
  }

  /** Messages in the dead-letter queue now (a redrive empties it). */
  get dlq(): number {
    return this.sim.state.dlq.length;
  }

  /** Messages in flight that no worker is working on: held by a crashed worker until their lease
   * runs out (SQS), or pending until claimed (Redis). Counted from the engine, for every broker. */
  get hidden(): number {
    const s = this.sim.state;
    let held = 0;
    for (const w of s.workers) {
      // A slow worker whose lease ran out still has its message, now someone else's.
      const current = w.message?.state === 'inflight' && w.message.lease === w.lease;
      held += (current ? 1 : 0) + w.buffer.length;
    }
    return s.inflight - held;
  }

  get nowMs(): number {
    return this.sim.now;
  }

  /** Runs the simulation to `tMs` and reads what it logged. */
  runUntil(tMs: number): void {
    this.sim.runUntil(tMs);
    this.drain();
  }

  /** Processes the next event only; returns false when nothing is scheduled. */
  step(): boolean {
    const stepped = this.sim.step();
    this.drain();
    return stepped;
  }

  /** Applies a setting or action now; returns an error sentence or undefined. */
  change(key: string, value: SettingValue): string | undefined {
    const problem = this.sim.change(key, value);
    this.drain();
    return problem;
  }

  drain(): void {
    const page = this.sim.readLog(this.cursor);
    this.cursor = page.next;
    this.dropped += page.dropped;
    this.analysis.ingest(page.entries, this.sim.now, page.dropped);
    if (page.entries.length === 0) return;
    for (const entry of page.entries) this.ingest(entry);
    this.lastLoggedMs = page.entries[page.entries.length - 1]!.t;
    pruneFlights(this.flights, this.sim.now);
  }

  private ingest(entry: LogEntry): void {
    this.book.ingest(entry);
    const f = flightOf(entry);
    if (f) this.flights.push(f);
    switch (entry.kind) {
      case 'messageDropped':
        this.lastDrop = { order: entry.order, atMs: entry.t };
        return;
      case 'deadLettered':
        this.dlqOrders.push(entry.order);
        if (this.dlqOrders.length > DLQ_SHOWN) this.dlqOrders.shift();
        return;
      case 'redriven': {
        const at = this.dlqOrders.lastIndexOf(entry.order);
        if (at >= 0) this.dlqOrders.splice(at, 1);
        return;
      }
      default:
        return;
    }
  }
}
