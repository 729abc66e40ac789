// The real command, spawned as users script it: exit codes, the JSON contract and --list.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The launcher users run: it rebuilds the bundle first when a source file is newer.
const CLI = ['bin/sync-vs-async.mjs', 'simulate'];

/** Runs the command with a reader that closes the pipe at once, as `| head -0` or `| true` do. */
function simulateIntoClosedPipe(args: string[]): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, err }));
  });
}

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
    expect(kafka.queue).toMatchObject({ broker: 'kafka', maxLag: 12 });
    expect(kafka.emails).toMatchObject({ dropped: 0, deadLettered: 3, redelivered: 12 });
    // The same lesson under SQS: no partitions, so no lag, and the three poison jobs end up dead too.
    const sqs = json('sqs');
    expect(sqs.queue).toMatchObject({ broker: 'sqs', maxLag: 0 });
    expect(sqs.emails.deadLettered).toBe(3);
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

  it('refuses a crash rate above 1 and a relay poll of 0 ms, each with its allowed range', () => {
    for (const [setting, allowed] of [
      ['server.crashRate=1.5', 'a number from 0 to 1'],
      ['queue.outboxPollMs=0', 'a number from 1 to 3600000 ms'],
    ]) {
      const { code, out, err } = simulate(['--set', setting!]);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err.trim()).toBe(`simulate: ${setting} is not allowed: ${allowed}`);
    }
  }, 20_000);

  it('lists the server’s crash rate and the outbox under --help', () => {
    const { code, out } = simulate(['--help']);
    expect(code).toBe(0);
    for (const key of ['server.crashRate', 'queue.outbox ', 'queue.outboxPollMs']) {
      expect(out).toContain(`  ${key}`);
    }
  }, 20_000);

  it('reports saved orders never queued in the JSON: some with crashes, none with the outbox', () => {
    const crashing = ['--mode', 'async', '--duration', '30', '--json'].concat(
      ['traffic.pattern=steady', 'traffic.rate=5', 'server.crashRate=0.2'].flatMap((s) => [
        '--set',
        s,
      ]),
    );
    const lost = JSON.parse(simulate(crashing).out);
    expect(lost.orders.savedNeverEnqueued).toBeGreaterThan(0);
    expect(lost.orders.emailed).toBe(lost.orders.saved - lost.orders.savedNeverEnqueued);
    const kept = JSON.parse(simulate([...crashing, '--set', 'queue.outbox=true']).out);
    expect(kept.server.crashes).toBeGreaterThan(0);
    expect(kept.orders.savedNeverEnqueued).toBe(0);
    expect(kept.orders.emailed).toBe(kept.orders.saved);
  }, 20_000);

  it('exits with code 2 on an unknown scenario, naming the known ones', () => {
    const { code, err } = simulate(['--scenario', 'nope']);
    expect(code).toBe(2);
    expect(err).toMatch(/unknown scenario 'nope'; one of checkout, /);
  }, 20_000);

  describe('when the reader closes the pipe early', () => {
    for (const args of [['--list'], ['--json']]) {
      it(`ends quietly with code 0 for ${args.join(' ')}`, async () => {
        const { code, err } = await simulateIntoClosedPipe(args);
        expect(err).toBe('');
        expect(code).toBe(0);
      }, 20_000);
    }
  });
});

describe('npm run simulate with a run that cannot finish as asked', () => {
  it('stops the 0 ms failing email loop with code 3, one line, and a marked JSON', () => {
    const { code, out, err } = simulate([
      '--mode',
      'async',
      '--set',
      'latency.email=0',
      '--set',
      'email.down=true',
      '--set',
      'retry.backoff=none',
      '--set',
      'queue.deadLetter=false',
      '--json',
    ]);
    expect(code).toBe(3);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^simulate: the run stopped at 1\.05 s: .*latency\.email/);
    const r = JSON.parse(out);
    expect(r.stopped).toMatchObject({ reason: 'no-progress', atMs: 1050 });
  }, 30_000);

  it('refuses 864 million orders up front with code 2 and one line', () => {
    const { code, out, err } = simulate([
      '--mode',
      'async',
      '--set',
      'traffic.pattern=steady',
      '--set',
      'traffic.rate=10000',
      '--set',
      'workers.count=0',
      '--duration',
      '86400',
    ]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim()).toMatch(
      /^simulate: this run would place about 864,000,000 orders .*traffic\.rate/,
    );
  }, 20_000);

  it('marks a run that finished normally with stopped: null', () => {
    const r = JSON.parse(simulate(['--mode', 'async', '--json']).out);
    expect(r.stopped).toBeNull();
    expect(r.settled).toBe(true);
    expect(r.unfinished).toEqual({ orders: 0, emailJobs: 0 });
  }, 20_000);

  it('says a run that ended with work left did not settle, and how much work was left', () => {
    // No workers: every order's email job waits in the queue for ever.
    const args = [
      '--mode',
      'async',
      '--duration',
      '4',
      '--drain',
      '5',
      '--set',
      'traffic.pattern=steady',
      '--set',
      'traffic.rate=5',
      '--set',
      'workers.count=0',
    ];
    const { code, out } = simulate([...args, '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.stopped).toBeNull();
    expect(r.settled).toBe(false);
    expect(r.simulatedMs).toBeLessThanOrEqual(9000);
    expect(r.unfinished.orders).toBe(0);
    expect(r.unfinished.emailJobs).toBe(r.emails.pending);
    expect(r.unfinished.emailJobs).toBe(r.orders.saved);
    expect(r.unfinished.emailJobs).toBeGreaterThan(5);
    expect(simulate(args).out).toMatch(
      new RegExp(`not settled +0 orders and ${r.unfinished.emailJobs} email jobs unfinished`),
    );
  }, 20_000);
});

describe('npm run simulate with a setting that does nothing in the run', () => {
  it('warns on stderr, one line per setting, and still runs', () => {
    const { code, out, err } = simulate([
      '--mode',
      'async',
      '--set',
      'queue.prefetch=3',
      '--set',
      'queue.partitions=8',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out).queue.broker).toBe('sqs');
    expect(err.trim().split('\n')).toEqual([
      'simulate: warning: queue.prefetch does nothing with queue.broker=sqs; it applies to rabbitmq',
      'simulate: warning: queue.partitions does nothing with queue.broker=sqs; it applies to kafka',
    ]);
  }, 20_000);
});
