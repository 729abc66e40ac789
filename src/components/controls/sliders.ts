/** What a slider shows for a setting: its stops, where a value sits among them, the text beside
 * it and the engine value a stop stands for. Pure functions of the control spec and the
 * registry, so the component only draws. */
import {
  defaultConfig,
  numericSetting,
  SETTINGS,
  formatDistribution,
  meanMs,
  parseDistribution,
  withMeanMs,
  type Distribution,
  type SettingKey,
} from '../../engine/index.ts';
import { lessonEntry } from '../../scenarios/index.ts';
import { RATE_KEY } from '../../store/changes/locks.ts';
import type { ControlSpec } from './controlSpecs.ts';
import type { Translate } from '../../i18n/react.tsx';
import type { MessageId } from '../../i18n/runtime.ts';
import { localNumber, withUnit } from './localSpec.ts';

/** The factor from the engine's value to the control's: per cent shows a probability × 100. */
const factorOf = (spec: ControlSpec) => (spec.kind === 'percent' ? 100 : 1);

/** The registry's bounds in the control's unit, or undefined when it gives none. */
export function registryRange(spec: ControlSpec): { min: number; max: number } | undefined {
  const range = numericSetting(spec.key);
  if (!range) return undefined;
  const factor = factorOf(spec);
  return { min: range.min * factor, max: range.max * factor };
}

/** The slider's stops, ascending: the spec's scale from the registry's minimum, capped at its
 * maximum, with the default added, so the tick always marks a stop the thumb can rest on. */
export function sliderStops(spec: ControlSpec, defaultValue?: number): number[] {
  const range = registryRange(spec) ?? { min: 0, max: Infinity };
  const stops = [range.min];
  let at = range.min;
  for (const [upTo, step] of spec.scale ?? []) {
    // Stops fall on whole multiples of the step, whatever the minimum (1, 5, 10, … not 1, 6, 11).
    at = Math.floor(at / step) * step + step;
    for (; at <= Math.min(upTo, range.max); at += step) stops.push(at);
    at = stops[stops.length - 1]!;
  }
  if (defaultValue !== undefined && defaultValue >= range.min && defaultValue <= range.max) {
    if (!stops.includes(defaultValue)) stops.push(defaultValue);
  }
  return stops.sort((a, b) => a - b);
}

/** The index of the stop nearest a value (the first of two equally near). */
export function nearestStop(stops: readonly number[], value: number): number {
  let best = 0;
  for (let i = 1; i < stops.length; i++) {
    if (Math.abs(stops[i]! - value) < Math.abs(stops[best]! - value)) best = i;
  }
  return best;
}

/** A setting's value as the slider reads it: a number in the control's unit, and for a latency
 * that is not a constant, its distribution. Undefined when the value is not a number at all. */
export function readSlider(
  spec: ControlSpec,
  engineValue: string,
): { value: number; distribution?: Distribution } | undefined {
  if (spec.kind === 'latency') {
    const d = parseDistribution(engineValue);
    if (typeof d === 'string') return undefined;
    return d.kind === 'constant' ? { value: d.ms } : { value: meanMs(d), distribution: d };
  }
  const n = engineValue.trim() === '' ? NaN : Number(engineValue);
  // Per cent is shown to 0.1, so 0.07 reads 7 and not 7.000000000000001.
  return Number.isFinite(n) ? { value: Math.round(n * factorOf(spec) * 1000) / 1000 } : undefined;
}

/** The engine value for a slider stop: a latency keeps its kind and moves its mean. */
export function engineValueAt(spec: ControlSpec, engineValue: string, value: number): string {
  if (spec.kind === 'latency') {
    const d = parseDistribution(engineValue);
    return formatDistribution(
      withMeanMs(typeof d === 'string' ? { kind: 'constant', ms: 0 } : d, value),
    );
  }
  return String(value / factorOf(spec));
}

/** "800 ms" under a second, "1.5 s" from there, in the language on. */
export function shortMs(t: Translate, ms: number, spoken = false): string {
  return ms < 1000 ? withUnit(t, ms, 'ms', 1, spoken) : withUnit(t, ms / 1000, 's', 2, spoken);
}

/** The value and unit beside the slider: "800 ms", "5 %", "50 orders/s", "1 worker". */
export function formatSliderValue(t: Translate, spec: ControlSpec, value: number): string {
  if (spec.kind === 'latency') return shortMs(t, value);
  return spec.unit ? withUnit(t, value, spec.unit) : localNumber(t, value);
}

/** The same for aria-valuetext, in words: "800 milliseconds", "5 per cent". */
export function spokenSliderValue(t: Translate, spec: ControlSpec, value: number): string {
  if (spec.kind === 'latency') return shortMs(t, value, true);
  return spec.unit ? withUnit(t, value, spec.unit, 3, true) : localNumber(t, value);
}

/** A distribution's chip: "lognormal, mean 2.5 s". */
export function describeDistribution(t: Translate, d: Distribution, spoken = false): string {
  return t('controls.distribution', {
    kind: t(`distribution.${d.kind}` as MessageId),
    mean: shortMs(t, meanMs(d), spoken),
  });
}

let registryDefaults: Readonly<Record<string, string>> | undefined;

/** The engine value the default tick marks: the lesson's own setting if it has one, else the
 * registry's default. Orders per second reads 0 under the single-order pattern, as the store
 * shows it. */
export function defaultEngineValue(key: SettingKey, scenarioId: string | null): string | undefined {
  const lesson = lessonEntry(scenarioId ?? '')?.settings ?? {};
  const config = defaultConfig();
  registryDefaults ??= Object.fromEntries(SETTINGS.map((s) => [s.key, s.read(config)]));
  const valueOf = (k: SettingKey) => {
    const own = lesson[k];
    return own === undefined ? registryDefaults?.[k] : String(own);
  };
  if (key === RATE_KEY && valueOf('traffic.pattern') === 'single') return '0';
  return valueOf(key);
}
