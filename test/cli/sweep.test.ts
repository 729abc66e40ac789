import { describe, expect, it } from 'vitest';
import { MAX_SWEEP_VALUES, parseSweep, takeSweepFlags } from '../../src/cli/sweep.ts';

function values(text: string): string[] {
  const result = parseSweep(text);
  if (!result.ok) throw new Error(result.error);
  return result.sweep.values;
}

function error(text: string): string {
  const result = parseSweep(text);
  if (result.ok) throw new Error(`expected --sweep ${text} to be refused`);
  return result.error;
}

describe('the --sweep spec', () => {
  it('takes a list of values as written', () => {
    expect(parseSweep('workers.count=1,2,8')).toEqual({
      ok: true,
      sweep: { key: 'workers.count', values: ['1', '2', '8'] },
    });
    expect(values('traffic.pattern=steady, spike')).toEqual(['steady', 'spike']);
  });

  it('keeps commas inside a distribution’s parentheses', () => {
    expect(values('latency.email=uniform(100,300),exp(200),1500')).toEqual([
      'uniform(100,300)',
      'exp(200)',
      '1500',
    ]);
  });

  it('expands a range with a step of 1 by default', () => {
    expect(values('workers.count=3..7')).toEqual(['3', '4', '5', '6', '7']);
  });

  it('expands a decimal step without binary noise, including the end when it lands on it', () => {
    expect(values('email.failureRate=0..0.5:0.1')).toEqual([
      '0',
      '0.1',
      '0.2',
      '0.3',
      '0.4',
      '0.5',
    ]);
    expect(values('workers.count=1..10:4')).toEqual(['1', '5', '9']);
  });

  it(`accepts exactly ${MAX_SWEEP_VALUES} values and refuses one more`, () => {
    expect(values(`traffic.rate=1..${MAX_SWEEP_VALUES}`)).toHaveLength(MAX_SWEEP_VALUES);
    expect(error(`traffic.rate=0..${MAX_SWEEP_VALUES}`)).toBe(
      `--sweep traffic.rate=0..${MAX_SWEEP_VALUES} is not allowed: the range 0..${MAX_SWEEP_VALUES} has ${MAX_SWEEP_VALUES + 1} values; at most ${MAX_SWEEP_VALUES} (use a larger step)`,
    );
    const list = Array.from({ length: MAX_SWEEP_VALUES + 1 }, (_, i) => i).join(',');
    expect(error(`workers.count=${list}`)).toContain(`${MAX_SWEEP_VALUES + 1} values; at most`);
  });

  it.each([
    ['workers.cont=1,2', "--sweep: unknown setting 'workers.cont'; known settings: "],
    ['workers.count', 'write --sweep KEY=V1,V2,… or --sweep KEY=FROM..TO[:STEP]'],
    ['=1,2', 'write --sweep KEY=V1,V2,…'],
    ['workers.count=', 'the list of values is empty'],
    ['workers.count=,', 'the list of values is empty'],
    ['workers.count=1,,2', 'the list has an empty value'],
    ['workers.count=9..2', 'the range 9..2 runs backwards; write FROM..TO with FROM at most TO'],
    ['workers.count=1..9:0', 'the range 1..9:0 needs a step above 0'],
    ['workers.count=1..9:-1', 'the range 1..9:-1 needs a step above 0'],
    ['workers.count=1..', "'1..' is not a range; write FROM..TO or FROM..TO:STEP"],
    ['workers.count=a..b', "'a..b' is not a range"],
    ['workers.count=1..3:0.5', 'workers.count=1.5 is not allowed: a whole number from 0 to 10000'],
    ['email.failureRate=0,2', 'email.failureRate=2 is not allowed: a number from 0 to 1'],
    ['traffic.pattern=1..3', 'traffic.pattern=1 is not allowed: one of single, steady, spike'],
  ])('refuses %s in one sentence naming what is allowed', (spec, expected) => {
    const message = error(spec);
    expect(message).toContain(expected);
    expect(message).not.toContain('\n');
  });
});

describe('taking the sweep flags out of the command line', () => {
  it('leaves every other argument in order for parseArgs', () => {
    expect(
      takeSweepFlags(['--scenario', 'x', '--sweep', 'workers.count=1,2', '--csv', '--seed=3']),
    ).toEqual({
      ok: true,
      flags: {
        rest: ['--scenario', 'x', '--seed=3'],
        sweep: { key: 'workers.count', values: ['1', '2'] },
        csv: true,
      },
    });
    expect(takeSweepFlags(['--sweep=workers.count=4'])).toMatchObject({
      ok: true,
      flags: { sweep: { values: ['4'] }, csv: false },
    });
  });

  it.each([
    [['--sweep'], '--sweep needs a value'],
    [['--sweep', '--json'], '--sweep needs a value'],
    [['--sweep', 'workers.count=1', '--sweep', 'traffic.rate=2'], '--sweep is given twice'],
    [['--csv=yes'], '--csv takes no value'],
  ])('refuses %j', (argv, expected) => {
    const result = takeSweepFlags(argv);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(expected);
  });
});
