/** The dual write and its fix, in the async lane: a web server that dies after saving an order and
 * before queueing its email job (`server.crashRate`), and the transactional outbox
 * (`queue.outbox`) that writes the job with the order and has a relay move it to the queue.
 *
 * Model decisions (docs/architecture.md, "The dual write and the outbox"):
 * - The crash comes at the moment the save commits, so nothing of the request after it happens;
 *   the user sees an error page ('server crashed', as a load balancer's 502), the handler is free
 *   at once (the process restarted, or another instance took its place), and other requests go on.
 * - With the outbox the job is a row in the order's own transaction: the save takes no longer, and
 *   the request no longer talks to the broker (its enqueue step is skipped).
 * - The relay is a polling publisher on a fixed grid (0, poll, 2 * poll, ...), scheduled only
 *   while rows wait. Each poll moves every waiting row, in order, in one batch that takes no time;
 *   a real relay caps its batch and takes a broker round trip. The relay never crashes here: a real
 *   one that dies after publishing and before deleting its rows publishes them again (it is
 *   at-least-once), which the model leaves out. */
import { EV } from './events.ts';
import { enqueueJobs } from './queue/index.ts';
import { uniform } from './rng.ts';
import { log } from './log.ts';
import { schedule } from './schedule.ts';
import type { Order, SimState } from './state.ts';
import { roundUs } from './time.ts';

/** What the request does after its save: go on to queue the job, skip that step because the job
 * is in the outbox already, or nothing more, because the server died. */
export type AfterSave = 'enqueue' | 'outboxed' | 'crashed';

/** The async save has committed: the outbox row goes with it, then the server may die. While the
 * rate is above 0 a roll is drawn for every save, so that one seed's crashes stay with the same
 * orders at any rate (a crash at 0.1 is one at 0.2 too); at 0, the default, nothing is drawn. */
export function afterSave(s: SimState, order: Order): AfterSave {
  // A flow with no background step queues nothing: no second write, nothing to lose.
  if (s.server.jobs.length === 0) return 'enqueue';
  const outboxed = s.config.queue.outbox;
  if (outboxed) writeOutboxRow(s, order);
  const rate = s.config.server.crashRate;
  if (rate === 0 || uniform(s.streams.serverCrash) >= rate) {
    return outboxed ? 'outboxed' : 'enqueue';
  }
  s.metrics.serverCrashes++;
  if (!outboxed) s.metrics.savedNeverEnqueued++;
  if (s.log) log(s.log, { t: s.now, kind: 'serverCrashed', order: order.id, jobSaved: outboxed });
  return 'crashed';
}

function writeOutboxRow(s: SimState, order: Order): void {
  s.outbox.rows.push(order);
  if (s.outbox.pollAt === Infinity) schedulePoll(s);
}

/** The relay's next poll on its grid, strictly after now. */
function schedulePoll(s: SimState): void {
  const pollMs = s.config.queue.outboxPollMs;
  let at = roundUs((Math.floor(s.now / pollMs) + 1) * pollMs);
  if (at <= s.now) at = roundUs(at + pollMs);
  s.outbox.pollAt = at;
  schedule(s, EV.outboxPoll, at, null);
}

/** The relay's poll: every row waiting goes to the queue (an order's row holds a job for each of
 * its flow's background steps), oldest first, and the relay sleeps until
 * a row is written again. Rows are read even if `queue.outbox` was switched off meanwhile: they are
 * in the table. */
export function onOutboxPoll(s: SimState): void {
  s.outbox.pollAt = Infinity;
  const rows = s.outbox.rows;
  if (rows.length === 0) return;
  s.outbox.rows = [];
  if (s.log) log(s.log, { t: s.now, kind: 'outboxRelayed', rows: rows.length });
  for (const order of rows) enqueueJobs(s, order);
}
