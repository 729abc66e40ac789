import { describe, expect, it } from 'vitest';
import { Collector } from '../../src/analysis/collector.ts';
import { buildTrace, orderTrace, type OrderTrace } from '../../src/analysis/trace.ts';
import { Simulation, type LogEntry } from '../../src/engine/index.ts';
import { scenarioRecipe } from '../../src/scenarios/index.ts';
import { SCENARIOS } from '../../src/scenarios/all.ts';
import { everyKindRuns, run } from './runs.ts';

function traceOf(entries: readonly LogEntry[], order: number): OrderTrace {
  const c = new Collector();
  c.ingest(entries, Infinity);
  const trace = orderTrace(c, order);
  if (!trace) throw new Error(`order ${order} is not kept`);
  return trace;
}

/** Rows as [kind, start, end] for compact comparisons. */
function spans(trace: OrderTrace) {
  return trace.rows.map((r) => [r.kind, r.startMs, r.endMs]);
}

describe('the waterfall of the lesson’s single order', () => {
  it('in sync mode runs the four steps back to back and shows the page at 2.55 s', () => {
    const trace = traceOf(run('sync').entries, 1);
    expect(spans(trace)).toEqual([
      ['validate', 0, 200],
      ['charge', 200, 1000],
      ['save', 1000, 1050],
      ['email', 1050, 2550],
      ['emailDelivered', 2550, 2550],
      ['page', 2550, 2550],
    ]);
    expect(trace.page).toEqual({ page: 'success', atMs: 2550, responseMs: 2550 });
    expect(trace.summary).toBe(
      'Order 1, placed at 0.00 s, success page after 2.55 s, email sent 2.55 s after the order.',
    );
  });

  it('in async mode shows the page at 1.05 s and the email still at 2.55 s', () => {
    const trace = traceOf(run('async').entries, 1);
    expect(spans(trace)).toEqual([
      ['validate', 0, 200],
      ['charge', 200, 1000],
      ['save', 1000, 1050],
      ['enqueue', 1050, 1050],
      ['queueWait', 1050, 1050],
      ['emailAttempt', 1050, 2550],
      ['page', 1050, 1050],
      ['emailDelivered', 2550, 2550],
    ]);
    expect(trace.page?.responseMs).toBe(1050);
    expect(trace.emailAtMs).toBe(2550);
    expect(trace.rows.every((r) => r.status === 'ok')).toBe(true);
  });
});

describe('the waterfall of an order in trouble', () => {
  const [, , syncOutage, asyncTrouble, shortLease] = everyKindRuns();

  it('shows a sync email failing and the error page although the card was charged', () => {
    const trace = traceOf(syncOutage!.entries, 1);
    const email = trace.rows.find((r) => r.kind === 'email')!;
    expect(email).toMatchObject({ startMs: 1050, endMs: 2550, status: 'failed' });
    expect(email.label).toMatch(/failed/);
    expect(trace.page).toMatchObject({ page: 'error', atMs: 2550 });
    expect(trace.charged).toBe(true);
    expect(trace.summary).toMatch(/error page after 2.55 s.*the card was charged/);
  });

  it('shows a customer who waited in line, gave up, and a server that finished later', () => {
    const trace = traceOf(syncOutage!.entries, 2);
    expect(trace.rows[0]).toMatchObject({ kind: 'handlerWait', startMs: 0, endMs: 2550 });
    expect(trace.rows.find((r) => r.kind === 'page')).toMatchObject({
      startMs: 4000,
      status: 'failed',
      label: 'Error page shown (the customer gave up)',
    });
    expect(trace.rows.at(-1)?.kind).toBe('serverLate');
  });

  it('shows a failed attempt, the backoff, and the next delivery', () => {
    const trace = traceOf(asyncTrouble!.entries, 4);
    const bars = trace.rows.filter((r) => !r.instant).map((r) => `${r.kind}:${r.status}`);
    const failed = bars.indexOf('emailAttempt:failed');
    expect(bars.slice(failed + 1, failed + 3)).toEqual(['backoff:info', 'queueWait:ok']);
    expect(bars[failed + 3]).toMatch(/^emailAttempt:/);
    const backoff = trace.rows.find((r) => r.kind === 'backoff')!;
    expect(backoff.endMs! - backoff.startMs).toBe(1000);
    expect(backoff.label).toBe('Back off until 5.15 s');
  });

  it('shows a crash mid-send as a crashed attempt and a crash mark', () => {
    const withCrash = [
      ...new Set(
        asyncTrouble!.entries.flatMap((e) =>
          e.kind === 'workerCrashed' && !e.afterSend ? [e.order] : [],
        ),
      ),
    ];
    const trace = traceOf(asyncTrouble!.entries, withCrash[0]!);
    const crashed = trace.rows.find((r) => r.status === 'crashed');
    expect(crashed?.kind).toBe('emailAttempt');
    expect(crashed?.label).toMatch(/worker crashed$/);
    expect(trace.rows).toContainEqual(
      expect.objectContaining({ kind: 'crash', instant: true, startMs: crashed?.endMs }),
    );
  });

  it('shows a duplicate email when a lease runs out during a slow call', () => {
    const trace = traceOf(shortLease!.entries, 1);
    const statuses = trace.rows.filter((r) => r.kind === 'emailAttempt').map((r) => r.status);
    expect(statuses.slice(0, 2)).toEqual(['ok', 'duplicate']);
    expect(trace.rows.some((r) => r.kind === 'lateAck')).toBe(true);
  });

  it('still draws an order whose first entries were lost', () => {
    const entries = run('sync').entries.slice(3);
    const trace = buildTrace(1, entries);
    expect(trace.complete).toBe(false);
    expect(trace.placedAtMs).toBe(entries[0]!.t);
    expect(trace.summary).not.toMatch(/NaN|undefined/);
  });
});

describe('the timeline of a login (the password lesson’s flow)', () => {
  const lesson = SCENARIOS.find((s) => s.id === 'password-check')!;
  const recipe = scenarioRecipe(lesson);
  const traceIn = (mode: 'sync' | 'async') => {
    const sim = Simulation.fromRecipe(recipe, mode, { logCapacity: 100_000 });
    sim.runToSettle(60_000);
    const c = new Collector();
    c.ingest(sim.readLog(0).entries, Infinity);
    return orderTrace(c, 1, recipe.flow)!;
  };

  it('names its own steps and says nothing of emails', () => {
    const trace = traceIn('sync');
    expect(trace.rows.map((r) => r.label)).toEqual([
      'Read the form',
      'Look up the account',
      'Check the password',
      'Success page shown',
    ]);
    expect(trace.summary).not.toMatch(/email/);
  });

  it('in async names the job by its step once it is done, not as an email attempt', () => {
    const trace = traceIn('async');
    const labels = trace.rows.map((r) => r.label);
    expect(labels).toContain('Put the job on the queue');
    const job = trace.rows.find((r) => r.kind === 'emailAttempt')!;
    expect(job.label).toBe('Check the password: attempt 1 · worker 0 — done');
    expect(job.status).toBe('ok');
    expect(job.endMs! - job.startMs).toBeGreaterThanOrEqual(30);
    expect(job.endMs! - job.startMs).toBeLessThanOrEqual(50);
    expect(labels.join(' ')).not.toMatch(/email/i);
    expect(trace.summary).not.toMatch(/email/);
  });
});
