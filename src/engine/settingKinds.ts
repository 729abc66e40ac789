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
      const text = raw.trim();
      const value = text === '' ? NaN : Number(text);
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
