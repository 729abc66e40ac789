/** The flow compiled for a run: which steps a handler runs in each mode and which become jobs,
 * each with its role and random streams (one attempt at a step is in attempt.ts). */
import { ENQUEUE_STEP_ID, ROLE, roleOf, type Flow, type FlowStep, type StepRole } from './flow.ts';
import type { RngState, Streams } from './rng.ts';
import type { Mode } from './settings.ts';

/** One step as a run runs it, made from the flow once for the mode: what it does (`role`) and
 * its random streams, so the hot path reads an array slot and switches on a number. */
export interface RunStep {
  id: string;
  /** Index into config.flow.steps; -1 for the async lane's enqueue step. */
  flow: number;
  /** That flow step itself (settings change its fields in place, never the object); null for
   * the enqueue step, whose latency is config.latency.enqueue. */
  step: FlowStep | null;
  role: StepRole;
  /** Draws its latency. */
  stream: RngState;
  /** Draws whether an attempt fails (the email step: 'emailFailure', as it always did). */
  failStream: RngState;
}

/** What a handler does, in order, for the default flow: sync sends the email itself; async only
 * queues a job for it. */
export const CHECKOUT_STEPS: Record<Mode, readonly string[]> = {
  sync: ['validate', 'charge', 'save', 'email'],
  async: ['validate', 'charge', 'save', ENQUEUE_STEP_ID],
};

/** The streams a flow step draws from. The checkout's steps keep the names they always had (so
 * its runs stay the same, draw for draw); other steps get their own. */
function streamNames(id: string): [latency: string, failure: string] {
  if (id === 'email') return ['email', 'emailFailure'];
  const own = id === 'validate' || id === 'charge' || id === 'save';
  return own ? [id, `${id}Failure`] : [`step.${id}`, `step.${id}.failure`];
}

export function flowStreams(flow: Flow): string[] {
  return flow.steps.flatMap((step) => streamNames(step.id));
}

/** The flow compiled for a mode: every step in the request in sync; the request's steps, then one
 * enqueue step if any step runs in the background, in async. */
export function runStepsOf(
  flow: Flow,
  mode: Mode,
  streams: Streams,
): { steps: RunStep[]; runs: RunStep[]; jobs: RunStep[] } {
  const runs: RunStep[] = flow.steps.map((step, i) => {
    const [latency, failure] = streamNames(step.id);
    return {
      id: step.id,
      flow: i,
      step,
      role: roleOf(step.id),
      stream: streams[latency]!,
      failStream: streams[failure]!,
    };
  });
  if (mode === 'sync') return { steps: runs, runs, jobs: [] };
  const jobs = runs.filter((r) => flow.steps[r.flow]!.where === 'background');
  const steps = runs.filter((r) => flow.steps[r.flow]!.where === 'request');
  if (jobs.length > 0) {
    const enqueue = streams.enqueue;
    steps.push({
      id: ENQUEUE_STEP_ID,
      flow: -1,
      step: null,
      role: ROLE.enqueue,
      stream: enqueue,
      failStream: enqueue,
    });
  }
  return { steps, runs, jobs };
}
