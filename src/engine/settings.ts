/** The one vocabulary of `key=value` settings that the command line, scenarios, timed changes and
 * URLs all use, with validation that names the key and its allowed values. */
import { defaultConfig, type Config } from './config.ts';
import type { Flow } from './flow.ts';
import { QUEUE_SETTINGS } from './queueSettings.ts';
import {
  booleanSetting,
  clip,
  choiceSetting,
  latencySetting,
  numberSetting,
  type NumericSetting,
  type OnlyWhen,
  type Setting,
  type SettingValue,
} from './settingKinds.ts';
import {
  isStepSettingKey,
  stepFailureRate,
  stepLatency,
  stepOutages,
  stepSetting,
  type StepSettingKey,
} from './stepSettings.ts';

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

const MAX_SECONDS = 86_400;

/** The traffic settings that a pattern leaves unused. */
const NOT_SINGLE: OnlyWhen = {
  governs: 'traffic.pattern',
  holds: (c) => c.traffic.pattern !== 'single',
  why: 'traffic.pattern is single',
};
const SPIKE: OnlyWhen = {
  governs: 'traffic.pattern',
  holds: (c) => c.traffic.pattern === 'spike',
  why: 'traffic.pattern is not spike',
};

/** The registry, `as const` so that its keys form the SettingKey union: a key that is not here is
 * a type error in a scenario, a timed change or the store's `change`. */
