/** What the Design section says about a flow before it runs: how long each lane's page takes to
 * answer with the steps where they are, and which steps the customer needs but the page no longer
 * waits for. Pure, so a test can hold the numbers to the engine's. */
import { meanMs, type Distribution, type Flow, type FlowStep } from '../../engine/index.ts';
import type { MessageId } from '../../i18n/runtime.ts';

export interface AnswerTimes {
  /** The async lane: the request steps, then queueing the jobs if any step is in the background. */
  asyncMs: number;
  /** The sync lane runs every step in the request, wherever the design puts it. */
  syncMs: number;
}

/** Mean answer times, without waiting for a free handler: what the design costs when the server
 * is idle, as the seed's 1.05 s and 2.55 s are. */
export function answerTimes(flow: Flow, enqueue: Distribution): AnswerTimes {
  let requestMs = 0;
  let allMs = 0;
  let queued = false;
  for (const step of flow.steps) {
    const ms = meanMs(step.latency);
    allMs += ms;
    if (step.where === 'request') requestMs += ms;
    else queued = true;
  }
  return { asyncMs: requestMs + (queued ? meanMs(enqueue) : 0), syncMs: allMs };
}

/** A step the page would say "confirmed" before knowing the outcome of. */
export function answersTooSoon(step: FlowStep): boolean {
  return step.needsResult && step.where === 'background';
}

/** Why a step the customer needs should not be moved: the seed's reason for the charge, in
 * general words for any other step. Not what happens then: the Design it lesson asks that. */
export function tooSoonWarning(step: FlowStep): MessageId {
  return step.id === 'charge' ? 'design.tooSoonCharge' : 'design.tooSoon';
}
