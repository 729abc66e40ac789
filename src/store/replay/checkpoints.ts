/** The lanes' checkpoints, taken as a run goes, so that a seek restores the nearest one at or
 * before its target and replays only from there. Spaced by work (log entries written, which is
 * what a replay costs) rather than by simulated time, and thinned one at a time: past `cap`
 * checkpoints or `maxBytes`, the one whose going leaves the shortest gap goes and the spacing
 * grows to the shelf's mean gap, so memory stays bounded however long the run, the shelf stays
 * full, and the checkpoints stay evenly spread over it (the longest gap within about twice the
 * mean; halving every other one kept between half and all of what the cap allows). */
import { CHECKPOINT_LIMITS, type Mode, type TimedChange } from '../../engine/index.ts';
import type { LaneCheckpoint } from '../lanes/lane.ts';

export interface PairCheckpoint {
  atMs: number;
  /** Log entries both lanes had written by then: where the checkpoint sits in replay work. */
  work: number;
  lanes: Readonly<Record<Mode, LaneCheckpoint>>;
  /** The user's changes applied by then, in order. */
  applied: readonly TimedChange[];
  /** About how much memory it holds (approxBytes). */
  bytes: number;
}

/** Checkpoints kept at most, and the memory they may hold together. A lesson's run has tiny ones,
 * so the count binds; a busy one (50 orders/s with its backlog kept up: about 2 MB each, most of
 * it the lanes' recent orders' log entries and the engine's state) meets the memory cap first,
 * and a run whose backlog grows has ever larger ones: then fewer are kept, further apart. */
export const CHECKPOINTS_KEPT = CHECKPOINT_LIMITS.kept;
export const CHECKPOINT_BYTES = CHECKPOINT_LIMITS.bytes;
/** Work between two checkpoints at first: a few ms of replay. */
export const FIRST_SPACING = 20_000;

function sameChange(a: TimedChange, b: TimedChange): boolean {
  return a.atMs === b.atMs && a.key === b.key && a.value === b.value;
}

/** Can a run of these user changes pass through the checkpoint? It must have applied exactly the
 * changes made up to its moment, and none of the rest may come before it. */
export function fits(cp: PairCheckpoint, changes: readonly TimedChange[]): boolean {
  const n = cp.applied.length;
  if (changes.length < n) return false;
  for (let i = 0; i < n; i++) if (!sameChange(cp.applied[i]!, changes[i]!)) return false;
  const next = changes[n];
  return next === undefined || next.atMs >= cp.atMs;
}

export class Checkpoints {
  private kept: PairCheckpoint[] = [];
  private spacing: number;

  constructor(
    readonly cap = CHECKPOINTS_KEPT,
    readonly firstSpacing = FIRST_SPACING,
    readonly maxBytes = CHECKPOINT_BYTES,
  ) {
    this.spacing = firstSpacing;
  }

  get all(): readonly PairCheckpoint[] {
    return this.kept;
  }

  /** About how much memory the checkpoints hold together. */
  get bytes(): number {
    let sum = 0;
    for (const cp of this.kept) sum += cp.bytes;
    return sum;
  }

  /** Work between two checkpoints now (it grows as the shelf is thinned). */
  get spacingNow(): number {
    return this.spacing;
  }

  /** Is a checkpoint due at this much work? */
  due(work: number): boolean {
    const last = this.kept[this.kept.length - 1];
    return work >= (last ? last.work : 0) + this.spacing;
  }

  /** Keeps a checkpoint, in work order, thinning the shelf when it is full. */
  add(cp: PairCheckpoint): void {
    const at = this.kept.findIndex((k) => k.work >= cp.work);
    if (at < 0) this.kept.push(cp);
    else if (this.kept[at]!.work === cp.work) this.kept[at] = cp;
    else this.kept.splice(at, 0, cp);
    let thinned = false;
    while (this.kept.length > this.cap || (this.kept.length > 1 && this.bytes > this.maxBytes)) {
      this.kept.splice(this.leastNeeded(), 1);
      thinned = true;
    }
    const last = this.kept[this.kept.length - 1];
    if (thinned && last) this.spacing = Math.max(this.spacing, last.work / this.kept.length);
  }

  /** The checkpoint whose going leaves the shortest gap (0 s, where a replay can always start,
   * counts as one); never the newest, which the run goes on from. */
  private leastNeeded(): number {
    let best = 0;
    let bestGap = Infinity;
    for (let i = 0; i + 1 < this.kept.length; i++) {
      const gap = this.kept[i + 1]!.work - (i > 0 ? this.kept[i - 1]!.work : 0);
      if (gap < bestGap) {
        best = i;
        bestGap = gap;
      }
    }
    return best;
  }

  /** The latest checkpoint at or before `tMs` that a run of these changes passes through. */
  latestFor(tMs: number, changes: readonly TimedChange[]): PairCheckpoint | undefined {
    for (let i = this.kept.length - 1; i >= 0; i--) {
      const cp = this.kept[i]!;
      if (cp.atMs <= tMs && fits(cp, changes)) return cp;
    }
    return undefined;
  }

  /** Forgets the checkpoints a run of these changes no longer passes through. */
  keepFitting(changes: readonly TimedChange[]): void {
    this.kept = this.kept.filter((cp) => fits(cp, changes));
    // Spacing stays: the kept ones are still evenly spread, only the later ones went.
  }

  clear(): void {
    this.kept = [];
    this.spacing = this.firstSpacing;
  }
}
