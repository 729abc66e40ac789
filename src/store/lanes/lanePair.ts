/** The two lanes, sync and async, fed the same recipe and always run to the same moment, so the
 * Compare mode is fair; with the slicing and time budget that keep a frame within its deadline,
 * and the checkpoints that make a seek restore a nearby moment instead of replaying from 0 s. */
import {
  CHECKPOINT_LIMITS,
  PAGE_VIEW_LIMIT,
  type ChangeKey,
  type Mode,
  type SettingValue,
  type Stop,
  type SystemView,
  type TimedChange,
} from '../../engine/index.ts';
import { approxBytes } from '../replay/approxBytes.ts';
import { Checkpoints, type PairCheckpoint } from '../replay/checkpoints.ts';
import { Lane, type RunRecipe } from './lane.ts';

export const MODES: readonly Mode[] = ['sync', 'async'];

/** A lane the engine stopped, and why. */
export type LaneStop = Stop & { mode: Mode };

/** Simulated ms run between two reads of the log and two looks at the clock. */
const SLICE_MS = 250;
/** Under a deadline, a step of simulated time that takes longer than this much wall time is
 * halved for the next one (a heavy run: 250 ms of 10,000 orders a second took 250 ms), and one
 * much quicker is doubled back, so the clock is looked at often enough to keep the deadline. */
const STEP_WALL_MS = 8;

/** Simulated ms that restored lanes run once per page, to warm the JIT up (LanePair.warmUp), and
 * the log entries that is enough of: a heavy run's 2 s would be a long task of its own. */
const WARM_UP_MS = 2_000;
const WARM_UP_ENTRIES = 3_000;
/** Checkpoints may take this share of the wall time, at most: in a heavy run a checkpoint (a
 * structuredClone of both engines) takes tens of ms, and one every 20,000 log entries had the
 * page copying three times as long as it simulated. A run played at its pace has time to spare,
 * and one played as fast as it goes (`npm run bench:seek`) keeps one every minute or so. */
const CHECKPOINT_SHARE = 0.25;
/** While a run plays, a checkpoint is taken in a frame only while the lanes hold at most this
 * many orders and jobs together (about 3 ms of copy; CHECKPOINT_LIMITS.held is 3,000). */
const PLAYING_HELD = 1_000;
let warmedUp = false;

export class LanePair {
  lanes: Record<Mode, Lane>;
  /** Bumped whenever the lanes are rebuilt or restored, so readers of lane objects fetch them
   * anew. */
  generation = 0;
  readonly checkpoints: Checkpoints;
  private views: Partial<Record<Mode, SystemView>> = {};
  /** Simulated ms per step under a deadline, adapted to how heavy the run is. */
  private stepMs = SLICE_MS;
  /** When the last checkpoint was taken (wall ms, under a deadline) and how long it took. */
  private checkpointAtWallMs = -Infinity;
  private checkpointWallMs = 0;
  /** The first checkpoint, to warm up from at the start of the next run (warmUp). */
  private warmUpFrom: PairCheckpoint | null = null;
  /** Set by the frame loop while a run plays: its frames do not stop for the warm-up (a busy
   * run's restore took 30 to 60 ms, a frame three times late in bench:ui), which waits for the
   * run to pause or for the next seek. */
  playing = false;

  /** The recipe's first `scripted` changes are the scenario's script, the rest the user's. */
  constructor(
    private recipe: RunRecipe,
    private scripted = recipe.changes.length,
    checkpoints = new Checkpoints(),
  ) {
    this.checkpoints = checkpoints;
    this.lanes = this.build();
  }

  get nowMs(): number {
    return this.lanes.sync.nowMs;
  }

  /** The user's changes in the recipe. */
  private get userChanges(): readonly TimedChange[] {
    return this.recipe.changes.slice(this.scripted);
  }

  private build(): Record<Mode, Lane> {
    this.generation++;
    this.views = {};
    return {
      sync: new Lane('sync', this.recipe, this.scripted),
      async: new Lane('async', this.recipe, this.scripted),
    };
  }

  private restore(cp: PairCheckpoint): Record<Mode, Lane> {
    this.generation++;
    this.views = {};
    const applied = cp.applied.length;
    return {
      sync: new Lane('sync', this.recipe, this.scripted, { checkpoint: cp.lanes.sync, applied }),
      async: new Lane('async', this.recipe, this.scripted, { checkpoint: cp.lanes.async, applied }),
    };
  }

