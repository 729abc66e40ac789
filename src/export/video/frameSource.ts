/** The video's frames' source: the run replayed from its recipe in lanes of its own (the store's
 * Lane, as a seek builds them), run forward to each frame's moment, so the live page's lanes and
 * store are never touched and the same recipe gives the same frames every time. */
import { PAGE_VIEW_LIMIT, type Mode, type Report, type SystemView } from '../../engine/index.ts';
import type { Flight } from '../../store/lanes/flights.ts';
import { Lane } from '../../store/lanes/lane.ts';
import type { RunState } from '../runOf.ts';

/** What a frame draws of one lane at its moment. */
export interface LaneFrame {
  mode: Mode;
  nowMs: number;
  view: SystemView;
  flights: readonly Flight[];
  dlqOrders: readonly number[];
  report: Report;
}

export class VideoLanes {
  private readonly lanes: Lane[];
  private readonly label: string;

  constructor(run: RunState, modes: readonly Mode[]) {
    const recipe = {
      settings: run.base,
      seed: run.seed,
      durationMs: run.durationMs,
      changes: [...run.script, ...run.changes],
      ...(run.flow ? { flow: run.flow } : {}),
    };
    // The script is scheduled in the engine, the user's changes applied as the live run applied
    // them: the lanes are the live run's, event for event.
    this.lanes = modes.map((mode) => new Lane(mode, recipe, run.script.length));
    this.label = run.scenarioId ?? 'live';
  }

  /** Both lanes at `simMs`, which must not be before the last moment asked for. A run the engine
   * stopped (a budget ran out) stays at its last moment. */
  at(simMs: number): LaneFrame[] {
    return this.lanes.map((lane) => {
      if (!lane.sim.stopped && lane.nowMs < simMs) lane.runUntil(simMs);
      return {
        mode: lane.mode,
        nowMs: Math.min(lane.nowMs, simMs),
        view: lane.sim.view(PAGE_VIEW_LIMIT),
        flights: lane.flights,
        dlqOrders: lane.dlqOrders,
        report: lane.sim.report(this.label),
      };
    });
  }
}
