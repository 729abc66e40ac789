// What the command line prints back of its input: cut, stripped of what a terminal would obey,
// and never a repeated output flag taken in silence.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.ts';
import { printable, printableLine } from '../../src/cli/printable.ts';
import { parseSweep, takeSweepFlags } from '../../src/cli/sweep.ts';

const CLI = ['bin/sync-vs-async.mjs', 'simulate'];

function simulate(args: string[]) {
  const result = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Any control character a terminal might act on: C0 but line breaks and tab, DEL, C1. */
// eslint-disable-next-line no-control-regex -- finding control characters is the test
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('control characters in what is printed back', () => {
  it('are taken out of a message, line breaks too, and out of output but its lines and tabs', () => {
    expect(printableLine('a\u001b]0;X\u0007b\nc\u202ed\u0085')).toBe('a]0;Xbcd');
    expect(printable('id\tvalue\r\n1\u001b[31m\t2\n')).toBe('id\tvalue\r\n1[31m\t2\n');
  });

  it('cannot set the terminal title through an unknown scenario id', () => {
    const { code, out, err } = simulate(['--scenario', '\u001b]0;X\u0007']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).not.toMatch(CONTROL);
    expect(err).toMatch(/^simulate: unknown scenario '\]0;X'; one of checkout, /);
    expect(err.trim().split('\n')).toHaveLength(1);
  }, 20_000);

  it('cannot slip an escape or a line of its own through an option or a setting', () => {
    for (const args of [
      ['--mode', 'sync\u001b[2J'],
      ['--set', 'workers.count=8\n\u001b[1Asimulate: all good'],
      ['--sweep', 'workers.count=1,\u009b2J'],
      ['--\u001b[31mjson'],
    ]) {
      const { code, err } = simulate(args);
      expect(code, args.join(' ')).toBe(2);
      expect(err, args.join(' ')).not.toMatch(CONTROL);
      expect(err.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  }, 40_000);
});

describe('a huge --sweep', () => {
  // 120 KB, as one argument may be at most 128 KB on Linux.
  const values = Array.from({ length: 60_000 }, () => '1').join(',');

  it('is refused in a short sentence that cuts the values it echoes', () => {
    const parsed = parseSweep(`workers.count=${values}`);
    expect(parsed.ok).toBe(false);
    const { error } = parsed as { error: string };
    expect(error.length).toBeLessThan(200);
    expect(error).toMatch(/^--sweep workers\.count=1,1,1,.*… \(120013 characters\) is not allowed/);
    expect(error).toMatch(/60000 values; at most 200$/);
  });

  it('gets one short line and code 2 from the command', () => {
    const { code, err } = simulate(['--sweep', `workers.count=${values}`]);
    expect(code).toBe(2);
    expect(err.length).toBeLessThan(200);
  }, 20_000);

  it('cuts a long range it refuses', () => {
    const parsed = parseSweep(`workers.count=1..${'9'.repeat(5000)}`);
    expect((parsed as { error: string }).error.length).toBeLessThan(300);
  });
});

describe('an output flag given more than once', () => {
  it('is refused: --json, --csv and --list', () => {
    expect(parseArgs(['--json', '--json'])).toEqual({
      ok: false,
      error: '--json is given twice; give it once',
    });
    expect(parseArgs(['--list', '--list'])).toEqual({
      ok: false,
      error: '--list is given twice; give it once',
    });
    expect(takeSweepFlags(['--csv', '--mode', 'sync', '--csv'])).toEqual({
      ok: false,
      error: '--csv is given twice; give it once',
    });
  });

  it('10,000 times over, gets one line and code 2 from the command', () => {
    const { code, out, err } = simulate(Array.from({ length: 10_000 }, () => '--json'));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe('simulate: --json is given twice; give it once\n');
  }, 20_000);
});
