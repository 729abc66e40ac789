/** The simulation's public face: a few verbs in the manner of SimPy (`now`, `peek`, `step`,
 * `runUntil`), timed setting changes, snapshots, the event log and a live view for the UI. */
import { EV, subjectOf, type EventSubject } from './events.ts';
import {
  onJobDone,
  onMessageVisible,
  onRedrive,
  onSessionTimeout,
  onWorkerCrash,
  onWorkerRestart,
  resizeWorkers,
  scheduleRedrive,
} from './queue/index.ts';
import { applyChange, checkChange, onOutage, scheduleOutages, validateChange } from './changes.ts';
import { checkBudgets, heldCount } from './budget.ts';
import { peekTime, popEvent, type EventList } from './eventList.ts';
import type { RunLimits } from './limits.ts';
import { createLog, readLog, type LogPage } from './log.ts';
import {
  buildConfig,
  type ChangeKey,
  type Mode,
  type SettingValue,
  type TimedChange,
} from './settings.ts';
import { onOutboxPoll } from './outbox.ts';
import { onStepDone, onTimeoutSweep, onUserRetry } from './server.ts';
import { createState, type SimulationInput } from './createState.ts';
import { schedule } from './schedule.ts';
import type { SimState, Stop } from './state.ts';
import type { Config } from './config.ts';
import { inspectBroker, type BrokerInspection } from './queue/inspect.ts';
import { policyFor } from './queue/policy.ts';
import type { RunRecipe } from './recipe.ts';
import { report, type Report } from './report.ts';
import { restoreState } from './restore.ts';
import { setLevel } from './stats.ts';
import { viewOf, type SystemView } from './view.ts';
import { isSettled } from './settled.ts';
import { onArrival, startTraffic } from './traffic.ts';

/** A run's state at one moment, to resume from: opaque to callers, and plain data throughout
 * (structuredClone copies it), so it can be kept, copied or sent to a worker. */
export interface SimCheckpoint {
  readonly state: SimState;
}

export class Simulation {
  private s: SimState;

  /** The run `recipe` describes, in `mode`'s lane; `logCapacity` keeps an event log for a UI, and
   * `limits` are budgets smaller than the command line's (budget.ts). */
  static fromRecipe(
    recipe: RunRecipe,
    mode: Mode,
    options: { logCapacity?: number; limits?: Partial<RunLimits> } = {},
  ) {
    return new Simulation({
      config: buildConfig(recipe.settings, recipe.flow),
      mode,
      seed: recipe.seed,
      durationMs: recipe.durationMs,
      changes: recipe.changes,
      ...options,
    });
  }

  constructor(input: SimulationInput | { restore: SimState }) {
    if ('restore' in input) {
      this.s = restoreState(input.restore);
      return;
    }
    // The run's planned size (checkRunSize) is refused up front by whoever means to run it to the
    // end (the command line). The simulator plays by time, as far as the user goes, so it is not
    // refused here: the budgets that every run checks as it goes bound its memory.
    // A run needs its broker's preset registered (queue/load.ts), the sync lane's too (its
    // workers are set up all the same): refused here, with the way to load it, rather than at the
    // first message.
    policyFor(input.config.queue.broker);
    const s = createState(input);
    this.s = s;
    s.changes.forEach((change, index) => {
      checkChange(change, s);
      if (change.afterEvents === undefined) {
        schedule(s, EV.change, change.atMs, null, index);
        s.changesPending++;
      } else s.live.push(index);
    });
    s.live.sort((a, b) => s.changes[a]!.afterEvents! - s.changes[b]!.afterEvents! || a - b);
    s.liveAt = s.live.length > 0 ? s.changes[s.live[0]!]!.afterEvents! : Infinity;
    setLevel(s.metrics.handlerCapacity, 0, s.config.server.handlers);
    resizeWorkers(s);
    scheduleOutages(s);
    scheduleRedrive(s);
    startTraffic(s);
  }

  /** The current simulated time in ms. */
  get now(): number {
    return this.s.now;
  }

