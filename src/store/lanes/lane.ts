/** One simulated checkout (sync or async) as the visualizer runs it: the engine's Simulation, the
 * cursor into its log, and what the diagram and the analysis (its Collector) derive from that
 * log. A lane is built from its recipe at 0 s or resumed from a checkpoint; running it on from
 * there to a moment is how the timeline seeks. */
import {
  PAGE_LIMITS,
  Simulation,
  type ChangeKey,
  type LogEntry,
  type Mode,
  type RunRecipe,
  type SettingValue,
  type SimCheckpoint,
  type TimedChange,
} from '../../engine/index.ts';
import { Collector } from '../../analysis/collector.ts';
import { flightOf, pruneFlights, type Flight } from './flights.ts';
import { OrderBook, type PackedBook } from './orderBook.ts';

/** The run's recipe is the engine's (RunRecipe): re-exported for the store's modules. */
export type { RunRecipe };

/** What a lane derives from its log, copied whole into a checkpoint. */
interface Derived {
  book: OrderBook;
  analysis: Collector;
  flights: Flight[];
  dlqOrders: number[];
  lastDrop: { order: number; atMs: number } | null;
  dropped: number;
  lost: LostSpan | null;
  lastLoggedMs: number;
  logged: number;
}

/** The simulated time in which log entries were lost (the ring wrapped round between two reads):
 * what happened to an order then cannot be known from the log. */
export interface LostSpan {
  fromMs: number;
  toMs: number;
}

/** What a lane derived, as a checkpoint keeps it: the order book packed, the rest copied. */
type KeptDerived = Omit<Derived, 'book'> & { book: PackedBook };

/** Copies of what a lane derived, to keep and to resume from, which go on exactly as the original
 * would: each part copies what it changes in place and shares what it never changes (log
 * entries, flights, published snapshots). */
function keep(d: Derived): KeptDerived {
  return { ...copyRest(d), book: d.book.pack() };
}
function resume(k: KeptDerived): Derived {
  return { ...copyRest(k), book: OrderBook.unpack(k.book) };
}
function copyRest<T extends Omit<Derived, 'book'>>(d: T): T {
  return {
    ...d,
    analysis: d.analysis.clone(),
    flights: d.flights.slice(),
    dlqOrders: d.dlqOrders.slice(),
  };
}

/** One lane at one moment: the engine's checkpoint and a copy of what the lane derived. */
export interface LaneCheckpoint {
  sim: SimCheckpoint;
  derived: KeptDerived;
}

/** Log entries kept between two reads. */
const LOG_CAPACITY = 1 << 17;
/** Events run between two reads of the log, whatever the simulated time: an event writes a few
 * entries (a redrive, one per message), so the ring does not wrap round between reads; a slice of
 * simulated time could (250 ms of 1 µs email retries writes about a million). */
export const PIECE_EVENTS = LOG_CAPACITY / 32;
/** Dead-lettered orders remembered for drawing the dead-letter queue. */
const DLQ_SHOWN = 40;

export class Lane {
  readonly mode: Mode;
  readonly sim: Simulation;
  readonly book: OrderBook;
  /** The analysis panels' view of this lane's log: charts, waterfalls, sentences. */
  readonly analysis: Collector;
  /** Transient tokens implied by the log (pages, sent emails, failures). */
  readonly flights: Flight[];
  /** The newest dead-lettered orders, oldest first. */
  readonly dlqOrders: number[];
  /** The newest message the broker dropped (RabbitMQ with no dead-letter target), for the
   * broker close-up, which shows the drop as an event. */
  lastDrop: { order: number; atMs: number } | null = null;
  /** Log entries lost because the ring overflowed between reads: only an event that writes more
   * than the ring holds (a redrive of 100,000 dead letters) loses any, since the lane reads the
   * log every PIECE_EVENTS events. */
  dropped = 0;
  /** When the lost entries were written, or null: the customer's screen says it cannot know an
   * order whose story overlaps it. */
  lost: LostSpan | null = null;
  /** The time of the newest log entry (-1 before any). */
  lastLoggedMs = -1;
  /** Log entries read since 0 s: the work a replay to now costs. */
  logged = 0;
  private cursor = 0;
  /** The user's changes. Unlike the scenario's script, which the engine schedules, they are
   * applied as the live run applied them: after the moment's events, with `sim.change`. So the
   * run's state before a change knows nothing of it, and a checkpoint taken there serves any
   * later change; a replay is also byte for byte the live run. */
  private userChanges: readonly TimedChange[];
  /** How many of `userChanges` the engine has applied. */
  private applied = 0;

