/** The flow compiled for a run: which steps a handler runs in each mode and which become jobs,
 * each with its role and random streams, and one attempt at a step (its latency and whether it
 * works), the hot path of every request and job. */
import { sample } from './distributions.ts';
import { ENQUEUE_STEP_ID, ROLE, roleOf, type Flow, type FlowStep, type StepRole } from './flow.ts';
import type { OutageWindow } from './config.ts';
import { uniform, type RngState, type Streams } from './rng.ts';
import type { Mode } from './settings.ts';
import { emailDown, type ServerState, type SimState } from './state.ts';

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
): Pick<ServerState, 'steps' | 'runs' | 'jobs'> {
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

/** One attempt at a flow step (in the request or a worker's job), decided when it starts:
 * returns how long it takes and sets `s.email.ok` to whether it works (no object per call: this
 * runs for every step of every order). A failed attempt takes as long as a good one (the caller
 * learns the outcome at the end). The step `email` is the email service: while it is down every
 * call fails, and so does every call for a poison order; it draws its failure roll every time, so
 * its streams stay aligned whatever the failure rate. Other steps draw one only when they can fail. */
export function callStep(s: SimState, run: RunStep, orderId: number): number {
  const step = run.step!;
  const latencyMs = sample(step.latency, run.stream);
  if (run.role === ROLE.email) {
    const roll = uniform(run.failStream);
    const poison = s.config.email.poisonEvery;
    s.email.ok =
      !emailDown(s) && roll >= step.failureRate && (poison === 0 || orderId % poison !== 0);
  } else {
    s.email.ok =
      (step.failureRate === 0 || uniform(run.failStream) >= step.failureRate) &&
      (step.outages.length === 0 || !inWindow(step.outages, s.now));
  }
  return latencyMs;
}

function inWindow(windows: readonly OutageWindow[], t: number): boolean {
  for (const w of windows) if (w.fromMs <= t && t < w.toMs) return true;
  return false;
}

/** The async lane's enqueue step: its latency (it cannot fail). */
export function enqueueLatency(s: SimState, run: RunStep): number {
  return sample(s.config.latency.enqueue, run.stream);
}
