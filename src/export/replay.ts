/** A run's orders, complete from its first order: the run is replayed from its recipe (settings,
 * seed, duration, timed changes) in a fresh simulation, as a seek back does, so the live lanes
 * keep nothing extra per frame. About 100 ms for a few minutes of busy traffic. */
import { Simulation, type Mode, type Report, type RunRecipe } from '../engine/index.ts';
import { OrderRows, ROWS_KEPT, type OrderRow } from './orderRows.ts';

export interface LaneExport {
  mode: Mode;
  orders: OrderRow[];
  /** Orders left out (the oldest) because the run placed more than the row limit. */
  truncated: number;
  ledger: Report;
}

/** Simulated ms run between two reads of the log; the log ring must hold what one slice writes. */
const SLICE_MS = 250;
const LOG_CAPACITY = 1 << 17;

/** Replays `mode`'s lane of the run to `untilMs` and returns its orders and ledger. */
export function replayLane(
  recipe: RunRecipe,
  mode: Mode,
  untilMs: number,
  scenario: string,
  capacity = ROWS_KEPT,
): LaneExport {
  const sim = Simulation.fromRecipe(recipe, mode, { logCapacity: LOG_CAPACITY });
  const rows = new OrderRows(mode, capacity);
  let cursor = 0;
  const read = () => {
    const page = sim.readLog(cursor);
    cursor = page.next;
    for (const entry of page.entries) rows.ingest(entry);
  };
  read();
  do {
    sim.runUntil(Math.min(untilMs, sim.now + SLICE_MS));
    read();
  } while (sim.now < untilMs);
  return {
    mode,
    orders: rows.list(),
    truncated: rows.truncated,
    ledger: sim.report(scenario),
  };
}