const REGISTRY = [
  choiceSetting({
    key: 'traffic.pattern',
    label: 'Traffic pattern',
    live: 'retimeTraffic',
    description:
      'how orders arrive: one order at t=0, steady Poisson arrivals, or steady with a spike',
    choices: ['single', 'steady', 'spike'] as const,
    get: (c) => c.traffic.pattern,
    set: (c, v) => (c.traffic.pattern = v),
  }),
  numberSetting({
    key: 'traffic.rate',
    label: 'Orders per second',
    onlyWhen: NOT_SINGLE,
    sweep: { from: 1, to: 20, rank: 3 },
    live: 'retimeTraffic',
    description: 'orders per second (steady and spike patterns)',
    min: 0,
    max: 10_000,
    unit: 'orders/s',
    get: (c) => c.traffic.ratePerSec,
    set: (c, v) => (c.traffic.ratePerSec = v),
  }),
  numberSetting({
    key: 'traffic.orders',
    label: 'Orders in all',
    onlyWhen: NOT_SINGLE,
    live: 'retimeTraffic',
    description: 'stop after this many orders (0: no limit)',
    min: 0,
    max: 100_000_000,
    integer: true,
    get: (c) => c.traffic.orders,
    set: (c, v) => (c.traffic.orders = v),
  }),
  numberSetting({
    key: 'traffic.spikeAt',
    label: 'Spike starts at',
    onlyWhen: SPIKE,
    live: 'retimeTraffic',
    description: 'when the spike starts',
    min: 0,
    max: MAX_SECONDS,
    unit: 's',
    get: (c) => c.traffic.spikeAtSec,
    set: (c, v) => (c.traffic.spikeAtSec = v),
  }),
  numberSetting({
    key: 'traffic.spikeFor',
    label: 'Spike length',
    onlyWhen: SPIKE,
    live: 'retimeTraffic',
    description: 'how long the spike lasts',
    min: 0,
    max: MAX_SECONDS,
    unit: 's',
    get: (c) => c.traffic.spikeForSec,
    set: (c, v) => (c.traffic.spikeForSec = v),
  }),
  numberSetting({
    key: 'traffic.spikeRate',
    label: 'Spike orders per second',
    onlyWhen: SPIKE,
    live: 'retimeTraffic',
    description: 'orders per second during the spike',
    min: 0,
    max: 10_000,
    unit: 'orders/s',
    get: (c) => c.traffic.spikeRatePerSec,
    set: (c, v) => (c.traffic.spikeRatePerSec = v),
  }),
  // The checkout's names for its steps' values: each reads and writes the flow's step.
  stepLatency('latency.validate', 'validate', 'checking the payment details', {
    label: 'Check payment',
  }),
  stepLatency('latency.charge', 'charge', 'charging the card at the payment service', {
    label: 'Charge card',
  }),
  stepLatency('latency.save', 'save', 'saving the order in the database', {
    label: 'Save order',
  }),
  latencySetting({
    key: 'latency.enqueue',
    label: 'Queue the job (async)',
    asyncOnly: true,
    description: 'putting the background jobs on the queue (async)',
    get: (c) => c.latency.enqueue,
    set: (c, v) => (c.latency.enqueue = v),
  }),
  stepLatency('latency.email', 'email', 'one call to the email service, failed or not', {
    label: 'Send email',
    rank: 4,
  }),
  stepFailureRate('email.failureRate', 'email', 'chance that one email call fails', {
    label: 'Email failure rate',
    rank: 5,
  }),
  stepOutages(
    'email.outage',
    'email',
    'windows of simulated time in which every email call fails',
    {
      label: 'Email outage windows',
      live: 'scheduleOutages',
    },
  ),
  booleanSetting({
    key: 'email.down',
    label: 'Email service outage',
    live: 'logEmailService',
    description: 'the email service is down now (a switch, for the UI and timed changes)',
    get: (c) => c.email.down,
    set: (c, v) => (c.email.down = v),
  }),
  numberSetting({
    key: 'email.poisonEvery',
    label: 'Poison message every',
    description: 'every n-th order has an email job that always fails, a poison message (0: none)',
    min: 0,
    max: 1_000_000,
    integer: true,
    get: (c) => c.email.poisonEvery,
    set: (c, v) => (c.email.poisonEvery = v),
  }),
  booleanSetting({
    key: 'email.idempotency',
    label: 'Email idempotency key',
    description:
      "the email service sends each order's confirmation once, by the key order-confirmation/<orderId>",
    get: (c) => c.email.idempotency,
    set: (c, v) => (c.email.idempotency = v),
  }),
  booleanSetting({
    key: 'checkout.idempotency',
    label: 'Charge idempotency key',
    description:
      'the payment service charges each checkout once, however often the customer clicks',
    get: (c) => c.checkout.idempotency,
    set: (c, v) => (c.checkout.idempotency = v),
  }),
  numberSetting({
    key: 'server.handlers',
    label: 'Server handlers',
    sweep: { from: 1, to: 20, rank: 2 },
    live: 'refillHandlers',
    description: 'requests the web server handles at once',
    min: 1,
    max: 100_000,
    integer: true,
    get: (c) => c.server.handlers,
    set: (c, v) => (c.server.handlers = v),
  }),
  numberSetting({
    key: 'server.timeout',
    label: 'User timeout',
    live: 'rescheduleTimeouts',
    description: 'how long a user waits before seeing an error page',
    min: 1,
    max: 3_600_000,
    unit: 'ms',
    get: (c) => c.server.timeoutMs,
    set: (c, v) => (c.server.timeoutMs = v),
  }),
  numberSetting({
    key: 'server.crashRate',
    label: 'Server crash rate (async, after the save)',
    asyncOnly: true,
    description:
      'async: chance that the web server dies after saving an order and before queueing its email job (the dual write); the customer sees an error page (sync: no effect, it has no queue)',
    min: 0,
    max: 1,
    get: (c) => c.server.crashRate,
    set: (c, v) => (c.server.crashRate = v),
  }),
  numberSetting({
    key: 'workers.count',
    label: 'Workers',
    asyncOnly: true,
    sweep: { from: 1, to: 20, rank: 1 },
    live: 'resizeWorkers',
    description: 'queue workers',
    min: 0,
    max: 10_000,
    integer: true,
    get: (c) => c.workers.count,
    set: (c, v) => (c.workers.count = v),
  }),
  numberSetting({
    key: 'workers.crashRate',
    label: 'Worker crash rate',
    asyncOnly: true,
    description: 'chance that a worker crashes while handling one message',
    min: 0,
    max: 1,
    get: (c) => c.workers.crashRate,
    set: (c, v) => (c.workers.crashRate = v),
  }),
  numberSetting({
    key: 'workers.restart',
    label: 'Worker restart time',
    asyncOnly: true,
    onlyWhen: {
      governs: 'workers.crashRate',
      holds: (c) => c.workers.crashRate > 0,
      why: 'workers.crashRate is 0',
    },
    description: 'how long a crashed worker takes to come back',
    min: 0,
    max: 3_600_000,
    unit: 'ms',
    get: (c) => c.workers.restartMs,
    set: (c, v) => (c.workers.restartMs = v),
  }),
  ...QUEUE_SETTINGS,
  booleanSetting({
    key: 'users.retryOnError',
    label: 'Users retry on error',
    description: 'a user who sees an error page places the order once more',
    get: (c) => c.users.retryOnError,
    set: (c, v) => (c.users.retryOnError = v),
  }),
  numberSetting({
    key: 'users.retryDelay',
    label: 'Users click again after',
    onlyWhen: {
      governs: 'users.retryOnError',
      holds: (c) => c.users.retryOnError,
      why: 'users.retryOnError is false',
    },
    description: 'how long a user takes to click again after an error page',
    min: 0,
    max: 3_600_000,
    unit: 'ms',
    get: (c) => c.users.retryDelayMs,
    set: (c, v) => (c.users.retryDelayMs = v),
  }),
] as const;

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