  /** A lane at 0 s; the recipe's first `scripted` changes are the script, the rest the user's.
   * With `from`, the lane resumes at a checkpoint instead, `applied` user changes in. */
  constructor(
    mode: Mode,
    recipe: RunRecipe,
    scripted = recipe.changes.length,
    from?: { checkpoint: LaneCheckpoint; applied: number },
  ) {
    this.mode = mode;
    this.userChanges = recipe.changes.slice(scripted);
    if (from) {
      this.sim = Simulation.restore(from.checkpoint.sim, LOG_CAPACITY);
      const d = resume(from.checkpoint.derived);
      this.book = d.book;
      this.analysis = d.analysis;
      this.flights = d.flights;
      this.dlqOrders = d.dlqOrders;
      this.lastDrop = d.lastDrop;
      this.dropped = d.dropped;
      this.lost = d.lost;
      this.lastLoggedMs = d.lastLoggedMs;
      this.logged = d.logged;
      this.applied = from.applied;
      return;
    }
    // The scenario's script is scheduled in the engine; the user's changes are applied as the
    // live run applied them (runUntil).
    this.sim = Simulation.fromRecipe(
      { ...recipe, changes: recipe.changes.slice(0, scripted) },
      mode,
      // The page's budgets, smaller than the command line's: its heap holds both lanes.
      { logCapacity: LOG_CAPACITY, limits: PAGE_LIMITS },
    );
    this.book = new OrderBook();
    this.analysis = new Collector();
    this.flights = [];
    this.dlqOrders = [];
  }

  /** How many of the user's changes the engine has applied. */
  get changesApplied(): number {
    return this.applied;
  }

  /** A checkpoint of this moment (the log read to its end), to resume from with `from`. */
  checkpoint(): LaneCheckpoint {
    this.drain();
    const { book, analysis, flights, dlqOrders, lastDrop, dropped, lost, lastLoggedMs, logged } =
      this;
    return {
      sim: this.sim.checkpoint(),
      derived: keep({
        book,
        analysis,
        flights,
        dlqOrders,
        lastDrop,
        dropped,
        lost,
        lastLoggedMs,
        logged,
      }),
    };
  }

  get nowMs(): number {
    return this.sim.now;
  }

  /** Runs the simulation to `tMs`, applying the user's changes due by then, and reads what it
   * logged. */
  runUntil(tMs: number): void {
    for (;;) {
      const next = this.userChanges[this.applied];
      if (next === undefined || next.atMs > tMs) break;
      this.runReading(next.atMs);
      if (this.sim.stopped) break;
      // Only changes the engine took are in a recipe, so this one is taken again.
      this.sim.change(next.key, next.value);
      this.applied++;
    }
    this.runReading(tMs);
  }

  /** Runs to `tMs` in pieces of at most PIECE_EVENTS events, reading the log after each. */
  private runReading(tMs: number): void {
    while (!this.sim.runUntil(tMs, PIECE_EVENTS) && !this.sim.stopped) this.drain();
    this.drain();
  }

  /** Processes the next event only; returns false when nothing is scheduled. */
  step(): boolean {
    const stepped = this.sim.step();
    this.drain();
    return stepped;
  }

  /** Applies a setting or action now, as a user's change (the user's changes after now are
   * dropped: a change in the past rewrites the future); returns an error sentence or undefined. */
  change(key: ChangeKey, value: SettingValue): string | undefined {
    const problem = this.sim.change(key, value);
    if (!problem) {
      const change = { atMs: this.nowMs, key, value };
      this.userChanges = [...this.userChanges.slice(0, this.applied), change];
      this.applied++;
    }
    this.drain();
    return problem;
  }

  drain(): void {
    const page = this.sim.readLog(this.cursor);
    this.cursor = page.next;
    if (page.dropped > 0) {
      this.dropped += page.dropped;
      // The lost entries are the oldest of this read: after the last one read, before the first.
      this.lost = {
        fromMs: this.lost?.fromMs ?? Math.max(0, this.lastLoggedMs),
        toMs: page.entries[0]?.t ?? this.sim.now,
      };
    }
    this.logged += page.entries.length;
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
