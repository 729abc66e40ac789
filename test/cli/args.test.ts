import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.ts';

function error(argv: string[]): string {
  const result = parseArgs(argv);
  if (result.ok) throw new Error(`expected ${argv.join(' ')} to be refused`);
  return result.error;
}

describe('the simulate command line', () => {
  it('accepts every documented option, in both --flag value and --flag=value forms', () => {
    const result = parseArgs([
      '--scenario',
      'traffic-spike',
      '--mode=async',
      '--seed',
      '9',
      '--duration',
      '30',
      '--drain=5',
      '--set',
      'workers.count=8',
      '--set=email.outage=10-20',
      '--json',
    ]);
    expect(result).toEqual({
      ok: true,
      options: {
        command: 'run',
        scenario: 'traffic-spike',
        mode: 'async',
        seed: 9,
        durationSec: 30,
        drainSec: 5,
        settings: { 'workers.count': '8', 'email.outage': '10-20' },
        json: true,
      },
    });
  });

  it('names an unknown key and lists the known ones', () => {
    expect(error(['--set', 'workers.cont=3'])).toMatch(
      /unknown setting 'workers.cont'.*workers\.count/,
    );
  });

  it.each([
    [
      ['--set', 'email.failureRate=1.5'],
      'email.failureRate=1.5 is not allowed: a number from 0 to 1',
    ],
    [
      ['--set', 'workers.count=2.5'],
      'workers.count=2.5 is not allowed: a whole number from 0 to 10000',
    ],
    [['--set', 'latency.email=exp(-3)'], 'latency.email=exp(-3) is not allowed'],
    [['--set', 'email.outage=40-20'], 'email.outage=40-20 is not allowed'],
    [['--set', 'traffic.pattern=burst'], 'one of single, steady, spike'],
    [['--set', 'users.retryOnError=yes'], 'one of true, false'],
    [['--set', 'nokey'], 'write --set KEY=VALUE'],
    [['--mode', 'both'], '--mode both is not allowed: one of sync, async'],
    [['--seed', '-1'], '--seed -1 is not allowed: a whole number from 0 to 4294967295'],
    [['--seed', '1e3'], '--seed 1e3 is not allowed'],
    [['--duration', 'ten'], '--duration ten is not allowed: seconds from 0 to 86400'],
    [['--seed'], '--seed needs a value'],
    [['--scenario', '--json'], '--scenario needs a value'],
    [['--json=yes'], '--json takes no value'],
    [['--fast'], "unknown option '--fast'"],
  ])('refuses %j with a sentence naming what is allowed', (argv, expected) => {
    expect(error(argv)).toContain(expected);
  });

  it('refuses NaN and Infinity as numbers', () => {
    expect(error(['--set', 'traffic.rate=NaN'])).toBe(
      'traffic.rate=NaN is not allowed: a number from 0 to 10000 orders/s',
    );
    expect(error(['--set', 'server.timeout=Infinity'])).toBe(
      'server.timeout=Infinity is not allowed: a number from 1 to 3600000 ms',
    );
  });
});

describe('the simulate command line with input it must not take silently', () => {
  it.each([
    ['traffic.rate=0x10', 'a number from 0 to 10000 orders/s'],
    ['workers.count=0b101', 'a whole number from 0 to 10000'],
    ['queue.prefetch=0o7', 'a whole number from 1 to 1000'],
  ])('refuses %s, a number not written in decimal', (setting, allowed) => {
    expect(error(['--set', setting])).toBe(
      `${setting} is not allowed: ${allowed}, in decimal digits (not hex, binary or octal)`,
    );
  });

  it('still takes decimals, fractions and exponents', () => {
    const result = parseArgs(['--set', 'traffic.rate=1.5e1', '--set', 'email.failureRate=.25']);
    expect(result.ok && result.options.settings).toEqual({
      'traffic.rate': '1.5e1',
      'email.failureRate': '.25',
    });
  });

  it.each([
    [['--seed', '1', '--seed', '2'], '--seed is given twice (1 and 2); give it once'],
    [['--mode=sync', '--mode', 'async'], '--mode is given twice (sync and async); give it once'],
    [['--scenario', 'a', '--scenario=b'], '--scenario is given twice (a and b); give it once'],
    [['--duration', '5', '--duration', '5'], '--duration is given twice (5 and 5); give it once'],
    [['--drain', '1', '--drain', '2'], '--drain is given twice (1 and 2); give it once'],
    [
      ['--set', 'traffic.rate=2', '--set', 'traffic.rate=3'],
      '--set traffic.rate is given twice (2 and 3); give it once',
    ],
  ])('refuses a repeated single-value flag: %j', (argv, message) => {
    expect(error(argv)).toBe(message);
  });

  it('cuts a huge bad value at 60 characters in its message', () => {
    const huge = 'x'.repeat(100_000);
    const message = error(['--set', `traffic.rate=${huge}`]);
    expect(message).toBe(
      `traffic.rate=${'x'.repeat(60)}… (100000 characters) is not allowed: a number from 0 to 10000 orders/s`,
    );
    expect(error([`--${huge}`]).length).toBeLessThan(300);
  });
});