  /** Starts both lanes afresh from a recipe (time 0). Checkpoints of the same run that a run of
   * the new recipe passes through are kept; a new base, seed, length or script drops them all. */
  rebuild(recipe: RunRecipe, scripted = recipe.changes.length): void {
    const old = this.recipe;
    const sameRun =
      recipe.settings === old.settings &&
      recipe.seed === old.seed &&
      recipe.durationMs === old.durationMs &&
      scripted === this.scripted &&
      recipe.changes.slice(0, scripted).every((c, i) => c === old.changes[i]);
    this.recipe = recipe;
    this.scripted = scripted;
    if (sameRun) this.checkpoints.keepFitting(this.userChanges);
    else this.checkpoints.clear();
    this.lanes = this.build();
  }

  /** Log entries both lanes have read since 0 s. */
  private get work(): number {
    return this.lanes.sync.logged + this.lanes.async.logged;
  }

  /** Where a run to `tMs` starts from: the nearest checkpoint at or before it when that saves
   * more than a checkpoint's spacing of replay, else the lanes as they are, else 0 s. */
  private startFor(tMs: number): PairCheckpoint | 'here' | 'zero' {
    const cp = this.checkpoints.latestFor(tMs, this.userChanges);
    if (tMs >= this.nowMs && (!cp || cp.work <= this.work + this.checkpoints.spacingNow)) {
      return 'here';
    }
    return cp ?? 'zero';
  }

  /** The moment a run to `tMs` starts from (for a jump's progress). */
  startMsFor(tMs: number): number {
    const start = this.startFor(tMs);
    return start === 'here' ? this.nowMs : start === 'zero' ? 0 : start.atMs;
  }

  /** Runs both lanes to `tMs`, from the nearest checkpoint when that is quicker (always when
   * `tMs` is in the past). Stops early (returning where it got to) once `deadlineWallMs` has
   * passed, if a deadline and a clock are given. Takes checkpoints on the way. */
  runTo(tMs: number, deadlineWallMs = Infinity, wallNow: () => number = () => 0): number {
    // The warm-up gets a frame of its own rather than lengthening the checkpoint's; a run that
    // plays leaves it for when it stops (idleWork).
    if (this.warmUpFrom && !this.playing) this.warmUp(this.warmUpFrom);
    const start = this.startFor(tMs);
    if (start === 'zero') this.lanes = this.build();
    else if (start !== 'here') this.lanes = this.restore(start);
    this.views = {};
    const timed = Number.isFinite(deadlineWallMs);
    // Restoring a busy run's checkpoint is work of its own (a backlog of 90,000 messages is
    // copied); past the deadline, the replay waits for the next slice.
    if (timed && start !== 'here' && wallNow() > deadlineWallMs) return this.nowMs;
    do {
      const before = timed ? wallNow() : 0;
      const next = Math.min(tMs, this.nowMs + (timed ? this.stepMs : SLICE_MS));
      // The async lane first: when the engine stops it (a stuck retry, leases running out), the
      // sync lane goes only to that moment, so both lanes and the clock halt where the stage says
      // the run stopped. (A sync lane stopping leaves the async one at most this step ahead.)
      this.lanes.async.runUntil(next);
      const stop = this.lanes.async.sim.stopped;
      this.lanes.sync.runUntil(stop ? Math.min(next, Math.max(stop.atMs, this.nowMs)) : next);
      // One reading of the clock serves the step's length and the checkpoint's start.
      const after = timed ? wallNow() : 0;
      if (timed) this.adaptStep(after - before);
      if (this.checkpointDue(after)) {
        this.checkpoint();
        this.checkpointWallMs = (timed ? wallNow() : 0) - after;
        this.checkpointAtWallMs = after;
      }
      // A stopped lane goes no further: spinning on it would only burn the frame.
      if (this.stopped()) break;
    } while (this.nowMs < tMs && wallNow() <= deadlineWallMs);
    return this.nowMs;
  }

  /** Is a checkpoint due (by work), cheap enough to copy in one go (CHECKPOINT_LIMITS.held), and
   * long enough after the last one that copying stays a small share of the time? While a run
   * plays, only one of lanes holding few orders is taken (PLAYING_HELD): in a spike the first
   * one, of lanes holding 2,800, took 150 to 330 ms under load (its analysis' copy the most), a
   * frame many vsyncs late; a run that pauses takes the one it missed then (idleWork). */
  private checkpointDue(wallMs: number): boolean {
    if (!this.checkpoints.due(this.work)) return false;
    const held = this.lanes.sync.sim.held + this.lanes.async.sim.held;
    if (held > CHECKPOINT_LIMITS.held) return false;
    if (this.playing && held > PLAYING_HELD) return false;
    return (wallMs - this.checkpointAtWallMs) * CHECKPOINT_SHARE >= this.checkpointWallMs;
  }

  /** Keeps a checkpoint of both lanes now. */
  checkpoint(): void {
    const applied = this.userChanges.slice(0, this.lanes.sync.changesApplied);
    const lanes = { sync: this.lanes.sync.checkpoint(), async: this.lanes.async.checkpoint() };
    const bytes = approxBytes(lanes);
    const cp = { atMs: this.nowMs, work: this.work, lanes, applied, bytes };
    this.checkpoints.add(cp);
    if (!warmedUp) this.warmUpFrom = cp;
  }