  /** Events processed so far: the work the run has cost. */
  get events(): number {
    return this.s.events;
  }

  /** Orders and email jobs unfinished now: what the run holds in memory, which the budgets bound. */
  get held(): number {
    return heldCount(this.s);
  }

  /** The time of the next event, or Infinity when nothing is scheduled. */
  peek(): number {
    return peekTime(this.s.heap);
  }

  /** Processes the next event; false when there is none. */
  step(): boolean {
    const s = this.s;
    if (s.events >= s.budget.checkAt && checkBudgets(s)) return false;
    if (s.liveAt <= s.events) replayLive(s, Infinity);
    if (s.heap.count === 0) return false;
    s.now = s.heap.nextTime;
    s.events++;
    fire(s, s.heap);
    return true;
  }

  /** Processes every event up to and including time t, then sets the clock to t; true then. With
   * `maxEvents`, stops after that many events if t is not reached by then (false, the clock at
   * the last event), so a reader of the log can read it before the ring wraps round. False also
   * when a budget stops the run. */
  runUntil(tMs: number, maxEvents = Infinity): boolean {
    const s = this.s;
    const heap = s.heap;
    const last = s.events + maxEvents;
    for (;;) {
      if (s.events >= s.budget.checkAt && checkBudgets(s)) return false;
      if (s.liveAt <= s.events) replayLive(s, tMs);
      if (heap.count === 0 || heap.nextTime > tMs) break;
      if (s.events >= last) return false;
      s.now = heap.nextTime;
      s.events++;
      fire(s, heap);
    }
    if (tMs > s.now && Number.isFinite(tMs)) s.now = tMs;
    return true;
  }

  /** Runs until no order or message is in progress and no more can arrive, or until `limitMs`.
   * Returns true if the run settled. */
  runToSettle(limitMs: number): boolean {
    const s = this.s;
    const heap = s.heap;
    for (;;) {
      if (s.events >= s.budget.checkAt && checkBudgets(s)) break;
      if (s.liveAt <= s.events) replayLive(s, limitMs);
      if (isSettled(s) || heap.count === 0 || heap.nextTime > limitMs) break;
      s.now = heap.nextTime;
      s.events++;
      fire(s, heap);
    }
    return isSettled(s);
  }

  /** Why a budget stopped the run early, or null while it has not (see budget.ts). */
  get stopped(): Stop | null {
    return this.s.stopped;
  }

  /** No arrivals or scripted changes to come, no user retries pending, no request or email job
   * unfinished. */
  get settled(): boolean {
    return isSettled(this.s);
  }

  /** Changes a setting now, and records the change so that a replay reproduces it. Returns an
   * error sentence (and changes nothing) if the key or value is not allowed. */
  change(key: ChangeKey, value: SettingValue): string | undefined {
    const problem = validateChange(this.s, key, value);
    if (problem) return problem;
    const change: TimedChange = { atMs: this.s.now, key, value, afterEvents: this.s.events };
    this.s.changes.push(change);
    applyChange(this.s, change);
    return undefined;
  }

  /** The changes made so far, scripted and live, in order: with the input, a full replay recipe. */
  get changes(): readonly TimedChange[] {
    return this.s.changes;
  }

  /** The log entries written since `cursor`; needs `logCapacity` in the input. */
  readLog(cursor = 0): LogPage {
    return this.s.log ? readLog(this.s.log, cursor) : { entries: [], next: 0, dropped: 0 };
  }

  /** Keeps an event log of `capacity` entries from now on (0 stops logging). A UI that seeks
   * can replay to shortly before the target without a log, then start one: cheaper. */
  startLog(capacity: number): void {
    this.s.log = capacity > 0 ? createLog(capacity) : null;
  }

  /** A deep copy of the whole state, from which `new Simulation({ restore })` resumes exactly.
   * Leave the log out (`{ log: false }`) for cheap checkpoints; the restored run keeps none. */
  snapshot(options: { log?: boolean } = {}): SimState {
    const s = this.s;
    if (options.log !== false || !s.log) return structuredClone(s);
    const log = s.log;
    s.log = null;
    try {
      return structuredClone(s);
    } finally {
      s.log = log;
    }
  }

