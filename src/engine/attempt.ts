/** One attempt at a flow step, in the request or in a worker's job: its latency and whether it
 * works, the hot path of every request and job. */
import { sample } from './distributions.ts';
import { ROLE } from './flow.ts';
import type { OutageWindow } from './outages.ts';
import { uniform } from './rng.ts';
import type { SimState } from './state.ts';
import type { RunStep } from './steps.ts';

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

/** The email service is down: switched off by a setting, or in one of its outage windows. */
export function emailDown(s: SimState): boolean {
  return s.config.email.down || s.email.inOutage;
}
