/** The `lock` parameter as the store enforces it: which settings a change would touch (including
 * those it implies, such as a rate switching the single order to steady traffic), the sentence
 * that refuses it, and a lesson's settings and script with the locked values kept. Pure. */
import {
  buildConfig,
  findSetting,
  type AnySettingKey,
  type SettingKey,
  type SettingValue,
  type TimedChange,
} from '../../engine/index.ts';
import { shown } from './echo.ts';

export const PATTERN_KEY = 'traffic.pattern' satisfies SettingKey;
/** The orders-per-second setting: above 0 while only the single order arrives, it also starts
 * steady traffic (touchedBy), and under the single-order pattern it reads 0. */
export const RATE_KEY = 'traffic.rate' satisfies SettingKey;

/** The settings a change of `key` to `value` sets, the implied ones first, given the values in
 * force now: an order rate above 0 while only the single order arrives also starts steady
 * traffic. */
export function touchedBy(
  key: AnySettingKey,
  value: SettingValue,
  values: Readonly<Record<string, string>>,
): [AnySettingKey, SettingValue][] {
  const implied: [AnySettingKey, SettingValue][] =
    key === RATE_KEY && Number(value) > 0 && values[PATTERN_KEY] === 'single'
      ? [[PATTERN_KEY, 'steady']]
      : [];
  return [...implied, [key, value]];
}

/** Why these changes are refused on this page, or undefined when none touches a locked key. The
 * first change is the one asked for; any after it are what it implies. */
export function lockRefusal(
  locked: readonly string[],
  changes: readonly (readonly [string, SettingValue])[],
  asked: string,
): string | undefined {
  const hit = changes.find(([key]) => locked.includes(key));
  if (!hit) return undefined;
  const [key, value] = hit;
  if (key === asked) return `${shown(key)} is locked on this page (the lock parameter)`;
  return (
    `${shown(asked)} would set ${key} to ${shown(String(value))}, ` +
    `which is locked on this page (the lock parameter)`
  );
}

/** A lesson's starting settings with each locked key at the value it has now. */
export function withLockedValues(
  settings: Readonly<Record<string, SettingValue>>,
  lockedValues: Readonly<Record<string, string>>,
): Record<string, SettingValue> {
  return { ...settings, ...lockedValues };
}

/** A lesson's script without its changes to locked keys. */
export function withoutLocked(
  script: readonly TimedChange[],
  locked: readonly string[],
): TimedChange[] {
  return script.filter((c) => !locked.includes(c.key));
}

/** The locked settings a lesson would have set otherwise (in its settings or its script), as
 * `key=value` with the value kept: what `loadScenario` tells the host it held. */
export function keptFromLesson(
  lesson: { settings: Readonly<Record<string, SettingValue>>; script: readonly TimedChange[] },
  lockedValues: Readonly<Record<string, string>>,
): string[] {
  const own = buildConfig(lesson.settings);
  return Object.entries(lockedValues)
    .filter(
      ([key, value]) =>
        findSetting(key)?.read(own) !== value || lesson.script.some((c) => c.key === key),
    )
    .map(([key, value]) => `${key}=${value}`);
}
