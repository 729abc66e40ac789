/** Parses the command line of `npm run simulate` into options, or into one sentence that names
 * what is wrong and what is allowed. Pure, so it is tested without spawning processes. */
import {
  checkSettingValue,
  clip,
  FLOW_PRESET_IDS,
  parseSettingKey,
  type SettingMap,
} from '../engine/index.ts';

export interface CliOptions {
  command: 'run' | 'list' | 'help';
  scenario: string | undefined;
  mode: 'sync' | 'async' | undefined;
  seed: number | undefined;
  durationSec: number | undefined;
  drainSec: number;
  /** Settings by key: the registry's, and steps' (`steps.<id>.latency`), checked against the
   * run's flow when the run is built. */
  settings: SettingMap;
  /** `--flow`: a preset's id, or the path of a JSON file (see flowArg.ts); the checkout if absent. */
  flow: string | undefined;
  json: boolean;
}

export const USAGE = `Usage: npm run simulate -- [options]

  --list                 list the preset scenarios (id, then title)
  --scenario ID          the preset to run (default: checkout)
  --flow ID|FILE.json    the flow the request goes through: a preset (${FLOW_PRESET_IDS.join(', ')})
                         or a JSON file {"id", "label", "steps": [{"id", "label", "latency",
                         "failureRate", "outages", "needsResult", "where"}, …]} (default: checkout)
  --mode sync|async      sync runs every step in the request; async puts the background steps
                         (the checkout's email) on the queue (default: the scenario's, else sync)
  --seed N               random seed, a whole number from 0 to 4294967295
  --duration SECONDS     how long orders arrive (default: the scenario's)
  --drain SECONDS        then run until all work settles, or this much longer (default 600)
  --set KEY=VALUE        change a setting; repeatable (see --help settings below)
  --json                 print one JSON object instead of a table
  --help                 this text`;

const MAX_SECONDS = 86_400;

export type ParseResult = { ok: true; options: CliOptions } | { ok: false; error: string };

function wholeNumber(text: string, min: number, max: number): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

function seconds(text: string, min: number): number | undefined {
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= MAX_SECONDS ? n : undefined;
}

export function parseArgs(argv: readonly string[]): ParseResult {
  const options: CliOptions = {
    command: 'run',
    scenario: undefined,
    mode: undefined,
    seed: undefined,
    durationSec: undefined,
    drainSec: 600,
    settings: {},
    flow: undefined,
    json: false,
  };
  const fail = (error: string): ParseResult => ({ ok: false, error });
  /** Flags that take one value, with the value each was first given: a repeat is refused rather
   * than letting the last one win without a word. */
  const given = new Map<string, string>();
  const single = ['--scenario', '--flow', '--mode', '--seed', '--duration', '--drain'];

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const takesValue = [
      '--scenario',
      '--flow',
      '--mode',
      '--seed',
      '--duration',
      '--drain',
      '--set',
    ];
    let value: string | undefined;
    if (takesValue.includes(flag)) {
      value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) {
        return fail(`${flag} needs a value; see --help`);
      }
    } else if (inline !== undefined) {
      return fail(`${clip(flag)} takes no value`);
    }
    if (single.includes(flag)) {
      const first = given.get(flag);
      if (first !== undefined) {
        return fail(`${flag} is given twice (${clip(first)} and ${clip(value!)}); give it once`);
      }
      given.set(flag, value!);
    }
    switch (flag) {
      case '--list':
        if (options.command === 'list') return fail('--list is given twice; give it once');
        options.command = 'list';
        break;
      case '--help':
      case '-h':
        options.command = 'help';
        break;
      case '--json':
        // 10,000 of them were taken in silence: an output flag given twice is a script's mistake.
        if (options.json) return fail('--json is given twice; give it once');
        options.json = true;
        break;
      case '--scenario':
        options.scenario = value!;
        break;
      case '--flow':
        options.flow = value!;
        break;
      case '--mode':
        if (value !== 'sync' && value !== 'async') {
          return fail(`--mode ${clip(value!)} is not allowed: one of sync, async`);
        }
        options.mode = value;
        break;
      case '--seed': {
        const seed = wholeNumber(value!, 0, 0xffffffff);
        if (seed === undefined) {
          return fail(`--seed ${clip(value!)} is not allowed: a whole number from 0 to 4294967295`);
        }
        options.seed = seed;
        break;
      }
      case '--duration': {
        const d = seconds(value!, 0);
        if (d === undefined) {
          return fail(
            `--duration ${clip(value!)} is not allowed: seconds from 0 to ${MAX_SECONDS}`,
          );
        }
        options.durationSec = d;
        break;
      }
      case '--drain': {
        const d = seconds(value!, 0);
        if (d === undefined) {
          return fail(`--drain ${clip(value!)} is not allowed: seconds from 0 to ${MAX_SECONDS}`);
        }
        options.drainSec = d;
        break;
      }
      case '--set': {
        const at = value!.indexOf('=');
        if (at <= 0) return fail(`--set ${clip(value!)} is not allowed: write --set KEY=VALUE`);
        const parsed = parseSettingKey(value!.slice(0, at));
        if ('error' in parsed) return fail(parsed.error);
        const { key } = parsed;
        const setting = value!.slice(at + 1);
        if (key in options.settings) {
          return fail(
            `--set ${clip(key)} is given twice (${clip(String(options.settings[key]))} and ${clip(setting)}); give it once`,
          );
        }
        const problem = checkSettingValue(key, setting);
        if (problem) return fail(problem);
        options.settings[key] = setting;
        break;
      }
      default:
        return fail(
          `unknown option '${clip(arg)}'; options: --list, --scenario, --flow, --mode, --seed, --duration, --drain, --set, --sweep, --json, --csv, --help`,
        );
    }
  }
  return { ok: true, options };
}
