/** The settings that do nothing in a run, each named with the reason, so the command line can
 * warn instead of ignoring them silently. */
import { describe, expect, it } from 'vitest';
import { buildConfig, inertSettings, parseDecimal } from '../../src/engine/index.ts';

describe('settings that do nothing in this run', () => {
  it('are another broker’s settings, named with the brokers they apply to', () => {
    const config = buildConfig({ 'queue.broker': 'sqs' });
    expect(inertSettings(['queue.prefetch', 'queue.visibilityTimeout'], config, 'async')).toEqual([
      'queue.prefetch does nothing with queue.broker=sqs; it applies to rabbitmq',
    ]);
    expect(
      inertSettings(
        ['queue.maxReceives', 'retry.base'],
        buildConfig({ 'queue.broker': 'rabbitmq' }),
        'async',
      ),
    ).toEqual([
      'queue.maxReceives does nothing with queue.broker=rabbitmq; it applies to ideal, sqs, kafka, redis',
      'retry.base does nothing with queue.broker=rabbitmq; it applies to ideal, sqs, kafka',
    ]);
  });

  it('are every queue setting in sync mode', () => {
    expect(inertSettings(['workers.count', 'email.failureRate'], buildConfig(), 'sync')).toEqual([
      'workers.count does nothing in sync mode, which has no queue; try --mode async',
    ]);
  });

  it('are the server’s crash before the enqueue, and the outbox, in sync mode', () => {
    const config = buildConfig({ 'server.crashRate': 0.1, 'queue.outbox': true });
    expect(inertSettings(['server.crashRate', 'queue.outbox'], config, 'sync')).toEqual([
      'server.crashRate does nothing in sync mode, which has no queue; try --mode async',
      'queue.outbox does nothing in sync mode, which has no queue; try --mode async',
    ]);
    expect(inertSettings(['server.crashRate', 'queue.outbox'], config, 'async')).toEqual([]);
  });

  it('is the relay’s poll without the outbox, unless a timed change switches it on', () => {
    const plain = buildConfig({ 'queue.outboxPollMs': 100 });
    expect(inertSettings(['queue.outboxPollMs'], plain, 'async')).toEqual([
      'queue.outboxPollMs does nothing in this run: queue.outbox is false',
    ]);
    expect(inertSettings(['queue.outboxPollMs'], plain, 'async', ['queue.outbox'])).toEqual([]);
  });

  it('are the settings of a traffic pattern not in use, unless a timed change switches it', () => {
    const single = buildConfig({ 'traffic.pattern': 'single' });
    expect(inertSettings(['traffic.rate'], single, 'async')).toEqual([
      'traffic.rate does nothing in this run: traffic.pattern is single',
    ]);
    expect(inertSettings(['traffic.rate'], single, 'async', ['traffic.pattern'])).toEqual([]);
  });
});

describe('a setting’s number', () => {
  it('is read in decimal only', () => {
    expect(parseDecimal(' 16 ')).toBe(16);
    expect(parseDecimal('-2.5e3')).toBe(-2500);
    for (const text of ['0x10', '0b101', '0o17', '', '1,000', 'Infinity', '1e']) {
      expect(parseDecimal(text)).toBeNaN();
    }
  });
});
