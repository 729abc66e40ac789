/** The kinds of setting (a number in a range, a choice, a switch, a latency spec) and how each
 * parses, validates and formats its value, so that every setting says its allowed values alike. */
import {
  DISTRIBUTION_HELP,
  MAX_LATENCY_MS,
  formatDistribution,
  parseDistribution,
} from './distributions.ts';
import type { Config, Step } from './config.ts';

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

export interface Setting {
  key: string;
  /** What the key means, for --help and the UI. */
  description: string;
  /** The allowed values, as they appear in error messages. */
  allowed: string;
  /** For a number (a latency: its mean), the bounds it must lie within, so that sliders and
   * number boxes need not restate them. */
  range?: { min: number; max: number; integer: boolean };
  /** Applies a raw value to a config; returns an error sentence, or undefined when it applied. */
  apply(config: Config, raw: string): string | undefined;
  /** The current value, formatted so that `apply(read())` round-trips. */
  read(config: Config): string;
}

export function numberSetting(
  key: string,
  description: string,
  min: number,
  max: number,
  unit: string,
  get: (c: Config) => number,
  set: (c: Config, v: number) => void,
  integer = false,
): Setting {
  const kind = integer ? 'a whole number' : 'a number';
  const allowed = `${kind} from ${min} to ${max}${unit ? ` ${unit}` : ''}`;
  return {
    key,
    description,
    allowed,
    range: { min, max, integer },
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

export function choiceSetting<T extends string>(
  key: string,
  description: string,
  choices: readonly T[],
  get: (c: Config) => T,
  set: (c: Config, v: T) => void,
): Setting {
  const allowed = `one of ${choices.join(', ')}`;
  return {
    key,
    description,
    allowed,
    apply(config, raw) {
      const value = raw.trim() as T;
      if (!choices.includes(value)) return allowed;
      set(config, value);
      return undefined;
    },
    read: (config) => get(config),
  };
}

export function booleanSetting(
  key: string,
  description: string,
  get: (c: Config) => boolean,
  set: (c: Config, v: boolean) => void,
): Setting {
  return choiceSetting(
    key,
    description,
    ['true', 'false'] as const,
    (c) => (get(c) ? 'true' : 'false'),
    (c, v) => set(c, v === 'true'),
  );
}

export function latencySetting(step: Step, description: string): Setting {
  return {
    key: `latency.${step}`,
    description,
    allowed: DISTRIBUTION_HELP,
    range: { min: 0, max: MAX_LATENCY_MS, integer: false },
    apply(config, raw) {
      const parsed = parseDistribution(raw);
      if (typeof parsed === 'string') return parsed;
      config.latency[step] = parsed;
      return undefined;
    },
    read: (config) => formatDistribution(config.latency[step]),
  };
}