  /** What a playing run left for when it stops (it has paused): the warm-up, and a checkpoint
   * that was due but put off. `wallNow` times the checkpoint, as runTo does. */
  idleWork(wallNow: () => number = () => 0): void {
    if (this.warmUpFrom) this.warmUp(this.warmUpFrom);
    const before = wallNow();
    if (!this.checkpointDue(before)) return;
    this.checkpoint();
    this.checkpointWallMs = wallNow() - before;
    this.checkpointAtWallMs = before;
  }

  /** Restores a checkpoint into throwaway lanes and runs them on a little, once per page. The code
   * that restores and resumes a lane (the engine's restore, the analysis classes' copies, a
   * restored collector reading the log) first runs in the user's first seek, unoptimised: about
   * 100 ms where later seeks of a busy run take 20 to 40 (`npm run bench:seek`). Paying that
   * once, here, over a short run (a dropped frame) leaves the code ready before the first seek. */
  private warmUp(cp: PairCheckpoint): void {
    warmedUp = true;
    this.warmUpFrom = null;
    const applied = cp.applied.length;
    for (const mode of MODES) {
      const lane = new Lane(mode, this.recipe, this.scripted, {
        checkpoint: cp.lanes[mode],
        applied,
      });
      const from = lane.logged;
      for (let t = cp.atMs; t < cp.atMs + WARM_UP_MS && lane.logged - from < WARM_UP_ENTRIES;) {
        t = Math.min(cp.atMs + WARM_UP_MS, t + 100);
        lane.runUntil(t);
      }
    }
  }

  private adaptStep(tookMs: number): void {
    if (tookMs > STEP_WALL_MS) this.stepMs = Math.max(1, this.stepMs / 2);
    else if (tookMs < STEP_WALL_MS / 4) this.stepMs = Math.min(SLICE_MS, this.stepMs * 2);
  }

  /** The time of the next event that changes something in the given lanes, or Infinity. */
  nextEventMs(modes: readonly Mode[]): number {
    let t = Infinity;
    for (const mode of modes) t = Math.min(t, this.lanes[mode].sim.peek());
    return t;
  }

  /** Did any of the lanes log something at exactly the current moment? */
  loggedNow(): boolean {
    return MODES.some((mode) => this.lanes[mode].lastLoggedMs === this.nowMs);
  }

  /** Applies a change in both lanes now and adds it to the recipe that later rebuilds replay
   * (the user's changes after now go: a change in the past rewrites the future); returns the
   * first error sentence, if any. */
  change(key: ChangeKey, value: SettingValue): string | undefined {
    this.views = {};
    const atMs = this.nowMs;
    for (const mode of MODES) {
      const problem = this.lanes[mode].change(key, value);
      if (problem) return problem;
    }
    const kept = this.recipe.changes.filter((c, i) => i < this.scripted || c.atMs <= atMs);
    this.recipe = { ...this.recipe, changes: [...kept, { atMs, key, value }] };
    this.checkpoints.keepFitting(this.userChanges);
    return undefined;
  }

  /** What the lanes replay when rebuilt: the run's whole input. */
  get currentRecipe(): RunRecipe {
    return this.recipe;
  }

  /** The changes a rebuild replays. */
  get changes(): RunRecipe['changes'] {
    return this.recipe.changes;
  }

  settled(): boolean {
    return MODES.every((mode) => this.lanes[mode].sim.settled);
  }

  private stopSeen: { from: Stop; value: LaneStop } | null = null;

  /** Why the engine stopped a lane's run (a budget: budget.ts), with the lane; null while both
   * run. The same object while the stop is the same, so the store's subscribers sleep. */
  stopped(): LaneStop | null {
    for (const mode of MODES) {
      const stop = this.lanes[mode].sim.stopped;
      if (!stop) continue;
      if (this.stopSeen?.from !== stop) this.stopSeen = { from: stop, value: { ...stop, mode } };
      return this.stopSeen.value;
    }
    return null;
  }

  /** The latest moment at which either lane logged anything. */
  lastLoggedMs(): number {
    return Math.max(this.lanes.sync.lastLoggedMs, this.lanes.async.lastLoggedMs);
  }

  /** Where everything is now, computed once per moment and shared by the diagram and the store;
   * its lists hold what the diagram can draw (PAGE_VIEW_LIMIT), its totals count everything. */
  view(mode: Mode): SystemView {
    let v = this.views[mode];
    if (!v) {
      v = this.lanes[mode].sim.view(PAGE_VIEW_LIMIT);
      this.views[mode] = v;
    }
    return v;
  }
}
