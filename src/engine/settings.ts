/** The one vocabulary of `key=value` settings that the command line, scenarios, timed changes and
 * URLs all use, with validation that names the key and its allowed values. */
import { defaultConfig, type Config } from './config.ts';
import type { Flow } from './flow.ts';
import { REGISTRY } from './registry.ts';
import { clip, type NumericSetting, type Setting, type SettingValue } from './settingKinds.ts';
import { isStepSettingKey, stepSetting, type StepSettingKey } from './stepSettings.ts';

export * from './config.ts';
export { parseOutages, type OutageWindow } from './outages.ts';
export type {
  ChoiceSetting,
  LiveEffect,
  NumericSetting,
  OnlyWhen,
  Setting,
  SettingValue,
  Sweep,
  TextSetting,
} from './settingKinds.ts';
export { clip, parseDecimal, splitOutsideParens } from './settingKinds.ts';

/** Every registry setting's key, such as 'workers.count' or 'latency.email'. A step's own
 * settings (`steps.charge.where`) are a StepSettingKey: which exist depends on the flow. */
export type SettingKey = (typeof REGISTRY)[number]['key'];

/** A registry setting's key or a step's (`steps.<id>.latency`): what a page control, a link or a
 * timed change may name. */
export type AnySettingKey = SettingKey | StepSettingKey;

/** The checkout's older names for its steps' values: each is the same value as the step's key
 * (`latency.charge` reads and writes `steps.charge.latency`), for any flow with a step of that id.
 * Links, locks and "What if?" write the older name, so links made before flows read the same. */
export const OLDER_STEP_NAMES: Readonly<Record<string, SettingKey>> = {
  'steps.validate.latency': 'latency.validate',
  'steps.charge.latency': 'latency.charge',
  'steps.save.latency': 'latency.save',
  'steps.email.latency': 'latency.email',
  'steps.email.failureRate': 'email.failureRate',
};

/** The one name a setting is written under: a step's key becomes its older name where it has one
 * (`steps.email.latency` is `latency.email`); every other key is its own name. */
export function settingName<K extends string>(key: K): K | SettingKey {
  return OLDER_STEP_NAMES[key] ?? key;
}

/** The id of the step a setting belongs to (`charge` for `latency.charge` and for
 * `steps.charge.where`); undefined for a setting of no step (`email.outage` is the email
 * service's, kept on its step, but no step setting). */
export function stepIdOf(key: string): string | undefined {
  const stepKey = Object.entries(OLDER_STEP_NAMES).find(([, name]) => name === key)?.[0] ?? key;
  return isStepSettingKey(stepKey) ? stepKey.split('.')[1] : undefined;
}

/** Settings by key, as scenarios, links and the command line give them (a step's too), for a
 * caller that builds them up. */
export type SettingMap = Partial<Record<SettingKey, SettingValue>> &
  Record<StepSettingKey, SettingValue>;

export type SettingValues = Readonly<SettingMap>;

/** The keys of `values`, typed as the keys they are: Object.keys says only `string`. */
export function settingKeys(values: SettingValues): AnySettingKey[] {
  return Object.keys(values) as AnySettingKey[];
}

/** A key from outside (a link, the command line, a host page) read once into a setting's key, or
 * the sentence that names it and lists the keys there are. */
export function parseSettingKey(text: string): { key: AnySettingKey } | { error: string } {
  return isAnySettingKey(text) ? { key: text } : { error: unknownSetting(text) };
}

/** The registry's settings; the steps' own (`steps.<id>.…`) are made per key by findSetting. */
export const SETTINGS: readonly Setting<SettingKey>[] = REGISTRY;

/** The registry's settings "What if?" offers whatever the flow (those with a ranked `sweep`), in
 * its list's order; every step's time and failure rate may be swept too, and follow them. */
export const RANKED_SWEEPS: readonly Setting<SettingKey>[] = SETTINGS.filter(
  (s) => s.sweep?.rank !== undefined,
).sort((a, b) => a.sweep!.rank! - b.sweep!.rank!);

const BY_KEY: ReadonlyMap<string, Setting<SettingKey>> = new Map(SETTINGS.map((s) => [s.key, s]));

/** Whether a string from outside (a link, the command line, a host page) names a setting. */
export function isSettingKey(key: string): key is SettingKey {
  return BY_KEY.has(key);
}