  /** A checkpoint to resume from later with `Simulation.restore`: the whole state as plain data
   * (a deep copy, so the run may go on), without the event log. */
  checkpoint(): SimCheckpoint {
    return { state: this.snapshot({ log: false }) };
  }

  /** A run resumed from a checkpoint, exactly where it was taken; the checkpoint stays usable.
   * With `logCapacity`, the resumed run keeps a fresh event log of that many entries. */
  static restore(checkpoint: SimCheckpoint, logCapacity = 0): Simulation {
    const sim = new Simulation({ restore: checkpoint.state });
    if (logCapacity > 0) sim.startLog(logCapacity);
    return sim;
  }

  /** Read-only access to the live state, for the engine's own tests. Callers outside the engine
   * read through `report`, `view` and `config`. Do not mutate. */
  get state(): Readonly<SimState> {
    return this.s;
  }

  /** The run's totals so far under `label` (a scenario's id, or "live"): the same numbers as the
   * ledger and the command line's JSON. */
  report(label: string): Report {
    return report(this.s, label);
  }

  /** What the diagram draws at this moment; with `limit`, each list holds at most that many
   * (`totals` still counts everything), so a heavy run's picture costs what a light one's does. */
  view(limit = Infinity): SystemView {
    return viewOf(this.s, limit);
  }

  /** The broker's own state for a close-up (null for the ideal broker and the sync lane), with
   * at most `limit` items in each list. */
  inspectBroker(limit: number): BrokerInspection | null {
    return inspectBroker(this.s, limit);
  }

  /** The settings in force now. */
  get config(): Readonly<Config> {
    return this.s.config;
  }
}

/** Applies the recorded live changes due after the events run so far, at their own moments. */
function replayLive(s: SimState, untilMs: number): void {
  while (s.liveNext < s.live.length) {
    const change = s.changes[s.live[s.liveNext]!]!;
    if (change.afterEvents! > s.events || change.atMs > untilMs) break;
    s.liveNext++;
    if (change.atMs > s.now) s.now = change.atMs;
    applyChange(s, change);
  }
  const next = s.live[s.liveNext];
  s.liveAt = next === undefined ? Infinity : s.changes[next]!.afterEvents!;
}

/** Pops the earliest event and hands it, with its subject, to the part of the model it belongs to. */
function fire(s: SimState, heap: EventList<EventSubject>): void {
  const slot = popEvent(heap);
  const code = heap.kinds[slot]!;
  const n = heap.ns[slot]!;
  switch (code) {
    case EV.stepDone.code:
      return onStepDone(s, subjectOf(heap, slot, EV.stepDone));
    case EV.emailDone.code:
      return onJobDone(s, subjectOf(heap, slot, EV.emailDone), n);
    case EV.messageVisible.code:
      return onMessageVisible(s, subjectOf(heap, slot, EV.messageVisible), n);
    case EV.arrival.code:
      return onArrival(s, n);
    case EV.timeoutSweep.code:
      return onTimeoutSweep(s, n);
    case EV.workerCrash.code:
      return onWorkerCrash(s, subjectOf(heap, slot, EV.workerCrash), n);
    case EV.workerRestart.code:
      return onWorkerRestart(s, subjectOf(heap, slot, EV.workerRestart), n);
    case EV.userRetry.code:
      return onUserRetry(s, subjectOf(heap, slot, EV.userRetry));
    case EV.outage.code:
      return onOutage(s, n);
    case EV.redrive.code:
      return onRedrive(s, n);
    case EV.sessionTimeout.code:
      return onSessionTimeout(s, subjectOf(heap, slot, EV.sessionTimeout), n);
    case EV.outboxPoll.code:
      return onOutboxPoll(s);
    case EV.change.code:
      s.changesPending--;
      return applyChange(s, s.changes[n]!);
    default:
      throw new Error(`unknown event code ${code}`);
  }
}
