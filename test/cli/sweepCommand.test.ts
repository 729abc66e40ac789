// Sweeps through the real command: one process, the same seed for every value, three outputs.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const CLI = ['bin/sync-vs-async.mjs', 'simulate'];

function simulate(args: string[]) {
  const result = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const SPIKE = ['--scenario', 'traffic-spike', '--mode', 'async', '--duration', '20'];

describe('simulate --sweep', () => {
  it('gives, in JSON, the very objects single runs give, each with its key and value', () => {
    const sweep = JSON.parse(simulate([...SPIKE, '--sweep', 'workers.count=1,4', '--json']).out);
    expect(sweep).toHaveLength(2);
    for (const [i, workers] of [1, 4].entries()) {
      const single = JSON.parse(
        simulate([...SPIKE, '--set', `workers.count=${workers}`, '--json']).out,
      );
      expect(sweep[i]).toEqual({ ...single, sweep: { key: 'workers.count', value: workers } });
    }
    // More workers drain the spike's queue sooner: the sweep is not one run printed twice.
    expect(sweep[1].emailDelayMs.p95).toBeLessThan(sweep[0].emailDelayMs.p95);
  }, 30_000);

  it('prints a table with one row per value and the headline columns', () => {
    const { code, out } = simulate([...SPIKE, '--sweep', 'workers.count=2..6:2']);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('traffic-spike (async, seed 3)');
    expect(lines[2]).toMatch(/^workers\.count +orders +error pages +p95 response +p95 email delay/);
    expect(lines.slice(3).map((l) => l.split(/ +/)[0])).toEqual(['2', '4', '6']);
  }, 30_000);

  it('says which runs did not settle instead of giving their end as a settling time', () => {
    const { out } = simulate([
      '--mode',
      'async',
      '--set',
      'traffic.pattern=steady',
      '--set',
      'traffic.rate=2',
      '--duration',
      '5',
      '--sweep',
      'workers.count=0,2',
    ]);
    const rows = out.trimEnd().split('\n').slice(3);
    expect(rows[0]).toMatch(/^0 .* not settled$/);
    expect(rows[1]).toMatch(/^2 .* \d+\.\d+ s$/);
  }, 30_000);

  it('writes CSV with the swept key first and one column per JSON field', () => {
    const { out } = simulate([
      ...SPIKE,
      '--sweep',
      'latency.email=exp(1500),uniform(1000,2000)',
      '--csv',
    ]);
    const lines = out.split('\r\n');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 3)).toEqual(['latency.email', 'scenario', 'mode']);
    expect(header).toContain('emailDelayMs.p95');
    expect(lines[1]).toMatch(/^exp\(1500\),traffic-spike,async,/);
    // RFC 4180: the value with a comma is quoted.
    expect(lines[2]).toMatch(/^"uniform\(1000,2000\)",traffic-spike,async,/);
    expect(lines[3]).toBe('');
    expect(lines[1]!.split(',')).toHaveLength(header.length);
  }, 30_000);

  it.each([
    [['--sweep', 'workers.count=5..1'], 'the range 5..1 runs backwards'],
    [['--sweep', 'nope=1,2'], "unknown setting 'nope'"],
    [['--sweep', 'workers.count='], 'the list of values is empty'],
    [['--sweep', 'workers.count=0..1000'], 'has 1001 values; at most 200'],
    [['--sweep', 'workers.count=1,2', '--set', 'workers.count=3'], 'both swept and set'],
    [['--sweep', 'workers.count=1,2', '--json', '--csv'], '--json and --csv cannot go together'],
  ])(
    'exits with code 2 and one line on %j',
    (args, expected) => {
      const { code, out, err } = simulate(args);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err.trimEnd().split('\n')).toHaveLength(1);
      expect(err).toContain(expected);
    },
    20_000,
  );
});
