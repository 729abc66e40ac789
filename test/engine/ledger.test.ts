/** The ledger per order: every saved order's customer has had an email (`orders.emailed`) or
 * not (`orders.notEmailed`), whatever happened to the messages that carried it; dead letters are
 * a running total, and the dead-letter queue's depth says what is there now. */
import { describe, expect, it } from 'vitest';
import { buildConfig, report, Simulation, type SettingValue } from '../../src/engine/index.ts';

/** One order, run until it settles; `redriveAtMs` moves the dead letters back then. */
function settled(
  settings: Record<string, SettingValue>,
  mode: 'sync' | 'async' = 'async',
  redriveAtMs?: number,
) {
  const sim = new Simulation({
    config: buildConfig(settings),
    mode,
    seed: 1,
    durationMs: 0,
    changes:
      redriveAtMs === undefined ? [] : [{ atMs: redriveAtMs, key: 'queue.redrive', value: true }],
  });
  sim.runToSettle(600_000);
  return report(sim.state, 'ledger');
}

describe('when the lease runs out during the last allowed receive', () => {
  // The 1.5 s call outlives the 1 s visibility timeout: SQS dead-letters the message at 2.05 s,
  // and the email still goes out at 2.55 s under the stale receipt.
  const r = settled({ 'queue.visibilityTimeout': 1000, 'queue.maxReceives': 1 });

  it('counts the message as dead-lettered and the customer as emailed, once each', () => {
    expect(r.emails).toMatchObject({ sent: 1, duplicates: 0, deadLettered: 1 });
    expect(r.orders).toMatchObject({ saved: 1, emailed: 1, notEmailed: 0 });
    expect(r.queue.deadLetterDepth).toBe(1);
  });

  it('after a redrive, sends it again and dead-letters it again: two in the total, one left', () => {
    const again = settled(
      { 'queue.visibilityTimeout': 1000, 'queue.maxReceives': 1 },
      'async',
      20_000,
    );
    expect(again.emails).toMatchObject({ sent: 2, duplicates: 1, deadLettered: 2, redriven: 1 });
    expect(again.orders).toMatchObject({ emailed: 1, notEmailed: 0 });
    expect(again.queue.deadLetterDepth).toBe(1);
  });
});

describe('when a poison message is redriven and fails again', () => {
  const r = settled(
    { 'email.poisonEvery': 1, 'queue.maxReceives': 1, 'retry.backoff': 'none' },
    'async',
    20_000,
  );

  it('keeps deadLettered as a running total, and the depth as what is left', () => {
    expect(r.emails).toMatchObject({ sent: 0, deadLettered: 2, redriven: 1 });
    expect(r.queue.deadLetterDepth).toBe(1);
  });

  it('counts one customer with no email', () => {
    expect(r.orders).toMatchObject({ saved: 1, emailed: 0, notEmailed: 1 });
  });
});

describe('when a RabbitMQ message is dropped at its delivery limit', () => {
  const r = settled({
    'queue.broker': 'rabbitmq',
    'queue.deadLetter': false,
    'queue.deliveryLimit': 1,
    'email.poisonEvery': 1,
  });

  it('counts the customer as not emailed, with nothing in a dead-letter queue', () => {
    expect(r.emails).toMatchObject({ sent: 0, dropped: 1, deadLettered: 0 });
    expect(r.orders).toMatchObject({ emailed: 0, notEmailed: 1 });
  });
});

describe('in sync mode with the email service down', () => {
  const r = settled({ 'email.down': true }, 'sync');

  it('counts the lost email’s customer as not emailed', () => {
    expect(r.emails.lost).toBe(1);
    expect(r.orders).toMatchObject({ saved: 1, emailed: 0, notEmailed: 1 });
  });
});