/** Whether a string from outside names a registry setting or has the shape of a step's. */
export function isAnySettingKey(key: string): key is AnySettingKey {
  return BY_KEY.has(key) || isStepSettingKey(key);
}

/** The message for a key that names no setting, listing the ones that do. */
export function unknownSetting(key: string): string {
  return `unknown setting '${clip(key)}'; known settings: ${SETTINGS.map((s) => s.key).join(', ')}, steps.ID.latency|failureRate|where`;
}

export function findSetting(key: string): Setting<SettingKey | StepSettingKey> | undefined {
  return BY_KEY.get(key) ?? stepSetting(key);
}

/** The setting if it holds a number (a latency: its mean), with its bounds, unit and whether it
 * is whole; undefined for a choice, a switch, free text or an unknown key. */
export function numericSetting(
  key: string,
): NumericSetting<SettingKey | StepSettingKey> | undefined {
  const setting = findSetting(key);
  return setting?.kind === 'number' || setting?.kind === 'latency' ? setting : undefined;
}

/** Applies `key=value` to a config in place; returns a one-line error naming the key and what
 * is allowed, or undefined when it applied. A failed apply leaves the config untouched. The key
 * may be any string (the command line's, a link's): an unknown one gets `unknownSetting`. */
export function applySetting(config: Config, key: string, value: SettingValue): string | undefined {
  const setting = findSetting(key);
  if (!setting) return unknownSetting(key);
  const problem = setting.apply(config, String(value));
  return problem === undefined
    ? undefined
    : `${key}=${clip(String(value))} is not allowed: ${problem}`;
}

/** Checks a value for `key` without the run's flow at hand (the command line's flags, before the
 * flow is read): a step's setting is checked against a scratch step of its id; whether the flow
 * has that step is checked when the run is built (buildConfig). */
export function checkSettingValue(key: string, value: SettingValue): string | undefined {
  const config = defaultConfig();
  const id = /^steps\.([^.]+)\./.exec(key)?.[1];
  if (id !== undefined && !config.flow.steps.some((step) => step.id === id)) {
    config.flow.steps.push({ ...config.flow.steps[0]!, id });
  }
  return applySetting(config, key, value);
}

/** A config from the defaults (with `flow` instead of the checkout, if given) and a set of
 * settings; throws a SettingError on the first bad one. */
export function buildConfig(settings: SettingValues = {}, flow?: Flow): Config {
  const config = defaultConfig();
  if (flow) config.flow = structuredClone(flow);
  for (const [key, value] of Object.entries(settings)) {
    const problem = applySetting(config, key, value);
    if (problem) throw new SettingError(problem);
  }
  return config;
}

export class SettingError extends Error {
  override name = 'SettingError';
}

/** A setting that changes at a moment of simulated time: how scenarios script events and how the
 * UI records a slider move, so that any run replays exactly from (scenario, seed, changes). */
export interface TimedChange {
  atMs: number;
  key: ChangeKey;
  value: SettingValue;
  /** Set on changes made live (Simulation.change): how many events had run when it was made, so
   * a replay applies it between the same two events, even among events at the same instant. */
  afterEvents?: number;
}

/** Actions that are not settings but can be timed like them. */
export const ACTIONS = {
  placeOrders: 'orders.place',
  /** Moves every dead-lettered message back to the main queue now. */
  redrive: 'queue.redrive',
} as const;

export type ActionKey = (typeof ACTIONS)[keyof typeof ACTIONS];

/** What a timed change may name: a setting (a step's too: which exist depends on the flow, and
 * the engine refuses a step the flow lacks) or an action. */
export type ChangeKey = AnySettingKey | ActionKey;

const ACTION_KEYS: readonly string[] = Object.values(ACTIONS);

/** An action (placing orders, a redrive) rather than a setting: it happens, it holds no value. */
export function isAction(key: string): key is ActionKey {
  return ACTION_KEYS.includes(key);
}

/** Whether `key` can only be set before a run starts (its entry's `live` is `restart`: the broker,
 * Kafka's partitions, a step's `where`, which decide what the run is made of). */
export function beforeStartOnly(key: string): boolean {
  return findSetting(key)?.live === 'restart';
}
