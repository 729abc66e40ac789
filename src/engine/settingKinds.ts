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

interface SettingBase<K extends string> {
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

export interface NumberSpec<K extends string> extends Accessors<number> {
  key: K;
  description: string;
  min: number;
  max: number;
  /** '' (the default) for a plain count. */
  unit?: string;
  /** Only whole numbers (false by default). */
  integer?: boolean;
}

export function numberSetting<K extends string>(spec: NumberSpec<K>): NumericSetting<K> {
  const { key, description, min, max, unit = '', integer = false, get, set } = spec;
  const kind = integer ? 'a whole number' : 'a number';
  const allowed = `${kind} from ${min} to ${max}${unit ? ` ${unit}` : ''}`;
  return {
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

export interface ChoiceSpec<K extends string, T extends string> extends Accessors<T> {
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

export interface SwitchSpec<K extends string> extends Accessors<boolean> {
  key: K;
  description: string;
}

export function booleanSetting<K extends string>(spec: SwitchSpec<K>): ChoiceSetting<K> {
  const { get, set } = spec;
  return choiceSetting({
    key: spec.key,
    description: spec.description,
    choices: ['true', 'false'] as const,
    get: (c) => (get(c) ? 'true' : 'false'),
    set: (c, v) => set(c, v === 'true'),
  });
}

/** A latency: a number of milliseconds or a distribution. */
export function latencySetting<K extends string>(
  spec: Accessors<Distribution> & { key: K; description: string },
): NumericSetting<K> {
  const { key, description, get, set } = spec;
  return {
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
