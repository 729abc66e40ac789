/** `--sweep KEY=V1,V2,…` and `--sweep KEY=FROM..TO[:STEP]`: which values of one setting the
 * command line runs, parsed into a list or into one sentence naming the problem. Pure, and kept
 * apart from args.ts, which it runs before: it takes its own flags out of the command line. */
import {
  checkSettingValue,
  clip,
  parseSettingKey,
  splitOutsideParens,
  type SettingKey,
  type StepSettingKey,
} from '../engine/index.ts';

/** More values than this is a typo (a missing step, say), not a worksheet. */
export const MAX_SWEEP_VALUES = 200;

export interface Sweep {
  /** A setting, or a step's (`steps.<id>.latency`), whose step the run's flow must have. */
  key: SettingKey | StepSettingKey;
  values: string[];
}

export type SweepResult = { ok: true; sweep: Sweep } | { ok: false; error: string };

export const SWEEP_USAGE = `  --sweep KEY=V1,V2,…    run once per value of one setting, same seed (at most ${MAX_SWEEP_VALUES})
  --sweep KEY=FROM..TO[:STEP]  the same over a range of numbers (STEP defaults to 1)
  --csv                  print a spreadsheet-ready table (RFC 4180) instead`;

const NUMBER = String.raw`-?\d+(?:\.\d+)?`;
const RANGE = new RegExp(`^(${NUMBER})\\.\\.(${NUMBER})(?::(${NUMBER}))?$`);

/** A decimal step adds up binary error (0.1 * 3 = 0.30000000000000004); ten places hide it. */
function tidy(n: number): string {
  return String(Number(n.toFixed(10)));
}

function rangeValues(spec: string, match: RegExpExecArray): string[] | string {
  const from = Number(match[1]);
  const to = Number(match[2]);
  const step = match[3] === undefined ? 1 : Number(match[3]);
  if (!(step > 0)) return `the range ${clip(spec)} needs a step above 0`;
  if (from > to) {
    return `the range ${clip(spec)} runs backwards; write FROM..TO with FROM at most TO`;
  }
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_SWEEP_VALUES) {
    return `the range ${clip(spec)} has ${count} values; at most ${MAX_SWEEP_VALUES} (use a larger step)`;
  }
  return Array.from({ length: count }, (_, i) => tidy(from + i * step));
}

/** Parses the text after `--sweep`: a setting key, `=`, then a list or a range of values, each
 * checked by the engine's settings registry as `--set` would check it. */
export function parseSweep(text: string): SweepResult {
  const fail = (reason: string): SweepResult => ({
    ok: false,
    error: `--sweep ${clip(text)} is not allowed: ${reason}`,
  });
  const at = text.indexOf('=');
  if (at <= 0) return fail('write --sweep KEY=V1,V2,… or --sweep KEY=FROM..TO[:STEP]');
  const parsed = parseSettingKey(text.slice(0, at));
  if ('error' in parsed) return { ok: false, error: `--sweep: ${parsed.error}` };
  const { key } = parsed;
  const spec = text.slice(at + 1).trim();
  const range = RANGE.exec(spec);
  let values: string[];
  if (range) {
    const listed = rangeValues(spec, range);
    if (typeof listed === 'string') return fail(listed);
    values = listed;
  } else {
    if (spec.includes('..'))
      return fail(`'${clip(spec)}' is not a range; write FROM..TO or FROM..TO:STEP`);
    values = splitOutsideParens(spec, ',');
    if (values.every((v) => v === '')) return fail('the list of values is empty');
    if (values.includes('')) return fail('the list has an empty value (two commas in a row?)');
    if (values.length > MAX_SWEEP_VALUES) {
      return fail(`${values.length} values; at most ${MAX_SWEEP_VALUES}`);
    }
  }
  for (const value of values) {
    const problem = checkSettingValue(key, value);
    if (problem) return { ok: false, error: `--sweep: ${problem}` };
  }
  return { ok: true, sweep: { key, values } };
}

export interface SweepFlags {
  /** The command line without --sweep and --csv, for parseArgs. */
  rest: string[];
  sweep: Sweep | undefined;
  csv: boolean;
}

/** Takes `--sweep SPEC`, `--sweep=SPEC` and `--csv` out of the command line. */
export function takeSweepFlags(
  argv: readonly string[],
): { ok: true; flags: SweepFlags } | { ok: false; error: string } {
  const rest: string[] = [];
  let sweep: Sweep | undefined;
  let csv = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--csv') {
      // An output flag given twice is a mistake in a script: say so rather than take it.
      if (csv) return { ok: false, error: '--csv is given twice; give it once' };
      csv = true;
      continue;
    }
    if (arg.startsWith('--csv=')) return { ok: false, error: '--csv takes no value' };
    if (arg !== '--sweep' && !arg.startsWith('--sweep=')) {
      rest.push(arg);
      continue;
    }
    const text = arg === '--sweep' ? argv[++i] : arg.slice('--sweep='.length);
    if (text === undefined || (arg === '--sweep' && text.startsWith('--'))) {
      return { ok: false, error: '--sweep needs a value: KEY=V1,V2,… or KEY=FROM..TO[:STEP]' };
    }
    if (sweep)
      return { ok: false, error: '--sweep is given twice; one setting is swept at a time' };
    const parsed = parseSweep(text);
    if (!parsed.ok) return parsed;
    sweep = parsed.sweep;
  }
  return { ok: true, flags: { rest, sweep, csv } };
}
