/** The kinds of setting (a number in a range, a choice, a switch, a latency spec) and how each
 * parses, validates and formats its value, so that every setting says its allowed values alike. */
import {
  DISTRIBUTION_HELP,
  MAX_LATENCY_MS,
  formatDistribution,
  parseDistribution,
  type Distribution,
} from './distributions.ts';
import type { Config } from './config.ts';

export type SettingValue = string | number | boolean;

/** The longest piece of a user's input echoed back in a message. */
export const ECHO_LIMIT = 60;

/** Input echoed in a message, cut at ECHO_LIMIT characters so a huge bad value stays one line. */
export function clip(text: string): string {
  return text.length > ECHO_LIMIT
    ? `${text.slice(0, ECHO_LIMIT)}… (${text.length} characters)`
    : text;
}

/** A number written in decimal: digits, an optional fraction and exponent. JavaScript's Number()
 * also reads 0x10, 0b101 and 0o17, which a setting must not silently take as 16, 5 or 15. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number `text` writes in decimal, or NaN for anything else (hex, binary, octal, words). */
export function parseDecimal(text: string): number {
  const trimmed = text.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed) : NaN;
}

/** Splits `text` at `separator` where it is outside parentheses, so that a list of values can
 * hold `uniform(100,300)` (a link's flow, the command line's `--sweep`); each part trimmed. */
