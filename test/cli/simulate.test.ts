// The real command, spawned as users script it: exit codes, the JSON contract and --list.
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The launcher users run: it rebuilds the bundle first when a source file is newer.
const CLI = ['bin/sync-vs-async.mjs', 'simulate'];

function simulate(args: string[]) {
  const result = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run simulate', () => {
  it('prints the lesson’s checkout as one JSON object with the contract’s fields', () => {
    const out = execFileSync(process.execPath, [...CLI, '--mode', 'async', '--json'], {
      encoding: 'utf8',
    });
    const r = JSON.parse(out);
    expect(Object.keys(r)).toEqual(
      expect.arrayContaining(['scenario', 'mode', 'seed', 'simulatedMs', 'events', 'orders']),
    );
    expect(r.scenario).toBe('checkout');
    expect(r.responseMs).toEqual({
      count: 1,
      mean: 1050,
      p50: 1050,
      p95: 1050,
      p99: 1050,
      max: 1050,
    });
    expect(r.emailDelayMs.max).toBe(2550);
    for (const key of ['sent', 'duplicates', 'failedAttempts', 'deadLettered', 'pending']) {
      expect(r.emails[key]).toEqual(expect.any(Number));
    }
    for (const key of ['enqueued', 'maxDepth']) expect(r.queue[key]).toEqual(expect.any(Number));
    expect(r.queue.waitMs.count).toBe(1);
    expect(r.workers).toEqual({ count: 4, crashes: 0, utilization: expect.any(Number) });
    expect(r.orders).toMatchObject({ arrived: 1, succeeded: 1, failed: 0, chargedButSawError: 0 });
  }, 20_000);

  it('runs each broker preset and reports its own fields', () => {
    const json = (broker: string) =>
      JSON.parse(
        simulate([
          '--scenario',
          'kafka-poison',
          '--mode',
          'async',
          '--set',
          `queue.broker=${broker}`,
          '--json',
        ]).out,
      );
    const kafka = json('kafka');
    expect(kafka.queue).toMatchObject({ broker: 'kafka', maxLag: 8 });
    expect(kafka.emails).toMatchObject({ dropped: 0, deadLettered: 2, redelivered: 8 });
    // The same lesson under SQS: no partitions, so no lag, and the two poison jobs end up dead too.
    const sqs = json('sqs');
    expect(sqs.queue).toMatchObject({ broker: 'sqs', maxLag: 0 });
    expect(sqs.emails.deadLettered).toBe(2);
    const table = simulate(['--scenario', 'rabbitmq-drop', '--mode', 'async']).out;
    expect(table).toMatch(/^broker +RabbitMQ \(quorum queue\)$/m);
    expect(table).toMatch(/^dropped by the broker +4$/m);
  }, 30_000);

  it('refuses an unknown broker, naming the five it knows', () => {
    const { code, err } = simulate(['--set', 'queue.broker=nats']);
    expect(code).toBe(2);
    expect(err.trim()).toBe(
      'simulate: queue.broker=nats is not allowed: one of ideal, sqs, rabbitmq, kafka, redis',
    );
  }, 20_000);

  it('lists the presets one a line, id then title', () => {
    const { code, out } = simulate(['--list']);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toMatch(/^checkout\t\S/);
  }, 20_000);

  it('exits with code 2 and one line, without a stack trace, on a bad value', () => {
    const { code, out, err } = simulate(['--set', 'queue.maxReceives=0']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toEqual([
      'simulate: queue.maxReceives=0 is not allowed: a whole number from 1 to 1000',
    ]);
  }, 20_000);

  it('exits with code 2 on an unknown scenario, naming the known ones', () => {
    const { code, err } = simulate(['--scenario', 'nope']);
    expect(code).toBe(2);
    expect(err).toMatch(/unknown scenario 'nope'; one of checkout, /);
  }, 20_000);
});
