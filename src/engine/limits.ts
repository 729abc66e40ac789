/** Every limit on the work and memory a run may cost, written down once: the command line's run
 * (enforced by budget.ts), the page's lanes and what they keep, a jump, and a "What if?" curve.
 * docs/architecture.md ("Limits") lists them with the reasons for each number. */

// The command line's run, which budget.ts enforces: orders planned, held at once, events in all
// and at one instant, and leases run out with no job finishing.

/** The most orders one run may plan: a 5,000,000-order run takes about half a minute here. */
export const MAX_ORDERS = 5_000_000;
/** The most orders and email jobs unfinished at once: about 300 bytes each, so under 1 GB. */
export const MAX_HELD = 2_000_000;
/** Events one run may process (about half a minute of this machine's time). */
export const MAX_EVENTS = 100_000_000;
/** Events at one instant of simulated time before the run counts as stuck. No lesson comes near:
 * even 1,000 orders placed at once with every latency 0 make about 10,000. */
export const MAX_EVENTS_AT_ONE_INSTANT = 1_000_000;
/** Leases run out (SQS's visibility timeout, Kafka's max.poll.interval.ms, ...) with no email job
 * finishing in between before the run counts as stuck: each job is handed out again and again,
 * and every call outlives its lease. A Kafka group of 10,000 consumers with a 1 ms poll interval
 * did 8.5 million events of this in 21 s of CPU for 48 orders; 100,000 take about half a second,
 * and no lesson comes near (the worst has a few hundred leases run out in all). */
export const MAX_LEASES_WITHOUT_PROGRESS = 100_000;
/** The budgets are checked every this many events, so the hot loop pays one comparison. */
export const CHECK_EVERY = 65_536;

/** The budgets a run checks as it goes. A caller with less room than the command line (the page:
 * PAGE_LIMITS below) passes smaller ones; a checkpoint carries them, so a resumed run keeps them. */
export interface RunLimits {
  /** Orders and email jobs unfinished at once. */
  held: number;
  /** Events in all. */
  events: number;
  /** Events at one instant of simulated time before the run counts as stuck (checked every
   * quarter of this, at most every CHECK_EVERY events): the page's is smaller, so that a stuck
   * run is stopped within one frame's work rather than after a second of it. */
  atOneInstant: number;
}

/** The command line's budgets, and every run's unless its caller gives others. */
export const RUN_LIMITS: Readonly<RunLimits> = {
  held: MAX_HELD,
  events: MAX_EVENTS,
  atOneInstant: MAX_EVENTS_AT_ONE_INSTANT,
};

/** The heap the page means to stay under while it plays, jumps or runs "What if?". */
export const PAGE_HEAP_BYTES = 300 * 1024 * 1024;

/** Each of the page's lanes: at most 100,000 orders and email jobs unfinished at once (about 35 MB
 * of engine state in Chromium), so both lanes, their logs and checkpoints stay within the heap
 * above; and a stuck run stopped within a frame's work. A run that outgrows them stops, and the
 * stage says why and what to change. */
export const PAGE_LIMITS: Readonly<RunLimits> = {
  held: 100_000,
  events: MAX_EVENTS,
  // A stuck run (an email call of 0 ms failing and retried at once) is stopped after this many
  // events at one instant, about 50 ms of the main thread, not the command line's 1,000,000 (one
  // task of 900 ms). The most a lesson or a user makes at one instant is about 10,000 (1,000
  // orders placed at once with every latency 0).
  atOneInstant: 50_000,
};

/** Requests, messages, workers and waits of each kind the diagram is given per frame (the engine's
 * `view(limit)`; the nodes' numbers count them all). A lane drawn with more is a solid blob that
 * costs its frame: 100,000 requests in progress took 650 ms a second to list. */
export const PAGE_VIEW_LIMIT = 600;

/** The page's checkpoints (store/replay/checkpoints.ts): how many, their memory together (approxBytes'
 * estimate, about 1.3 times under it on the heap), and the largest lanes one is taken of (orders
 * and email jobs held in both). 96 MB leaves room for lanes at PAGE_LIMITS beside them within
 * the 300 MB (160 MB did not); a 1-hour run at 50 orders/s keeps about 40, 90 s apart. A
 * checkpoint is one structuredClone of both engines, about 3 µs an order held, taken inside a
 * frame: 3,000 held keep it under 10 ms, so a frame with one misses one frame at most (bench:ui;
 * at 10,000 a spike's checkpoints made 50 to 80 ms frames). Past that a far seek replays from an
 * earlier checkpoint, in slices, instead. */
export const CHECKPOINT_LIMITS: Readonly<{ kept: number; bytes: number; held: number }> = {
  kept: 80,
  bytes: 96_000_000,
  held: 3_000,
};

/** Engine events a lesson's captions may spend being checked against a run (scenarios/script.ts),
 * both lanes together: the heaviest lesson needs 4,600; a user's heavy change to a lesson is
 * checked as far as this reaches (tens of ms) and the captions past it are left out, saying so.
 * 3,000,000 had made one change a task of seconds. */
export const SCRIPT_MAX_EVENTS = 200_000;

/** Orders a jump into time not yet played may simulate (store/time/replayBudget.ts). */
export const REPLAY_BUDGET_ORDERS = 100_000;

/** Orders one "What if?" request's runs may place in all (every value, both lanes), counted from
 * the traffic settings before anything runs. */
export const WHATIF_MAX_ORDERS = 10_000_000;

/** Engine events one "What if?" request's runs may take in all: an ordinary run costs about 5
 * events an order, so the orders above fit; a run whose work per order escapes that count (email
 * jobs failing and retried every microsecond) is stopped at it instead of running for minutes. */
export const WHATIF_MAX_EVENTS = 50_000_000;