export function splitOutsideParens(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

/** How a change made while the run goes takes effect: `set` (the default) just writes the value,
 * which the run reads as it goes; `restart` refuses it mid-run (it shapes the run: the UI restarts
 * with it); each other names what the engine sets off after writing it (changes.ts, LIVE), so a new
 * setting says how it applies here rather than in a branch on its key. */
export type LiveEffect =
  | 'set'
  | 'restart'
  /** Traffic's arrivals are paused around the write and planned again from it. */
  | 'retimeTraffic'
  | 'refillHandlers'
  | 'rescheduleTimeouts'
  | 'resizeWorkers'
  | 'scheduleOutages'
  | 'scheduleRedrive'
  | 'logEmailService';

/** The values "What if?" runs a setting over: from `from` (at least the setting's minimum) to
 * `to` or twice the current value, whichever is larger (at most the setting's maximum). */
export interface Sweep {
  from: number;
  to: number;
  /** Where the setting stands in "What if?"'s list, lowest first; a step's own settings (no
   * rank) follow the ranked ones, in the flow's step order. */
  rank?: number;
}

/** A setting that does nothing unless another setting holds: `traffic.rate` under
 * `traffic.pattern=single`. The command line warns with `why`. */
export interface OnlyWhen {
  governs: string;
  holds: (c: Config) => boolean;
  /** What is true of the governing setting when this one does nothing: "traffic.pattern is single". */
  why: string;
}

/** The facts about a setting beyond its value: its short label, where it applies, how "What if?"
 * sweeps it and how a live change applies. Every spec may give them; the registry's entry is the
 * one place each is written. */
export interface SettingFacts {
  /** A short English name for a control, an axis or a list ("Workers", "Send email"). */
  label: string;
  /** Only the async lane has it (the queue, its workers, the enqueue): sync mode ignores it. */
  asyncOnly?: boolean;
  onlyWhen?: OnlyWhen;
  /** Present when "What if?" may run a curve over it. */
  sweep?: Sweep;
  /** `set` when absent. */
  live?: LiveEffect;
}

interface SettingBase<K extends string> extends SettingFacts {
  key: K;
  /** What the key means, for --help and the UI. */
  description: string;
  /** The allowed values, as they appear in error messages. */
  allowed: string;
  /** Applies a raw value to a config; returns an error sentence, or undefined when it applied. */
  apply(config: Config, raw: string): string | undefined;
  /** The current value, formatted so that `apply(read())` round-trips. */
  read(config: Config): string;
}

/** A number in a range, or a latency (a number or a distribution, whose mean is bounded): the
 * bounds, the unit and whether it is whole, so that sliders and number boxes read them from here
 * instead of restating them. */
export interface NumericSetting<K extends string = string> extends SettingBase<K> {
  kind: 'number' | 'latency';
  min: number;
  max: number;
  integer: boolean;
  /** The unit as the registry writes it ('ms', 's', 'orders/s'), or '' for a plain count. */
  unit: string;
}

/** One of a fixed list of words; a switch is the choice of 'true' or 'false'. */
export interface ChoiceSetting<K extends string = string> extends SettingBase<K> {
  kind: 'choice';
  choices: readonly string[];
}

/** Free text with its own parser (the outage windows). */
export interface TextSetting<K extends string = string> extends SettingBase<K> {
  kind: 'text';
}

export type Setting<K extends string = string> =
  NumericSetting<K> | ChoiceSetting<K> | TextSetting<K>;

interface Accessors<T> {
  get: (c: Config) => T;
  set: (c: Config, v: T) => void;
}

export interface NumberSpec<K extends string> extends Accessors<number>, SettingFacts {
  key: K;
  description: string;
  min: number;
  max: number;
  /** '' (the default) for a plain count. */
  unit?: string;
  /** Only whole numbers (false by default). */
  integer?: boolean;
}

/** The facts of a spec, without its accessors, so that each kind passes them on alike. */
function factsOf(spec: SettingFacts): SettingFacts {
  const { label, asyncOnly, onlyWhen, sweep, live } = spec;
  return {
    label,
    ...(asyncOnly ? { asyncOnly } : {}),
    ...(onlyWhen ? { onlyWhen } : {}),
    ...(sweep ? { sweep } : {}),
    ...(live ? { live } : {}),
  };
}

export function numberSetting<K extends string>(spec: NumberSpec<K>): NumericSetting<K> {
  const { key, description, min, max, unit = '', integer = false, get, set } = spec;
  const kind = integer ? 'a whole number' : 'a number';
  const allowed = `${kind} from ${min} to ${max}${unit ? ` ${unit}` : ''}`;
  return {
    ...factsOf(spec),
    kind: 'number',
    key,
    description,
    allowed,
    min,
    max,
    integer,
    unit,
    apply(config, raw) {
      const value = parseDecimal(raw);
      if (/^\s*[+-]?0[xXbBoO]/.test(raw))
        return `${allowed}, in decimal digits (not hex, binary or octal)`;
      if (!Number.isFinite(value) || value < min || value > max) return allowed;
      if (integer && !Number.isInteger(value)) return allowed;
      set(config, value);
      return undefined;
    },
    read: (config) => String(get(config)),
  };
}

export interface ChoiceSpec<K extends string, T extends string> extends Accessors<T>, SettingFacts {
  key: K;
  description: string;
  choices: readonly T[];
}

export function choiceSetting<K extends string, T extends string>(
  spec: ChoiceSpec<K, T>,
): ChoiceSetting<K> {
  const { key, description, choices, get, set } = spec;
  const allowed = `one of ${choices.join(', ')}`;
  return {
    ...factsOf(spec),
    kind: 'choice',
    key,
    description,
    allowed,
    choices,
    apply(config, raw) {
      const value = raw.trim() as T;
      if (!choices.includes(value)) return allowed;
      set(config, value);
      return undefined;
    },
    read: (config) => get(config),
  };
}

export interface SwitchSpec<K extends string> extends Accessors<boolean>, SettingFacts {
  key: K;
  description: string;
}

export function booleanSetting<K extends string>(spec: SwitchSpec<K>): ChoiceSetting<K> {
  const { get, set } = spec;
  return choiceSetting({
    ...factsOf(spec),
    key: spec.key,
    description: spec.description,
    choices: ['true', 'false'] as const,
    get: (c) => (get(c) ? 'true' : 'false'),
    set: (c, v) => set(c, v === 'true'),
  });
}

/** A latency: a number of milliseconds or a distribution. */
export function latencySetting<K extends string>(
  spec: Accessors<Distribution> & SettingFacts & { key: K; description: string },
): NumericSetting<K> {
  const { key, description, get, set } = spec;
  return {
    ...factsOf(spec),
    kind: 'latency',
    key,
    description,
    allowed: DISTRIBUTION_HELP,
    min: 0,
    max: MAX_LATENCY_MS,
    integer: false,
    unit: 'ms',
    apply(config, raw) {
      const parsed = parseDistribution(raw);
      if (typeof parsed === 'string') return parsed;
      set(config, parsed);
      return undefined;
    },
    read: (config) => formatDistribution(get(config)),
  };
}
