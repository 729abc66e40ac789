/** The read-only face of a lane, which is all of it that leaves the store: the engine, the order
 * book and the analysis stay inside (lane.ts), so nothing outside can change a run except through
 * the store's actions, and every read is one of the few listed here. */
import type {
  BrokerInspection,
  Config,
  LogEntry,
  Mode,
  Report,
  SystemView,
} from '../../engine/index.ts';
import type { LaneAnalysis } from '../../analysis/index.ts';
import type { Flight } from './flights.ts';
import type { LanePair } from './lanePair.ts';
import type { LostSpan } from './lane.ts';
import type { OrderStory } from './orderBook.ts';

export interface LaneReader {
  readonly mode: Mode;
  /** The lane's simulated time. */
  readonly nowMs: number;
  /** The settings in force now. */
  readonly config: Readonly<Config>;
  /** The engine's totals so far under `label` (a scenario's id, or "live"), freshly computed. */
  report(label: string): Report;
  /** What the diagram draws now (its lists hold at most what the page draws; totals count all). */
  view(): SystemView;
  /** The broker's own state for the close-up (null for the ideal broker and the sync lane). */
  inspect(limit: number): BrokerInspection | null;
  /** What one recent order's customer has seen so far, or undefined if it is not kept. */
  story(order: number): Readonly<OrderStory> | undefined;
  /** The analysis panels' view of the log: a new object only when something changed. */
  analysis(): Readonly<LaneAnalysis>;
  /** One recent order's log entries, oldest first, for its timeline (analysis/trace.ts's
   * `orderTrace`, with the config's flow); null if it is not kept. */
  orderEntries(order: number): readonly LogEntry[] | null;
  /** Transient tokens implied by the log (pages, sent emails, failures). */
  readonly flights: readonly Readonly<Flight>[];
  /** The newest dead-lettered orders, oldest first. */
  readonly dlqOrders: readonly number[];
  /** The newest message the broker dropped, for the close-up. */
  readonly lastDrop: Readonly<{ order: number; atMs: number }> | null;
  /** The time of the newest log entry (-1 before any). */
  readonly lastLoggedMs: number;
  /** Log entries lost because the ring overflowed between two reads, and when they were written
   * (null if none): an order whose story overlaps that span cannot be known. */
  readonly dropped: number;
  readonly lost: Readonly<LostSpan> | null;
  /** Nothing is scheduled that would change the run's outcome. */
  readonly settled: boolean;
}

/** A reader of the pair's lane for `mode`, whichever lane object that is now: a seek or a
 * rebuild replaces the lanes, and a reader kept across it reads the new ones. */
export function laneReader(pair: LanePair, mode: Mode): LaneReader {
  const lane = () => pair.lanes[mode];
  return {
    mode,
    get nowMs() {
      return lane().nowMs;
    },
    get config() {
      return lane().sim.config;
    },
    report: (label) => lane().sim.report(label),
    view: () => pair.view(mode),
    inspect: (limit) => lane().sim.inspectBroker(limit),
    story: (order) => lane().book.get(order),
    analysis: () => lane().analysis.snapshot(),
    orderEntries: (order) => lane().analysis.orderEntries(order),
    get flights() {
      return lane().flights;
    },
    get dlqOrders() {
      return lane().dlqOrders;
    },
    get lastDrop() {
      return lane().lastDrop;
    },
    get lastLoggedMs() {
      return lane().lastLoggedMs;
    },
    get dropped() {
      return lane().dropped;
    },
    get lost() {
      return lane().lost;
    },
    get settled() {
      return lane().sim.settled;
    },
  };
}
