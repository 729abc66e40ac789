/** The two lanes, sync and async, fed the same recipe and always run to the same moment, so the
 * Compare mode is fair; with the slicing and time budget that keep a frame within its deadline. */
import {
  viewOf,
  type ChangeKey,
  type Mode,
  type SettingValue,
  type SystemView,
} from '../engine/index.ts';
import { Lane, type RunRecipe } from './lane.ts';

export const MODES: readonly Mode[] = ['sync', 'async'];

/** Simulated ms run between two reads of the log and two looks at the clock. */
const SLICE_MS = 250;
/** Under a deadline, a step of simulated time that takes longer than this much wall time is
 * halved for the next one (a heavy run: 250 ms of 10,000 orders a second took 250 ms), and one
 * much quicker is doubled back, so the clock is looked at often enough to keep the deadline. */
const STEP_WALL_MS = 8;

export class LanePair {
  lanes: Record<Mode, Lane>;
  /** Bumped whenever the lanes are rebuilt, so readers of lane objects fetch them anew. */
  generation = 0;
  private views: Partial<Record<Mode, SystemView>> = {};
  /** Simulated ms per step under a deadline, adapted to how heavy the run is. */
  private stepMs = SLICE_MS;

  constructor(private recipe: RunRecipe) {
    this.lanes = this.build();
  }

  get nowMs(): number {
    return this.lanes.sync.nowMs;
  }

  private build(): Record<Mode, Lane> {
    this.generation++;
    this.views = {};
    return {
      sync: new Lane('sync', this.recipe),
      async: new Lane('async', this.recipe),
    };
  }

  /** Starts both lanes afresh from a recipe (time 0). */
  rebuild(recipe: RunRecipe): void {
    this.recipe = recipe;
    this.lanes = this.build();
  }

  /** Runs both lanes to `tMs`, rebuilding first when that is in the past. Stops early (returning
   * where it got to) once `deadlineWallMs` has passed, if a deadline and a clock are given. */
  runTo(tMs: number, deadlineWallMs = Infinity, wallNow: () => number = () => 0): number {
    if (tMs < this.nowMs) this.lanes = this.build();
    this.views = {};
    const timed = Number.isFinite(deadlineWallMs);
    do {
      const before = timed ? wallNow() : 0;
      const next = Math.min(tMs, this.nowMs + (timed ? this.stepMs : SLICE_MS));
      for (const mode of MODES) this.lanes[mode].runUntil(next);
      if (timed) this.adaptStep(wallNow() - before);
    } while (this.nowMs < tMs && wallNow() <= deadlineWallMs);
    return this.nowMs;
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

  /** Applies a change in both lanes now and adds it to the recipe that later rebuilds replay;
   * returns the first error sentence, if any. */
  change(key: ChangeKey, value: SettingValue): string | undefined {
    this.views = {};
    const atMs = this.nowMs;
    for (const mode of MODES) {
      const problem = this.lanes[mode].change(key, value);
      if (problem) return problem;
    }
    this.recipe = { ...this.recipe, changes: [...this.recipe.changes, { atMs, key, value }] };
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

  /** The latest moment at which either lane logged anything. */
  lastLoggedMs(): number {
    return Math.max(this.lanes.sync.lastLoggedMs, this.lanes.async.lastLoggedMs);
  }

  /** Where everything is now, computed once per moment and shared by the diagram and the store. */
  view(mode: Mode): SystemView {
    let v = this.views[mode];
    if (!v) {
      v = viewOf(this.lanes[mode].sim.state);
      this.views[mode] = v;
    }
    return v;
  }
}
