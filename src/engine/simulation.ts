/** The simulation's public face: a few verbs in the manner of SimPy (`now`, `peek`, `step`,
 * `runUntil`), timed setting changes, snapshots, the event log and a live view for the UI. */
import { EV, subjectOf, type EventSubject } from './events.ts';
import {
  onEmailDone,
  onMessageVisible,
  onRedrive,
  onSessionTimeout,
  onWorkerCrash,
  onWorkerRestart,
  queuedCount,
  redrive,
  resizeWorkers,
  scheduleRedrive,
} from './queue/index.ts';
import { checkBudgets, type Stop } from './budget.ts';
import { peekTime, popEvent, type EventList } from './eventList.ts';
import { createLog, readLog, type LogPage } from './log.ts';
import {
  ACTIONS,
  applySetting,
  BEFORE_START_ONLY,
  buildConfig,
  clip,
  defaultConfig,
  parseDecimal,
  SettingError,
  type ChangeKey,
  type Mode,
  type SettingValue,
  type TimedChange,
} from './settings.ts';
import {
  fillHandlers,
  onStepDone,
  onTimeoutSweep,
  onUserRetry,
  rescheduleSweep,
  setHandlersBusy,
} from './server.ts';
import { createState, log, schedule, type SimState, type SimulationInput } from './state.ts';
import type { Config } from './config.ts';
import { inspectBroker, type BrokerInspection } from './queue/inspect.ts';
import type { RunRecipe } from './recipe.ts';
import { report, type Report } from './report.ts';
import { setLevel } from './stats.ts';
import { viewOf, type SystemView } from './view.ts';
import {
  arrivalsPending,
  onArrival,
  pauseTraffic,
  placeOrdersNow,
  resumeTraffic,
  startTraffic,
} from './traffic.ts';

/** A run's state at one moment, to resume from: opaque to callers, and plain data throughout
 * (structuredClone copies it), so it can be kept, copied or sent to a worker. */
export interface SimCheckpoint {
  readonly state: SimState;
}

export class Simulation {
  private s: SimState;

  /** The run `recipe` describes, in `mode`'s lane; `logCapacity` keeps an event log for a UI. */
  static fromRecipe(recipe: RunRecipe, mode: Mode, options: { logCapacity?: number } = {}) {
    return new Simulation({
      config: buildConfig(recipe.settings),
      mode,
      seed: recipe.seed,
      durationMs: recipe.durationMs,
      changes: recipe.changes,
      ...options,
    });
  }

  constructor(input: SimulationInput | { restore: SimState }) {
    if ('restore' in input) {
      this.s = structuredClone(input.restore);
      return;
    }
    // The run's planned size (checkRunSize) is refused up front by whoever means to run it to the
    // end (the command line). The simulator plays by time, as far as the user goes, so it is not
    // refused here: the budgets that every run checks as it goes bound its memory.
    const s = createState(input);
    this.s = s;
    s.changes.forEach((change, index) => {
      checkChange(change);
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

  /** Processes every event up to and including time t, then sets the clock to t. */
  runUntil(tMs: number): void {
    const s = this.s;
    const heap = s.heap;
    for (;;) {
      if (s.events >= s.budget.checkAt && checkBudgets(s)) return;
      if (s.liveAt <= s.events) replayLive(s, tMs);
      if (heap.count === 0 || heap.nextTime > tMs) break;
      s.now = heap.nextTime;
      s.events++;
      fire(s, heap);
    }
    if (tMs > s.now && Number.isFinite(tMs)) s.now = tMs;
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

  /** What the diagram draws at this moment. */
  view(): SystemView {
    return viewOf(this.s);
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

function isSettled(s: SimState): boolean {
  return (
    s.server.openOrders === 0 &&
    s.liveNext === s.live.length &&
    s.metrics.busyWorkers.value === 0 &&
    s.inflight === 0 &&
    s.queue.delayed === 0 &&
    queuedCount(s) === 0 &&
    s.kafka.uncommitted === 0 &&
    s.server.retriesPending === 0 &&
    s.changesPending === 0 &&
    (s.queue.redriveAt === Infinity || s.dlq.length === 0) &&
    !arrivalsPending(s)
  );
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
      return onEmailDone(s, subjectOf(heap, slot, EV.emailDone), n);
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
    case EV.change.code:
      s.changesPending--;
      return applyChange(s, s.changes[n]!);
    default:
      throw new Error(`unknown event code ${code}`);
  }
}

function checkChange(change: TimedChange): void {
  if (!(change.atMs >= 0) || !Number.isFinite(change.atMs)) {
    throw new SettingError(`a timed change of ${change.key} has no valid time (${change.atMs} ms)`);
  }
  const problem = validateChange(null, change.key, change.value);
  if (problem) throw new SettingError(problem);
}

function validateChange(s: SimState | null, key: string, value: SettingValue): string | undefined {
  if (key === ACTIONS.placeOrders) {
    const n = parseDecimal(String(value));
    return Number.isInteger(n) && n >= 1 && n <= 1000
      ? undefined
      : `${key}=${clip(String(value))} is not allowed: a whole number from 1 to 1000`;
  }
  if (key === ACTIONS.redrive) return undefined;
  if (BEFORE_START_ONLY.includes(key)) {
    return `${key} can only be set before the run starts (restart the run with it instead)`;
  }
  // Validate against a scratch copy so that a bad value changes nothing.
  return applySetting(structuredClone(s?.config ?? defaultConfig()), key, value);
}

function applyChange(s: SimState, change: TimedChange): void {
  const { key, value } = change;
  if (s.log) log(s.log, { t: s.now, kind: 'settingChanged', key, value: String(value) });
  if (key === ACTIONS.placeOrders) {
    placeOrdersNow(s, Number(value));
    return;
  }
  if (key === ACTIONS.redrive) {
    redrive(s);
    return;
  }
  const traffic = key.startsWith('traffic.');
  if (traffic) pauseTraffic(s);
  applySetting(s.config, key, value);
  if (traffic) resumeTraffic(s);
  switch (key) {
    case 'server.handlers':
      setHandlersBusy(s, s.server.handlersBusy);
      fillHandlers(s);
      break;
    case 'server.timeout':
      rescheduleSweep(s);
      break;
    case 'workers.count':
      resizeWorkers(s);
      break;
    case 'email.outage':
      scheduleOutages(s);
      break;
    case 'queue.redriveAt':
      scheduleRedrive(s);
      break;
    case 'email.down':
      if (s.log)
        log(s.log, {
          t: s.now,
          kind: 'emailService',
          down: s.config.email.down || s.email.inOutage,
        });
      break;
  }
}

/** Outage windows become events, so the log and the view show the service going down and up. */
function scheduleOutages(s: SimState): void {
  const gen = ++s.email.outageGen;
  const { outages } = s.config.email;
  const inside = outages.some((w) => w.fromMs <= s.now && s.now < w.toMs);
  if (inside !== s.email.inOutage) onOutage(s, gen);
  for (const w of outages) {
    if (w.fromMs > s.now) schedule(s, EV.outage, w.fromMs, null, gen);
    if (w.toMs > s.now) schedule(s, EV.outage, w.toMs, null, gen);
  }
}

/** At a window's edge: is the service inside any window now? */
function onOutage(s: SimState, gen: number): void {
  if (gen !== s.email.outageGen) return;
  const inside = s.config.email.outages.some((w) => w.fromMs <= s.now && s.now < w.toMs);
  if (inside === s.email.inOutage) return;
  s.email.inOutage = inside;
  if (s.log) log(s.log, { t: s.now, kind: 'emailService', down: s.config.email.down || inside });
}
