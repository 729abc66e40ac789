/** A run's orders, complete from its first order: the run is replayed from its recipe (settings,
 * seed, duration, timed changes) in a fresh simulation, as a seek back does, so the live lanes
 * keep nothing extra per frame. The replay goes a piece of work at a time (`LaneReplay.advance`),
 * so a heavy run can be exported in slices that leave the page answering (exportRun.ts). */
import { Simulation, type Mode, type Report, type RunRecipe } from '../engine/index.ts';
import { OrderRows, ROWS_KEPT, type OrderRow } from './orderRows.ts';

export interface LaneExport {
  mode: Mode;
  orders: OrderRow[];
  /** Orders left out (the oldest) because the run placed more than the row limit. */
  truncated: number;
  /** Log entries the replay could not read (one event wrote more than the log holds): the rows
   * may then be wrong, and the export says it is incomplete. 0 in every run seen so far. */
  lostEntries: number;
  ledger: Report;
}

const LOG_CAPACITY = 1 << 17;
/** Events run between two reads of the log: an event writes a few entries, so the ring does not
 * wrap round between reads, however many events one moment of simulated time holds (250 ms of
 * 1 µs email retries is a million entries). */
export const REPLAY_PIECE_EVENTS = LOG_CAPACITY / 32;

/** One lane of the run replayed to `untilMs`, reading its log into order rows as it goes. */
export class LaneReplay {
  private readonly sim: Simulation;
  private readonly rows: OrderRows;
  private cursor = 0;
  private lost = 0;
  private finished = false;

  constructor(
    recipe: RunRecipe,
    readonly mode: Mode,
    readonly untilMs: number,
    private readonly scenario: string,
    capacity = ROWS_KEPT,
    logCapacity = LOG_CAPACITY,
  ) {
    this.sim = Simulation.fromRecipe(recipe, mode, { logCapacity });
    this.rows = new OrderRows(mode, capacity);
    this.read();
  }

  /** Simulated ms replayed so far. */
  get reachedMs(): number {
    return Math.min(this.sim.now, this.untilMs);
  }

  /** Events replayed so far: the work done. */
  get events(): number {
    return this.sim.events;
  }

  get done(): boolean {
    return this.finished;
  }

  /** Runs at most `maxEvents` more events (whole pieces) and reads the log; true once done. */
  advance(maxEvents = REPLAY_PIECE_EVENTS): boolean {
    const last = this.sim.events + maxEvents;
    while (!this.finished && this.sim.events < last) {
      const piece = Math.min(REPLAY_PIECE_EVENTS, last - this.sim.events);
      this.finished = this.sim.runUntil(this.untilMs, piece) || this.sim.stopped !== null;
      this.read();
    }
    return this.finished;
  }

  result(): LaneExport {
    return {
      mode: this.mode,
      orders: this.rows.list(),
      truncated: this.rows.truncated,
      lostEntries: this.lost,
      ledger: this.sim.report(this.scenario),
    };
  }

  private read(): void {
    const page = this.sim.readLog(this.cursor);
    this.cursor = page.next;
    this.lost += page.dropped;
    for (const entry of page.entries) this.rows.ingest(entry);
  }
}

/** Replays `mode`'s lane of the run to `untilMs` at once and returns its orders and ledger. */
export function replayLane(
  recipe: RunRecipe,
  mode: Mode,
  untilMs: number,
  scenario: string,
  capacity = ROWS_KEPT,
): LaneExport {
  const replay = new LaneReplay(recipe, mode, untilMs, scenario, capacity);
  while (!replay.advance(Infinity));
  return replay.result();
}
