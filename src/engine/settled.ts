/** Whether a run has settled: no order can still arrive, no scripted change or user retry is to
 * come, no request or email job is unfinished (one in the outbox included), and no redrive is
 * waiting for dead letters. */
import { queuedCount } from './queue/index.ts';
import type { SimState } from './state.ts';
import { arrivalsPending } from './traffic.ts';

export function isSettled(s: SimState): boolean {
  return (
    s.server.openOrders === 0 &&
    s.liveNext === s.live.length &&
    s.metrics.busyWorkers.value === 0 &&
    s.inflight === 0 &&
    s.queue.delayed === 0 &&
    s.outbox.rows.length === 0 &&
    queuedCount(s) === 0 &&
    s.kafka.uncommitted === 0 &&
    s.server.retriesPending === 0 &&
    s.changesPending === 0 &&
    (s.queue.redriveAt === Infinity || s.dlq.length === 0) &&
    !arrivalsPending(s)
  );
}
